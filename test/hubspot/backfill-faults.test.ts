import { describe, expect, it } from 'vitest';
import { backfill, portalSeed, startHarness } from './support.ts';

const SEED = portalSeed({ partners: 400, dealsPerPartner: 50, others: 200 });

async function backfillWith(faults: { seed: number; rate429: number; rate5xx: number } | undefined) {
  const harness = await startHarness({ seed: SEED, ...(faults ? { faults: { ...faults, statuses5xx: [500, 502, 503, 504] } } : {}) });
  try {
    const result = await backfill(harness.adapter);
    const won = new Map<string, number>();
    for (const deal of result.deals) if (deal.status === 'won') for (const id of deal.partnerIds) won.set(id, (won.get(id) ?? 0) + 1);
    const report = await harness.adapter.writePartnerOutputs(result.partners.map((p) => ({ partnerId: p.id, outputs: { wonDeals12m: won.get(p.id) ?? 0, suggestedStage: 'activate' } })));
    const written = harness.sandbox.state.liveRecords('companies').map((c) => [c.id, c.properties['pj_won_deals_12m'], c.properties['pj_suggested_stage']]);
    const statuses = harness.sandbox.state.requests.map((r) => r.status);
    return { result, report: { written: report.written, failed: report.failed }, written, requests: statuses.length, faulted: statuses.filter((s) => s === 429 || s >= 500).length };
  } finally {
    await harness.close();
  }
}

describe('HubSpot backfill under faults', () => {
  it('When 30% of requests answer 429 or 5xx, then a backfill of 20,000 deals reads and writes exactly what a clean run does', async () => {
    const clean = await backfillWith(undefined);
    expect(clean.result.partners).toHaveLength(400);
    expect(clean.result.deals).toHaveLength(20_000);
    expect(clean.faulted).toBe(0);

    const stormy = await backfillWith({ seed: 20_000, rate429: 0.15, rate5xx: 0.15 });
    expect(stormy.faulted / stormy.requests).toBeGreaterThan(0.2);
    expect(stormy.result).toEqual(clean.result);
    expect(stormy.report).toEqual(clean.report);
    expect(clean.report.written).toHaveLength(400);
    expect(stormy.written).toEqual(clean.written);
  }, 120_000);
});
