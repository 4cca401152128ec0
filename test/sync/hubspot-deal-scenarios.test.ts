import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { DAY, dealProperties, partnerProperties, startSyncHarness, T0, type SyncHarness } from './hubspot-harness.ts';

let store: KyselyJourneyStore;
let h: SyncHarness | undefined;
beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await store?.close();
});

const BATCH_UPDATE = 'POST /crm/v3/objects/:type/batch/update';

/**
 * Acme (200 days in the program): one win (First revenue) and an open deal. Beta: two wins worth 19,000 (First revenue; a
 * third win of 6,000+ reaches Acceleration) and an open deal of 8,000.
 */
async function portal() {
  h = await startSyncHarness({ store });
  const s = h.sandbox.state;
  const acme = s.create('companies', partnerProperties('Acme', { pj_partner_since: new Date(T0 - 200 * DAY).toISOString().slice(0, 10) })).id;
  const beta = s.create('companies', partnerProperties('Beta')).id;
  const deal = (status: 'won' | 'lost' | 'open', amount: number, daysAgo: number, partner: string) => {
    const id = s.create('deals', dealProperties(status, amount, daysAgo)).id;
    s.link(id, partner, { partner: true });
    return id;
  };
  const acmeWin = deal('won', 12_000, 40, acme);
  const acmeOpen = deal('open', 5_000, 10, acme);
  deal('won', 10_000, 100, beta);
  deal('won', 9_000, 200, beta);
  const betaOpen = deal('open', 8_000, 20, beta);
  await h.run();
  h.tick();
  return { h, s, acme, beta, acmeWin, acmeOpen, betaOpen };
}

