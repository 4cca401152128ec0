import { join } from 'node:path';
import { toIsoDate } from '../../shared/time/iso-date.ts';
import type { CrmAdapter } from '../crm/crm-adapter.ts';
import { createSalesforceAdapter } from '../crm/salesforce/salesforce-adapter.ts';
import type { Logger } from '../logging/logger.ts';
import { seedFromDataset } from '../sandbox/salesforce/dataset-seed.ts';
import { startSalesforceSandbox } from '../sandbox/salesforce/sandbox.ts';
import { demoDataset } from './dataset.ts';

/** The shape `server/demo/demo-crm.ts` gives every demo CRM (declared here until both branches meet). */
export interface DemoCrm {
  readonly adapter: CrmAdapter;
  readonly tenant: string;
  readonly description: string;
  close(): Promise<void>;
}

export interface DemoCrmOptions {
  readonly dataDir: string;
  readonly now: number;
  readonly log: Logger;
}

export const SALESFORCE_DEMO_FILE = 'salesforce-sandbox.json';

/**
 * The demo's Salesforce: the local sandbox org, seeded once from the demo dataset (as of the day
 * it is first started) and kept in `dataDir`, so a restart finds the same records, people's edits
 * and the sync's writes. The adapter is the real one, signing in with the JWT bearer flow.
 */
export async function startSalesforceDemo(options: DemoCrmOptions): Promise<DemoCrm> {
  const dataFile = join(options.dataDir, SALESFORCE_DEMO_FILE);
  const dataset = demoDataset(toIsoDate(options.now));
  const sandbox = await startSalesforceSandbox({ seed: seedFromDataset(dataset), dataFile, dailyApiLimit: 100_000 });
  const adapter = createSalesforceAdapter({
    connection: {
      loginUrl: sandbox.loginUrl,
      auth: {
        kind: 'jwt',
        clientId: sandbox.credentials.clientId,
        username: sandbox.credentials.username,
        privateKey: { pem: sandbox.credentials.privateKeyPem ?? '' },
        audience: 'https://login.salesforce.com',
      },
    },
  });
  const tenant = `salesforce:${sandbox.orgId}`;
  const accounts = sandbox.state.store.count('Account');
  const opportunities = sandbox.state.store.count('Opportunity');
  options.log.info({ tenant, instanceUrl: sandbox.instanceUrl, dataFile, accounts, opportunities }, 'Salesforce demo org ready');
  return {
    adapter,
    tenant,
    description: `Salesforce sandbox org ${sandbox.orgId} at ${sandbox.instanceUrl} (${accounts} Accounts, ${opportunities} Opportunities; kept in ${dataFile})`,
    close: () => sandbox.close(),
  };
}
