import { parseArgs } from 'node:util';

/**
 * `npm run bench [-- engine api hubspot salesforce]`: every figure is printed next to a baseline
 * measured in the same run (a trivial loop, a trivial endpoint, a per-record request count, the
 * time the rate limit alone needs), so numbers from different machines stay comparable.
 */
const BENCHES = {
  engine: async () => {
    const { runEngineBench, describeEngineBench } = await import('./engine-bench.ts');
    console.log(describeEngineBench(runEngineBench()));
  },
  api: async () => {
    const { runApiBench, printApiBench } = await import('./api-bench.ts');
    printApiBench(await runApiBench());
  },
  hubspot: async () => {
    const { runHubspotBackfillBench } = await import('../hubspot/backfill-bench.ts');
    const r = await runHubspotBackfillBench();
    console.log(
      [
        `HubSpot first sync (backfill, write-back, catch-up read) of ${r.deals.toLocaleString('en')} deals / ${r.partners.toLocaleString('en')} partners (sandbox and client at 100 requests / 10 s):`,
        `  requests ${r.requests.toLocaleString('en')} = ${r.requestsVsLowerBound.toFixed(3)}× the batch lower bound (${r.batchLowerBound.toLocaleString('en')})`,
        `           ${r.requestsVsBaseline.toFixed(3)}× the per-record baseline (${r.perRecordBaseline.toLocaleString('en')})`,
        `  wall time ${(r.wallMs / 1000).toFixed(1)} s = ${r.wallVsRateLimit.toFixed(2)}× what the rate limit alone needs (${(r.rateLimitMs / 1000).toFixed(1)} s); 429 answers: ${r.rateLimited}`,
      ].join('\n'),
    );
  },
  salesforce: async () => {
    const { runSalesforceBackfillBench, describeSalesforceBackfill } = await import('./salesforce-backfill-bench.ts');
    console.log(describeSalesforceBackfill(await runSalesforceBackfillBench()));
  },
} as const;

type BenchName = keyof typeof BENCHES;
const names = Object.keys(BENCHES) as BenchName[];

const { positionals } = parseArgs({ allowPositionals: true });
const unknown = positionals.filter((p) => !names.includes(p as BenchName));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (choose from ${names.join(', ')})`);
  process.exit(2);
}
const chosen = positionals.length > 0 ? (positionals as BenchName[]) : names;
for (const name of chosen) {
  console.log(`\n== ${name}`);
  await BENCHES[name]();
}