describe('HubSpot sync scenarios: deals', () => {
  it('When the backfill runs, then every partner gets its first stage, a history row and its outputs in HubSpot', async () => {
    const { h, acme, beta } = await portal();
    expect(h.company(acme)).toMatchObject({ pj_stage: 'activate', pj_suggested_stage: 'activate', pj_won_deals_12m: '1', pj_won_revenue_12m: '12000', pj_stage_changed_by: 'partner-journey sync' });
    expect(h.company(beta)).toMatchObject({ pj_stage: 'activate', pj_won_deals_12m: '2', pj_won_revenue_12m: '19000' });
    expect((await h.history(acme)).map((r) => [r.source, r.from, r.to])).toEqual([['sync', null, 'activate']]);
  });

  it('When a new deal is linked to a partner, then the sync stores it under that partner and writes nothing when no output changes', async () => {
    const { h, s, acme } = await portal();
    const writes = h.writes();
    const created = s.create('deals', { ...dealProperties('open', 3_000, 2), hs_lastmodifieddate: new Date(h.clock.now).toISOString() }).id;
    s.link(created, acme, { partner: true });
    const report = await h.run();
    expect(report.dealsRead).toBeGreaterThanOrEqual(1);
    expect((await store.getDeal(h.tenant, created))?.partnerIds).toEqual([acme]);
    const evaluation = (await store.getEvaluations(h.tenant, [acme])).get(acme);
    expect(evaluation?.data).toMatchObject({ kpis: { openDeals: 2 } });
    expect(h.writes()).toBe(writes);
  });

  it('When a deal with no partner changes, then the sync does not store it; once linked to a partner it is stored, and unlinked it stays with no partner', async () => {
    const { h, s, acme } = await portal();
    const stamp = () => ({ hs_lastmodifieddate: new Date(h.clock.now).toISOString() });
    const loose = s.create('deals', { ...dealProperties('won', 50_000, 5), ...stamp() }).id;
    const report = await h.run();
    expect(report.dealsRead).toBeGreaterThanOrEqual(1);
    expect(await store.getDeal(h.tenant, loose)).toBeNull();

    h.tick();
    s.link(loose, acme, { partner: true });
    s.edit('deals', loose, stamp());
    await h.run();
    expect((await store.getDeal(h.tenant, loose))?.partnerIds).toEqual([acme]);

    h.tick();
    s.unlink(loose, acme);
    await h.sync.syncRecords(h.adapter, { dealIds: [loose] });
    expect((await store.getDeal(h.tenant, loose))?.partnerIds).toEqual([]);
    expect(h.company(acme)).toMatchObject({ pj_won_deals_12m: '1', pj_won_revenue_12m: '12000' });
  });

  it('When a deal is deleted or loses its Partner label with no webhook, then a full sync forgets it and the partner’s KPIs drop', async () => {
    const { h, s, acme, beta, acmeWin } = await portal();
    const betaWon = ((await store.dealsOfPartners(h.tenant, [beta])).get(beta) ?? []).find((d) => d.status === 'won')?.dealId ?? '';
    s.archive('deals', acmeWin);
    s.unlink(betaWon, beta);
    await h.run();
    expect(await store.getDeal(h.tenant, acmeWin)).not.toBeNull();

    await h.sync.sync(h.adapter, { full: true });
    expect(await store.getDeal(h.tenant, acmeWin)).toBeNull();
    expect((await store.getDeal(h.tenant, betaWon))?.partnerIds).toEqual([]);
    expect(h.company(acme)).toMatchObject({ pj_stage: 'activate', pj_won_deals_12m: '0' });
    expect(h.company(beta)).toMatchObject({ pj_stage: 'activate', pj_won_deals_12m: '1' });
  });

  it('When a deal is won, then the partner is promoted with a sync history row and only the changed outputs are written', async () => {
    const { h, s, beta, betaOpen } = await portal();
    const writes = h.writes();
    s.edit('deals', betaOpen, { dealstage: 'closedwon', closedate: new Date(h.clock.now).toISOString() });
    const report = await h.run();
    expect(report.promotions).toBe(1);
    const last = (await h.history(beta)).at(-1);
    expect(last).toMatchObject({ source: 'sync', from: 'activate', to: 'accelerate', actor: 'partner-journey sync' });
    expect(last?.reason).toContain('Acceleration');
    expect(h.company(beta)).toMatchObject({
      pj_stage: 'accelerate',
      pj_suggested_stage: 'accelerate',
      pj_won_deals_12m: '3',
      pj_won_revenue_12m: '27000',
      pj_stage_changed_at: new Date(h.clock.now).toISOString(),
    });
    const written = h.sandbox.state.apiWrites.slice(writes);
    expect(written.map((w) => w.id)).toEqual([beta]);
    expect(Object.keys(written[0]?.properties ?? {}).sort()).toEqual(
      ['pj_next_action', 'pj_stage', 'pj_stage_changed_at', 'pj_suggested_stage', 'pj_won_deals_12m', 'pj_won_revenue_12m'].sort(),
    );
  });

  it('When a deal is lost, then it is stored as lost, the stage stays and only the next action is rewritten', async () => {
    const { h, s, acme, acmeOpen } = await portal();
    const before = h.company(acme);
    const writes = h.writes();
    s.edit('deals', acmeOpen, { dealstage: 'closedlost', closedate: new Date(h.clock.now).toISOString() });
    const report = await h.run();
    expect((await store.getDeal(h.tenant, acmeOpen))?.status).toBe('lost');
    expect(report.promotions).toBe(0);
    expect(await h.history(acme)).toHaveLength(1);
    const after = h.company(acme);
    expect(after['pj_stage']).toBe('activate');
    expect(after['pj_next_action']).not.toBe(before['pj_next_action']);
    expect(h.sandbox.state.apiWrites.slice(writes).map((w) => [w.id, Object.keys(w.properties)])).toEqual([[acme, ['pj_next_action']]]);
  });

  it('When a won deal moves to another partner, then both partners are re-evaluated: one is promoted, the other keeps its stage and is asked for a review', async () => {
    const { h, s, acme, beta, acmeWin } = await portal();
    s.unlink(acmeWin, acme);
    s.link(acmeWin, beta, { partner: true });
    // Association changes leave hs_lastmodifieddate alone: HubSpot reports them by webhook.
    const report = await h.sync.syncRecords(h.adapter, { dealIds: [acmeWin] });
    expect(report.evaluated).toBe(2);
    expect((await store.getDeal(h.tenant, acmeWin))?.partnerIds).toEqual([beta]);
    expect(h.company(beta)).toMatchObject({ pj_stage: 'accelerate', pj_won_deals_12m: '3' });
    expect(h.company(acme)).toMatchObject({ pj_stage: 'activate', pj_suggested_stage: 'recruit', pj_won_deals_12m: '0', pj_next_action: 'Review the official stage' });
    expect((await h.history(acme)).map((r) => r.to)).toEqual(['activate']);
  });

  it('When 250 partners need outputs, then the write-back goes in batches of 100 and a second run writes nothing', async () => {
    h = await startSyncHarness({ store });
    for (let i = 0; i < 250; i += 1) h.sandbox.state.create('companies', partnerProperties(`Partner ${i}`, { hs_lastmodifieddate: new Date(T0 - DAY + i).toISOString() }));
    const report = await h.run();
    expect(report.recordsWritten).toBe(250);
    expect(h.sandbox.state.countRequests(BATCH_UPDATE)).toBe(3);
    expect(h.sandbox.state.countRequests('PATCH /crm/v3/objects/:type/:id')).toBe(0);
    h.tick();
    const writes = h.writes();
    await h.run();
    expect(h.writes()).toBe(writes);
  });
});
