import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FRAME_ANCESTORS } from '../../../server/crm/salesforce/canvas-frame-ancestors.ts';
import type { SalesforceCrmAdapter } from '../../../server/crm/salesforce/salesforce-adapter.ts';
import { CardPage } from '../../../server/http/card-page.ts';
import { crmLinks } from '../../../server/journey/crm-links.ts';
import type { SalesforceSandbox } from '../../../server/sandbox/salesforce/sandbox.ts';
import { SyncService } from '../../../server/sync/sync-service.ts';
import { startTestService, type TestService } from '../../support/test-service.ts';
import { canvasRequest, signCanvasRequest, type CanvasFixture } from './canvas.ts';
import { adapterFor } from './harness.ts';

export const CONSUMER_SECRET = 'canvas-consumer-secret-for-tests';

/** Vite's page as far as serving it goes; the Playwright test passes the real build instead. */
const STAND_IN_INDEX = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner Journey</title></head><body><div id="root"></div></body></html>';

export interface CanvasService {
  readonly service: TestService;
  readonly adapter: SalesforceCrmAdapter;
  readonly tenant: string;
  readonly sync: SyncService;
  /** Every OAuth token and signed request handed to the service so far (none may reach its logs). */
  readonly secretsSent: string[];
  /** A signed request as Salesforce would post it for this sandbox user (`manager`, `rep`…) on a record. */
  signedFor(username: string, fixture?: Partial<CanvasFixture>, options?: { secret?: string; alphabet?: 'base64' | 'base64url' }): string;
  close(): Promise<void>;
}

/**
 * The real service with its Canvas route, fed by a real sync of the sandbox org (jsforce →
 * sandbox → PGlite), with the sandbox's `manager` user mapped as a channel manager.
 */
export async function startCanvasService(
  sandbox: SalesforceSandbox,
  options: { readonly cardDir?: string; readonly frameAncestors?: readonly string[] } = {},
): Promise<CanvasService> {
  const ownDir = options.cardDir === undefined ? await mkdtemp(join(tmpdir(), 'pj-canvas-page-')) : null;
  if (ownDir !== null) await writeFile(join(ownDir, 'index.html'), STAND_IN_INDEX);
  const adapter = adapterFor(sandbox);
  const tenant = await adapter.tenantId();
  const quiet = { info: () => undefined, warn: () => undefined };
  const secretsSent: string[] = [CONSUMER_SECRET];
  let sync: SyncService | null = null;
  const service = await startTestService({
    cardPage: new CardPage(options.cardDir ?? ownDir ?? ''),
    channelManagers: { hubspot: { userIds: [], emails: [] }, salesforce: { userIds: [sandbox.state.user('manager').id], profiles: [] } },
    salesforceCanvas: { consumerSecret: CONSUMER_SECRET, frameAncestors: options.frameAncestors ?? DEFAULT_FRAME_ANCESTORS },
    crm: crmLinks(new Map([[tenant, adapter]]), (t, work) => (sync as SyncService).exclusive(t, work)),
  });
  sync = new SyncService({ store: service.store, now: () => service.clock.now, locale: 'en', log: quiet });
  await sync.sync(adapter);
  return {
    service,
    adapter,
    tenant,
    sync,
    secretsSent,
    signedFor(username, fixture = {}, signing = {}) {
      const user = sandbox.state.user(username);
      const request = canvasRequest({
        orgId: sandbox.orgId,
        userId: user.id,
        userName: user.username,
        instanceUrl: sandbox.instanceUrl,
        oauthToken: sandbox.state.tokenFor(username),
        ...fixture,
      });
      const signed = signCanvasRequest(request, signing.secret ?? CONSUMER_SECRET, signing.alphabet);
      secretsSent.push(String((request.client as { oauthToken: string }).oauthToken), signed.split('.')[0] ?? signed);
      return signed;
    },
    async close() {
      await sync?.stop();
      await service.close();
      if (ownDir !== null) await rm(ownDir, { recursive: true, force: true });
    },
  };
}
