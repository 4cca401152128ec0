import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyResponseSchema } from '../../shared/api/journey-api.ts';
import { startService, type RunningService } from '../../server/cli/serve-command.ts';
import { loadConfig } from '../../server/config/env.ts';
import { CardPage } from '../../server/http/card-page.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { startHubspotSandbox, type HubspotSandbox } from '../../server/sandbox/hubspot/index.ts';
import { hubspotFetch, identity } from '../support/hubspot-signing.ts';
import { portalSeed } from './support.ts';
import { declaredSubscriptions, SECRET, WEBHOOK_PATH } from './webhook-service.ts';

const MANAGER_EMAIL = 'channel.lead@example.com';

let sandbox: HubspotSandbox;
let dir: string;
let service: RunningService;
beforeAll(async () => {
  sandbox = await startHubspotSandbox({ partnerJourneySchema: true, seed: portalSeed({ partners: 5, dealsPerPartner: 4 }) });
  dir = await mkdtemp(join(tmpdir(), 'pj-serve-'));
  const config = await loadConfig({
    HUBSPOT_ACCESS_TOKEN: sandbox.token,
    HUBSPOT_BASE_URL: sandbox.baseUrl,
    HUBSPOT_CLIENT_SECRET: SECRET,
    CHANNEL_MANAGERS: JSON.stringify({ hubspot: { emails: [MANAGER_EMAIL] } }),
    DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    SYNC_INTERVAL_MINUTES: '60',
    LOG_LEVEL: 'silent',
  });
  service = await startService(config, { logger: createLogger('silent'), cardPage: new CardPage(join(dir, 'no-card-build')) });
  sandbox.connectWebhooks({ targetUrl: `${service.url}${WEBHOOK_PATH}`, clientSecret: SECRET, subscriptions: declaredSubscriptions() });
});
afterAll(async () => {
  await service?.close();
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await sleep(25);
  }
  throw new Error('gave up waiting');
}

const company = (id: string) => sandbox.state.record('companies', id)?.properties ?? {};

describe('serve with a HubSpot connection', () => {
  it('When serve starts with HUBSPOT_ACCESS_TOKEN, then the schedule backfills the portal, webhooks reach the sync, and a card stage change is written to HubSpot', async () => {
    expect(service.demoTenant).toBeNull();
    const partner = sandbox.state.liveRecords('companies')[0]?.id ?? '';
    await until(() => company(partner)['pj_stage'], (stage) => typeof stage === 'string' && stage !== '');

    sandbox.state.edit('companies', partner, { pj_stage: 'mature' });
    await until(() => company(partner)['pj_stage_changed_by'], (by) => by === 'HubSpot');

    const portal = String(sandbox.portalId);
    const journey = await hubspotFetch(service.url, {
      path: '/api/v1/hubspot/journey',
      query: [['objectTypeId', '0-2'], ['objectId', partner], ...identity(portal, '77', MANAGER_EMAIL)],
      secret: SECRET,
      timestamp: Date.now(),
    });
    expect(journey.status).toBe(200);
    expect(journeyResponseSchema.parse(await journey.json())).toMatchObject({ role: 'manager', journey: { officialStage: 'mature', stageChangedBy: 'HubSpot' } });

    const change = await hubspotFetch(service.url, {
      method: 'POST',
      path: '/api/v1/hubspot/stage',
      query: identity(portal, '77', MANAGER_EMAIL),
      body: { objectId: partner, stage: 'accelerate', reason: 'Agreed in the quarterly review' },
      secret: SECRET,
      timestamp: Date.now(),
    });
    expect(change.status).toBe(200);
    expect(company(partner)).toMatchObject({ pj_stage: 'accelerate', pj_stage_changed_by: MANAGER_EMAIL });
  }, 30_000);
});
