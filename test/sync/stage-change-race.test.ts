import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageChangeInput } from '../../server/storage/journey-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { DAY, dealProperties, partnerProperties, startSyncHarness, T0, type SyncHarness } from './hubspot-harness.ts';

let store: KyselyJourneyStore;
/** Runs once, just before the sync's next stage change reaches the store (after the sync read the partner). */
let meanwhile: (() => Promise<unknown>) | null = null;
let h: SyncHarness;

beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
  const racing = new Proxy(store, {
    get(target, property) {
      if (property === 'changeStage') {
        return async (tenant: string, change: StageChangeInput) => {
          const step = meanwhile;
          meanwhile = null;
          if (step) await step();
          return target.changeStage(tenant, change);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  h = await startSyncHarness({ store: racing });
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});

describe('a stage change that lands while the sync decides', () => {
  it('When a manager sets the stage after the sync read the partner and before it promotes, then the manager’s stage stands and the sync records no demotion', async () => {
    const s = h.sandbox.state;
    const partner = s.create('companies', partnerProperties('Delta', { pj_partner_since: new Date(T0 - 250 * DAY).toISOString().slice(0, 10) })).id;
    const deals = [dealProperties('won', 10_000, 100), dealProperties('won', 9_000, 200), dealProperties('open', 8_000, 20)].map((p) => {
      const id = s.create('deals', p).id;
      s.link(id, partner, { partner: true });
      return id;
    });
    await h.run();
    expect((await store.getPartner(h.tenant, partner))?.officialStage).toBe('activate');

    h.tick();
    s.edit('deals', deals[2] ?? '', { dealstage: 'closedwon', closedate: new Date(h.clock.now).toISOString() });
    meanwhile = () =>
      store.changeStage(h.tenant, {
        partnerId: partner,
        to: 'mature',
        source: 'manual',
        actor: 'boss@example.com',
        reason: 'Joint plan signed',
        evidence: null,
        at: new Date(h.clock.now).toISOString(),
      });
    const report = await h.run();

    expect(meanwhile).toBeNull();
    expect(report.promotions).toBe(0);
    expect((await h.history(partner)).map((r) => [r.source, r.from, r.to])).toEqual([
      ['sync', null, 'activate'],
      ['manual', 'activate', 'mature'],
    ]);
    expect((await store.getPartner(h.tenant, partner))?.officialStage).toBe('mature');
    expect(h.company(partner)).toMatchObject({ pj_stage: 'mature', pj_stage_changed_by: 'boss@example.com', pj_suggested_stage: 'accelerate' });
  });
});
