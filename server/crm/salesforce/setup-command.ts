import { createSalesforceAdapter } from './salesforce-adapter.ts';
import { parseSalesforceEnv } from './salesforce-config.ts';

/** Exit code of `setup` when the org is reachable but not ready for the sync. */
export const SETUP_INCOMPLETE_EXIT = 4;

/**
 * `partner-journey setup --crm salesforce`: signs in as the sync would, checks our fields with
 * describe, prints what is ready and what to fix. Fields are deployed as metadata, not created.
 */
export async function runSalesforceSetup(env: Readonly<Record<string, string | undefined>>, write: (line: string) => void): Promise<number> {
  const config = parseSalesforceEnv(env);
  const adapter = createSalesforceAdapter({ connection: config, apiBudgetShare: config.apiBudgetShare });
  const tenant = await adapter.tenantId();
  const report = await adapter.setup();
  write(`Salesforce org ${tenant.replace(/^salesforce:/, '')}: Partner Journey fields checked with describe.`);
  for (const line of report.unchanged) write(`  ok       ${line}`);
  if (report.problems.length === 0) {
    write('Ready: the sync can read and write every field it needs.');
    return 0;
  }
  write(`Not ready: ${report.problems.length} problem(s) stop the sync until fixed.`);
  for (const line of report.problems) write(`  problem  ${line}`);
  return SETUP_INCOMPLETE_EXIT;
}
