import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { dealProperties, partnerProperties } from '../sync/hubspot-harness.ts';
import { startWebhookWorld, type WebhookWorld } from './webhook-service.ts';

let store: KyselyJourneyStore;
let world: WebhookWorld | undefined;
let portal = 50_000_000;
beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
});
afterAll(async () => {
  await store?.close();
});

/** Two partners; Acme has one win worth 30,000 (First revenue), Beta has two wins worth 20,000. */
async function portalWithWebhooks() {
  portal += 1;
  world = await startWebhookWorld({ portalId: portal }, store);
  const w = world;
  const s = w.sandbox.state;
  const acme = s.create('companies', partnerProperties('Acme')).id;
  const beta = s.create('companies', partnerProperties('Beta')).id;
  const link = (status: 'won' | 'lost' | 'open', amount: number, daysAgo: number, partner: string) => {
    const id = s.create('deals', dealProperties(status, amount, daysAgo)).id;
    s.link(id, partner, { partner: true });
    return id;
  };
  const acmeWin = link('won', 30_000, 30, acme);
  link('won', 10_000, 60, beta);
  link('won', 10_000, 90, beta);
  await w.settle();
  return { w, s, acme, beta, acmeWin };
}

const companyWrites = (w: WebhookWorld) => w.sandbox.state.apiWrites.filter((x) => x.type === 'companies');
const delivered = (w: WebhookWorld, type: string) =>
  w.sandbox.webhookDeliveries().flatMap((d) => d.events).filter((e) => e['subscriptionType'] === type);

describe('HubSpot webhooks through the sync', () => {
  it('When our write-back changes pj_stage, then HubSpot reports it by webhook and the re-read writes nothing back', async () => {
    const { w, acme, beta } = await portalWithWebhooks();
    await w.sync.sync(w.adapter);
    const written = companyWrites(w).length;
    expect(written).toBe(2);
    await w.settle();

    const echoes = delivered(w, 'company.propertyChange').filter((e) => e['propertyName'] === 'pj_stage');
    expect(echoes.map((e) => String(e['objectId'])).sort()).toEqual([acme, beta].sort());
    expect(echoes.every((e) => e['changeSource'] === 'INTEGRATION')).toBe(true);
    // The sync reads partners by search; batch reads of companies are the webhooks' re-reads.
    expect(w.sandbox.state.requests.filter((r) => r.path.startsWith('/crm/v3/objects/companies/batch/read'))).not.toHaveLength(0);
    expect(companyWrites(w)).toHaveLength(written);
  });

  it('When a person edits pj_stage in HubSpot, then the webhook turns it into a crm-edit history row and pj_stage is not written back', async () => {
    const { w, s, acme } = await portalWithWebhooks();
    await w.sync.sync(w.adapter);
    await w.settle();
    const before = companyWrites(w).length;
    w.service.clock.now += 60_000;
    s.edit('companies', acme, { pj_stage: 'mature' });
    await w.settle();

    const history = await w.service.store.stageHistory(w.tenant, acme);
    expect(history.at(-1)).toMatchObject({ source: 'crm-edit', from: 'activate', to: 'mature', actor: 'HubSpot' });
    const after = companyWrites(w).slice(before);
    expect(after.map((x) => x.id)).toEqual([acme]);
    expect(after[0]?.properties).not.toHaveProperty('pj_stage');
    expect(s.record('companies', acme)?.properties['pj_stage']).toBe('mature');
  });

  it('When a won deal moves to another partner in HubSpot, then the association webhook brings both partners up to date', async () => {
    const { w, s, acme, beta, acmeWin } = await portalWithWebhooks();
    await w.sync.sync(w.adapter);
    await w.settle();
    w.service.clock.now += 60_000;
    s.unlink(acmeWin, acme);
    s.link(acmeWin, beta, { partner: true });
    await w.settle();

    expect((await w.service.store.getDeal(w.tenant, acmeWin))?.partnerIds).toEqual([beta]);
    expect(s.record('companies', beta)?.properties).toMatchObject({ pj_stage: 'accelerate', pj_won_deals_12m: '3', pj_won_revenue_12m: '50000' });
    expect(s.record('companies', acme)?.properties).toMatchObject({ pj_stage: 'activate', pj_suggested_stage: 'recruit', pj_won_deals_12m: '0' });
    expect((await w.service.store.stageHistory(w.tenant, beta)).at(-1)).toMatchObject({ source: 'sync', to: 'accelerate' });
  });
  it('When a won deal is deleted in HubSpot, then it stops counting: the suggestion drops, the official stage stays (no demotion)', async () => {
    const { w, s, acme, acmeWin } = await portalWithWebhooks();
    await w.sync.sync(w.adapter);
    await w.settle();
    w.service.clock.now += 60_000;
    s.archive('deals', acmeWin);
    await w.settle();

    expect(delivered(w, 'deal.deletion')).toHaveLength(1);
    expect(await w.service.store.getDeal(w.tenant, acmeWin)).toBeNull();
    expect(s.record('companies', acme)?.properties).toMatchObject({ pj_stage: 'activate', pj_suggested_stage: 'recruit', pj_won_deals_12m: '0' });
    expect((await w.service.store.stageHistory(w.tenant, acme)).map((h) => h.to)).toEqual(['activate']);
  });

  it('When a partner company is deleted in HubSpot, then it leaves the program and nothing is written to it', async () => {
    const { w, s, beta } = await portalWithWebhooks();
    await w.sync.sync(w.adapter);
    await w.settle();
    const writesBefore = companyWrites(w).length;
    s.archive('companies', beta);
    await w.settle();

    expect(delivered(w, 'company.deletion')).toHaveLength(1);
    expect((await w.service.store.getPartner(w.tenant, beta))?.type).toBeNull();
    expect(companyWrites(w)).toHaveLength(writesBefore);
    expect((await w.service.store.listPartners(w.tenant, { limit: 10 })).map((p) => p.partnerId)).not.toContain(beta);
  });
  it('When the re-read after a webhook fails, then the next sync run reads those records first (HubSpot will not report the move again)', async () => {
    const { w, s, acme, beta, acmeWin } = await portalWithWebhooks();
    await w.sync.sync(w.adapter);
    await w.settle();
    w.service.clock.now += 60_000;
    s.enqueueFault({ route: 'POST /crm/v3/objects/:type/batch/read', status: 503, times: 10 });
    s.unlink(acmeWin, acme);
    s.link(acmeWin, beta, { partner: true });
    await w.settle();
    expect((await w.service.store.getDeal(w.tenant, acmeWin))?.partnerIds).toEqual([acme]);

    await w.sync.sync(w.adapter);
    expect((await w.service.store.getDeal(w.tenant, acmeWin))?.partnerIds).toEqual([beta]);
    expect(s.record('companies', beta)?.properties).toMatchObject({ pj_stage: 'accelerate', pj_won_deals_12m: '3' });
  });
});
