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

/** One partner, 250 days in the program, with two wins worth 19,000 (First revenue); a third win reaches Acceleration. */
async function portal() {
  h = await startSyncHarness({ store });
  const s = h.sandbox.state;
  const partner = s.create('companies', partnerProperties('Gamma', { pj_partner_since: new Date(T0 - 250 * DAY).toISOString().slice(0, 10) })).id;
  const deals = [dealProperties('won', 10_000, 100), dealProperties('won', 9_000, 200), dealProperties('open', 8_000, 20)].map((p) => {
    const id = s.create('deals', p).id;
    s.link(id, partner, { partner: true });
    return id;
  });
  await h.run();
  h.tick();
  return { h, s, partner, deals };
}

const stageWrites = (h: SyncHarness, from: number, id: string) =>
  h.sandbox.state.apiWrites.slice(from).filter((w) => w.id === id && 'pj_stage' in w.properties).map((w) => w.properties['pj_stage']);

describe('HubSpot sync scenarios: who owns the stage', () => {
  it('When someone sets pj_stage by hand in HubSpot, then it becomes a crm-edit history row and the sync neither reverts nor rewrites it', async () => {
    const { h, s, partner } = await portal();
    const writes = h.writes();
    s.edit('companies', partner, { pj_stage: 'mature' });
    const report = await h.run();
    expect(report.crmEdits).toBe(1);
    expect((await h.history(partner)).at(-1)).toMatchObject({ source: 'crm-edit', from: 'activate', to: 'mature', actor: 'HubSpot' });
    expect(h.company(partner)).toMatchObject({ pj_stage: 'mature', pj_stage_changed_by: 'HubSpot' });
    expect(stageWrites(h, writes, partner)).toEqual([]);
    expect((await store.getPartner(h.tenant, partner))?.officialStage).toBe('mature');

    h.tick();
    const settled = h.writes();
    const again = await h.run();
    expect(again.crmEdits).toBe(0);
    expect(h.writes()).toBe(settled);
    expect(await h.history(partner)).toHaveLength(2);
  });

  it('When a person lowers the stage by hand, then the sync keeps it until the evidence rises, and then promotes again', async () => {
    const { h, s, partner, deals } = await portal();
    s.edit('companies', partner, { pj_stage: 'recruit' });
    await h.run();
    h.tick();
    await h.run();
    expect(h.company(partner)['pj_stage']).toBe('recruit');
    expect((await h.history(partner)).map((r) => [r.source, r.to])).toEqual([['sync', 'activate'], ['crm-edit', 'recruit']]);

    h.tick();
    s.edit('deals', deals[2] ?? '', { dealstage: 'closedwon', closedate: new Date(h.clock.now).toISOString() });
    const report = await h.run();
    expect(report.promotions).toBe(1);
    expect(h.company(partner)).toMatchObject({ pj_stage: 'accelerate', pj_stage_changed_by: 'partner-journey sync' });
    expect((await h.history(partner)).at(-1)).toMatchObject({ source: 'sync', from: 'recruit', to: 'accelerate' });
  });

  it('When the evidence falls, then the stage is not lowered: the suggestion drops and the next action asks for a review', async () => {
    const { h, s, partner, deals } = await portal();
    const writes = h.writes();
    for (const id of deals.slice(0, 2)) s.edit('deals', id, { dealstage: 'closedlost' });
    const report = await h.run();
    expect(report.promotions).toBe(0);
    expect(h.company(partner)).toMatchObject({ pj_stage: 'activate', pj_suggested_stage: 'recruit', pj_won_deals_12m: '0', pj_next_action: 'Review the official stage' });
    expect(stageWrites(h, writes, partner)).toEqual([]);
    expect(await h.history(partner)).toHaveLength(1);
  });

  it('When a company stops being a partner, then the fields the sync owns are cleared, the stage stays and it leaves the partner list', async () => {
    const { h, s, partner } = await portal();
    s.edit('companies', partner, { pj_partner_type: '' });
    await h.run();
    expect(h.company(partner)).toMatchObject({
      pj_stage: 'activate',
      pj_suggested_stage: '',
      pj_health: '',
      pj_next_action: '',
      pj_won_revenue_12m: '',
      pj_won_deals_12m: '',
    });
    expect((await store.getPartner(h.tenant, partner))?.type).toBeNull();
    expect(await store.listPartners(h.tenant, { limit: 10 })).toEqual([]);

    h.tick();
    const writes = h.writes();
    await h.run();
    expect(h.writes()).toBe(writes);
  });
});
