import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createHubspotAdapter } from '../../server/crm/hubspot/hubspot-adapter.ts';
import type { CrmAdapter } from '../../server/crm/crm-adapter.ts';
import { crmLinks } from '../../server/journey/crm-links.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { startHubspotSandbox, type HubspotSandbox, type HubspotSandboxOptions, type WebhookSubscription } from '../../server/sandbox/hubspot/index.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { SyncService } from '../../server/sync/sync-service.ts';
import { startTestService, TEST_NOW, type TestService } from '../support/test-service.ts';
import { QUICK_RETRY } from './support.ts';

export const SECRET = 'webhook-client-secret';
export const WEBHOOK_PATH = '/api/v1/hubspot/webhooks';

const hsmetaSchema = z.object({
  config: z.object({ subscriptions: z.object({ legacyCrmObjects: z.array(z.object({ subscriptionType: z.string(), propertyName: z.string().optional(), active: z.boolean() })) }) }),
});

/** The subscriptions our webhooks component declares: the sandbox fires exactly these. */
export function declaredSubscriptions(): WebhookSubscription[] {
  const file = new URL('../../extensions/hubspot/app/webhooks/partner-journey-webhooks-hsmeta.json', import.meta.url);
  return hsmetaSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).config.subscriptions.legacyCrmObjects;
}

export interface WebhookWorld {
  readonly service: TestService;
  readonly sandbox: HubspotSandbox;
  readonly adapter: CrmAdapter;
  readonly sync: SyncService;
  readonly tenant: string;
  /** Waits until the sandbox delivered every webhook and the sync ran what they asked for. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The service as production composes it for one portal (adapter, SyncService, crmLinks through
 * the sync's queue, the webhooks route), with the sandbox as that portal. Service and sandbox
 * share the service's clock.
 */
export async function startWebhookWorld(sandboxOptions: HubspotSandboxOptions = {}, shared?: KyselyJourneyStore): Promise<WebhookWorld> {
  let now = () => TEST_NOW;
  const sandbox = await startHubspotSandbox({ partnerJourneySchema: true, rateLimits: { general: false, search: false }, clock: () => now(), ...sandboxOptions });
  const adapter = createHubspotAdapter({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl, retry: QUICK_RETRY });
  const tenant = await adapter.tenantId();
  const store = shared ?? (await openJourneyStore({ kind: 'memory' }));
  const sync = new SyncService({ store, now: () => now(), locale: 'en', log: createLogger('silent') });
  const service = await startTestService({
    store,
    hubspotClientSecret: SECRET,
    crm: crmLinks(new Map([[tenant, adapter]]), (t, work) => sync.exclusive(t, work)),
    sync,
  });
  // The test service owns the clock tests move; the sandbox and the sync follow it.
  now = () => service.clock.now;
  sandbox.connectWebhooks({ targetUrl: `${service.url}${WEBHOOK_PATH}`, clientSecret: SECRET, subscriptions: declaredSubscriptions() });
  return {
    service,
    sandbox,
    adapter,
    sync,
    tenant,
    async settle() {
      for (let i = 0; i < 5; i += 1) {
        await sandbox.webhooksIdle();
        await sync.idle();
      }
    },
    async close() {
      await sync.stop();
      await sandbox.close();
      await service.close();
      if (!shared) await store.close();
    },
  };
}
