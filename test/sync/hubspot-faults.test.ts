import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { portalSeed } from '../hubspot/support.ts';
import { startSyncHarness, T0 } from './hubspot-harness.ts';

/** 400 partners with 50 labeled deals each: 20,000 partner deals (and one unlabeled deal per partner). */
const SEED = portalSeed({ partners: 400, dealsPerPartner: 50 });

let store: KyselyJourneyStore;
beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

async function syncWith(faults: { seed: number; rate429: number; rate5xx: number } | undefined) {
  const h = await startSyncHarness({ store, sandbox: { seed: SEED, ...(faults ? { faults: { ...faults, statuses5xx: [503] } } : {}) }, clock: { now: T0 } });
  try {
    const report = await h.run();
    const companies = h.sandbox.state.liveRecords('companies').map((c) => [c.id, Object.fromEntries(Object.entries(c.properties).filter(([k]) => k.startsWith('pj_')))]);
    const partners = await store.listPartners(h.tenant, { limit: 1_000 });
    const ids = partners.map((p) => p.partnerId);
    const deals = [...(await store.dealsOfPartners(h.tenant, ids))].map(([id, list]) => [id, list.map((d) => [d.dealId, d.status, d.amount, d.partnerIds])]);
    const history = [];
    for (const id of ids) history.push(...(await store.stageHistory(h.tenant, id)).map((r) => ({ ...r, id: undefined })));
    const statuses = h.sandbox.state.requests.map((r) => r.status);
    return {
      state: { companies, deals, history, writes: h.sandbox.state.apiWrites.length },
      report: { ...report, partnersRead: undefined, dealsRead: undefined },
      requests: statuses.length,
      faulted: statuses.filter((s) => s === 429 || s === 503).length,
    };
  } finally {
    await h.close();
  }
}

describe('HubSpot sync under faults', () => {
  it('When 30% of requests answer 429 or 503, then a backfill and sync of 20,000 deals ends in the same state as a clean run', async () => {
    const clean = await syncWith(undefined);
    expect(clean.faulted).toBe(0);
    expect(clean.state.deals.flatMap(([, list]) => list as unknown[])).toHaveLength(20_000);
    expect(clean.state.writes).toBe(400);

    const stormy = await syncWith({ seed: 20_000, rate429: 0.15, rate5xx: 0.15 });
    expect(stormy.faulted / stormy.requests).toBeGreaterThan(0.25);
    expect(stormy.report.writeFailures).toEqual([]);
    expect(stormy.report).toEqual(clean.report);
    expect(stormy.state).toEqual(clean.state);
  }, 120_000);
});
