import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHubspotAdapter } from '../../server/crm/hubspot/hubspot-adapter.ts';
import { startHubspotSandbox } from '../../server/sandbox/hubspot/index.ts';
import { backfill, portalSeed } from './support.ts';

export interface HubspotBackfillBenchResult {
  readonly name: string;
  readonly partners: number;
  readonly deals: number;
  /** HTTP requests HubSpot received: reads, label lookup, write-back, and any 429 retries. */
  readonly requests: number;
  readonly rateLimited: number;
  /**
   * Searches of 200 partners, then per 100: partners' deal lists, deals' partner lists, deal
   * reads and output writes (the per-record baseline done in batches, plus finding the deals).
   */
  readonly batchLowerBound: number;
  /** One read per deal + one association read per deal + one write per partner. */
  readonly perRecordBaseline: number;
  readonly wallMs: number;
  /** What the rate limit alone needs: with a rolling window, request n can leave only ⌊(n-1)/limit⌋ windows after the first. */
  readonly rateLimitMs: number;
  readonly requestsVsLowerBound: number;
  readonly requestsVsBaseline: number;
  readonly wallVsRateLimit: number;
}

export interface BenchOptions {
  readonly partners?: number;
  readonly dealsPerPartner?: number;
  readonly limit?: number;
  readonly windowMs?: number;
}

/**
 * Backfill (every partner, every partner deal) plus one output write per partner, through the real
 * client and our limiter, against a sandbox enforcing the same budget as a Free/Starter portal.
 */
export async function runHubspotBackfillBench(options: BenchOptions = {}): Promise<HubspotBackfillBenchResult> {
  const partners = options.partners ?? 2_000;
  const dealsPerPartner = options.dealsPerPartner ?? 50;
  const limit = options.limit ?? 100;
  const windowMs = options.windowMs ?? 10_000;
  const sandbox = await startHubspotSandbox({
    partnerJourneySchema: true,
    seed: portalSeed({ partners, dealsPerPartner, others: partners / 2 }),
    rateLimits: { general: { max: limit, windowMs }, search: { max: 4, windowMs: 1_000 } },
  });
  try {
    const adapter = createHubspotAdapter({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl, limits: { requests: limit, windowMs } });
    const started = performance.now();
    const { partners: read, deals } = await backfill(adapter);
    await adapter.writePartnerOutputs(read.map((p) => ({ partnerId: p.id, outputs: { wonDeals12m: deals.filter((d) => d.status === 'won' && d.partnerIds.includes(p.id)).length } })));
    const wallMs = performance.now() - started;
    const requests = sandbox.state.countRequests();
    const dealCount = deals.length;
    const batchLowerBound = Math.ceil(read.length / 200) + Math.ceil(read.length / 100) + 2 * Math.ceil(dealCount / 100) + Math.ceil(read.length / 100);
    const perRecordBaseline = dealCount * 2 + read.length;
    const rateLimitMs = Math.floor((requests - 1) / limit) * windowMs;
    return {
      name: `hubspot backfill ${dealCount} deals / ${read.length} partners`,
      partners: read.length,
      deals: dealCount,
      requests,
      rateLimited: sandbox.state.requests.filter((r) => r.status === 429).length,
      batchLowerBound,
      perRecordBaseline,
      wallMs: Math.round(wallMs),
      rateLimitMs: Math.round(rateLimitMs),
      requestsVsLowerBound: requests / batchLowerBound,
      requestsVsBaseline: requests / perRecordBaseline,
      wallVsRateLimit: rateLimitMs === 0 ? Number.NaN : wallMs / rateLimitMs,
    };
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { partners: { type: 'string' }, 'deals-per-partner': { type: 'string' } } });
  const result = await runHubspotBackfillBench({
    ...(values.partners ? { partners: Number(values.partners) } : {}),
    ...(values['deals-per-partner'] ? { dealsPerPartner: Number(values['deals-per-partner']) } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
