import { fileURLToPath } from 'node:url';
import { createSalesforceAdapter } from '../../server/crm/salesforce/salesforce-adapter.ts';
import { generateDataset } from '../../server/demo/dataset.ts';
import { seedFromDataset } from '../../server/sandbox/salesforce/dataset-seed.ts';
import { startSalesforceSandbox } from '../../server/sandbox/salesforce/sandbox.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { SyncService } from '../../server/sync/sync-service.ts';

export interface SalesforceBackfillResult {
  readonly partners: number;
  readonly deals: number;
  /** REST calls the sync made (token calls excluded, as Salesforce does not count them). */
  readonly calls: number;
  readonly readCalls: number;
  /** sObject-collection updates of the write-back. */
  readonly writeCalls: number;
  /** Partner Accounts whose fields the sync wrote. */
  readonly recordsWritten: number;
  /** One read per record plus one update per partner: what a record-by-record integration spends. */
  readonly perRecordBaseline: number;
  readonly ratio: number;
  readonly elapsedMs: number;
}

const ASOF = '2026-06-30';

/**
 * The first sync of an org as the service runs it: SyncService over the real jsforce adapter
 * against the sandbox, into an embedded PGlite store. It pages the partner Accounts, reads their
 * Opportunities in batched IN queries followed through nextRecordsUrl, evaluates every partner,
 * sets its first stage and writes our fields back in collections of 200, then catches up with the
 * change feed. Calls are counted against the record-by-record baseline.
 */
export async function runSalesforceBackfillBench(options: { partners?: number; deals?: number } = {}): Promise<SalesforceBackfillResult> {
  const partners = options.partners ?? 2_000;
  const deals = options.deals ?? 100_000;
  const clock = { now: Date.parse(`${ASOF}T06:00:00Z`) };
  const dataset = generateDataset({ partners, deals, seed: 11, asOf: ASOF });
  const sandbox = await startSalesforceSandbox({ seed: seedFromDataset(dataset), dailyApiLimit: 5_000_000, clock: () => clock.now });
  const store = await openJourneyStore({ kind: 'memory' });
  try {
    // The org's records were last modified well before the sync starts, as in a real org.
    clock.now += 3_600_000;
    const adapter = createSalesforceAdapter({
      connection: {
        loginUrl: sandbox.loginUrl,
        auth: { kind: 'jwt', clientId: sandbox.credentials.clientId, username: sandbox.credentials.username, privateKey: { pem: sandbox.credentials.privateKeyPem ?? '' }, audience: 'https://login.salesforce.com' },
      },
      clock: () => clock.now,
    });
    const sync = new SyncService({ store, now: () => clock.now, locale: 'en', log: { info: () => undefined, warn: () => undefined } });
    const started = performance.now();
    const report = await sync.sync(adapter);
    const elapsedMs = performance.now() - started;
    if (report.stoppedEarly !== null || report.writeFailures.length > 0) throw new Error(`the sync did not finish cleanly: ${report.stoppedEarly ?? `${report.writeFailures.length} write failures`}`);
    const stored = await store.dealsOfPartners(await adapter.tenantId(), dataset.partners.map((p) => sandbox.state.idOf(p.id)));
    const storedDeals = [...stored.values()].reduce((sum, list) => sum + list.length, 0);
    if (storedDeals !== deals) throw new Error(`the sync stored ${storedDeals} of ${deals} opportunities`);
    const calls = adapter.apiCalls();
    const writeCalls = sandbox.state.endpointCounts()['PATCH composite/sobjects'] ?? 0;
    const perRecordBaseline = partners + deals + partners;
    return {
      partners,
      deals,
      calls,
      readCalls: calls - writeCalls,
      writeCalls,
      recordsWritten: report.recordsWritten,
      perRecordBaseline,
      ratio: perRecordBaseline / calls,
      elapsedMs: Math.round(elapsedMs),
    };
  } finally {
    await store.close();
    await sandbox.close();
  }
}

export function describeSalesforceBackfill(r: SalesforceBackfillResult): string {
  const n = (value: number) => value.toLocaleString('en');
  return [
    `Salesforce first sync of ${n(r.deals)} opportunities / ${n(r.partners)} partner accounts (SyncService → jsforce → sandbox, PGlite store):`,
    `  API calls ${n(r.calls)} (${n(r.readCalls)} reads, ${n(r.writeCalls)} collection writes for ${n(r.recordsWritten)} Accounts)`,
    `  vs per-record baseline ${n(r.perRecordBaseline)} (one read per record, one update per partner) → ${n(Math.round(r.ratio))}× fewer`,
    `  wall time against the local sandbox: ${n(r.elapsedMs)} ms`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${describeSalesforceBackfill(await runSalesforceBackfillBench())}\n`);
}
