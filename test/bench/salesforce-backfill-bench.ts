import { fileURLToPath } from 'node:url';
import { createSalesforceAdapter } from '../../server/crm/salesforce/salesforce-adapter.ts';
import { startSalesforceSandbox } from '../../server/sandbox/salesforce/sandbox.ts';
import { buildSeed } from '../salesforce/support/seed.ts';

export interface SalesforceBackfillResult {
  readonly partners: number;
  readonly deals: number;
  /** REST calls the adapter made (one per logical request; token calls excluded, as Salesforce does). */
  readonly backfillCalls: number;
  /** HTTP requests the sandbox answered for the backfill, token included. */
  readonly backfillHttpRequests: number;
  /** One read per record: what a record-by-record integration would spend. */
  readonly perRecordBaseline: number;
  readonly ratio: number;
  readonly writeCalls: number;
  readonly writePerRecordBaseline: number;
  readonly elapsedMs: number;
}

/**
 * The Salesforce backfill as the sync runs it (partner pages, then the deals of each page in
 * batched IN queries followed through nextRecordsUrl), plus writing every partner's outputs,
 * counted against the record-by-record baseline.
 */
export async function runSalesforceBackfillBench(options: { partners?: number; deals?: number } = {}): Promise<SalesforceBackfillResult> {
  const partners = options.partners ?? 2_000;
  const deals = options.deals ?? 100_000;
  const sandbox = await startSalesforceSandbox({ seed: buildSeed({ partners, deals, seed: 11 }), dailyApiLimit: 5_000_000 });
  try {
    const adapter = createSalesforceAdapter({
      connection: {
        loginUrl: sandbox.loginUrl,
        auth: { kind: 'jwt', clientId: sandbox.credentials.clientId, username: sandbox.credentials.username, privateKey: { pem: sandbox.credentials.privateKeyPem ?? '' }, audience: 'https://login.salesforce.com' },
      },
    });
    const started = performance.now();
    const partnerIds: string[] = [];
    let dealCount = 0;
    let after: string | null = null;
    do {
      const page = await adapter.pagePartners(after);
      partnerIds.push(...page.items.map((p) => p.id));
      dealCount += (await adapter.dealsOfPartners(page.items.map((p) => p.id))).length;
      after = page.next;
    } while (after !== null);
    const elapsedMs = performance.now() - started;
    if (partnerIds.length !== partners || dealCount !== deals) throw new Error(`backfill read ${partnerIds.length} partners and ${dealCount} deals`);
    const backfillCalls = adapter.apiCalls();
    const backfillHttpRequests = sandbox.state.requests().length;
    const report = await adapter.writePartnerOutputs(partnerIds.map((partnerId) => ({ partnerId, outputs: { suggestedStage: 'activate', health: 'healthy' } })));
    if (report.written.length !== partners) throw new Error(`wrote ${report.written.length} of ${partners} partners`);
    const perRecordBaseline = partners + deals;
    return {
      partners,
      deals,
      backfillCalls,
      backfillHttpRequests,
      perRecordBaseline,
      ratio: perRecordBaseline / backfillCalls,
      writeCalls: report.requests,
      writePerRecordBaseline: partners,
      elapsedMs: Math.round(elapsedMs),
    };
  } finally {
    await sandbox.close();
  }
}

export function describeSalesforceBackfill(r: SalesforceBackfillResult): string {
  return [
    `Salesforce backfill of ${r.deals.toLocaleString('en')} opportunities / ${r.partners.toLocaleString('en')} partner accounts:`,
    `  API calls ${r.backfillCalls} (HTTP requests incl. token: ${r.backfillHttpRequests}) vs per-record baseline ${r.perRecordBaseline.toLocaleString('en')} → ${Math.round(r.ratio).toLocaleString('en')}× fewer`,
    `  write-back of ${r.partners.toLocaleString('en')} partners: ${r.writeCalls} collection calls vs ${r.writePerRecordBaseline.toLocaleString('en')} single updates`,
    `  backfill wall time against the local sandbox: ${r.elapsedMs} ms`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${describeSalesforceBackfill(await runSalesforceBackfillBench())}\n`);
}
