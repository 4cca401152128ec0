import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHubspotAdapter } from '../../server/crm/hubspot/hubspot-adapter.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { startHubspotSandbox } from '../../server/sandbox/hubspot/index.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { SyncService } from '../../server/sync/sync-service.ts';
import { portalSeed } from './support.ts';

export interface HubspotBackfillBenchResult {
  readonly name: string;
  readonly partners: number;
  /** Deals linked to a partner with the "Partner" label (the seed adds one unlabeled deal per partner). */
  readonly deals: number;
  /** HTTP requests HubSpot received for the whole sync: reads, write-back, the catch-up read after it, 429 retries. */
  readonly requests: number;
  readonly rateLimited: number;
  readonly recordsWritten: number;
  readonly fieldsWritten: number;
  /**
   * The same work in HubSpot's batch sizes: partner searches of 200, partners' deal lists per
   * 100, deals' partner lists per 100, deal reads per 100 and output writes per 100.
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
  /** The portal's budget the sandbox enforces and the adapter stays under (default 100 per 10 s). */
  readonly limit?: number;
  readonly windowMs?: number;
}

/**
 * The first sync of a portal, as `serve` or `partner-journey sync` runs it: SyncService over the
 * real adapter and an embedded store, backfill with write-back and the catch-up read after it,
 * against a sandbox enforcing a Free/Starter portal's budget (100 requests / 10 s, 4 searches / s).
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
  const store = await openJourneyStore({ kind: 'memory' });
  try {
    const adapter = createHubspotAdapter({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl, limits: { requests: limit, windowMs } });
    const sync = new SyncService({ store, now: () => Date.now(), locale: 'en', log: createLogger('silent') });
    const started = performance.now();
    const report = await sync.sync(adapter);
    const wallMs = performance.now() - started;
    if (report.stoppedEarly !== null || report.writeFailures.length > 0) {
      throw new Error(`the benchmark sync did not finish: ${report.stoppedEarly ?? `${report.writeFailures.length} records not written`}`);
    }
    const requests = sandbox.state.countRequests();
    const deals = partners * dealsPerPartner;
    const batchLowerBound = Math.ceil(partners / 200) + Math.ceil(partners / 100) + 2 * Math.ceil(deals / 100) + Math.ceil(partners / 100);
    const perRecordBaseline = deals * 2 + partners;
    const rateLimitMs = Math.floor((requests - 1) / limit) * windowMs;
    return {
      name: `hubspot first sync: ${deals} deals / ${partners} partners`,
      partners,
      deals,
      requests,
      rateLimited: sandbox.state.requests.filter((r) => r.status === 429).length,
      recordsWritten: report.recordsWritten,
      fieldsWritten: report.fieldsWritten,
      batchLowerBound,
      perRecordBaseline,
      wallMs: Math.round(wallMs),
      rateLimitMs: Math.round(rateLimitMs),
      requestsVsLowerBound: requests / batchLowerBound,
      requestsVsBaseline: requests / perRecordBaseline,
      wallVsRateLimit: rateLimitMs === 0 ? Number.NaN : wallMs / rateLimitMs,
    };
  } finally {
    await store.close();
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
