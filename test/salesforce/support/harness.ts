import { createSalesforceAdapter, type SalesforceAdapterOptions, type SalesforceCrmAdapter } from '../../../server/crm/salesforce/salesforce-adapter.ts';
import type { SalesforceAuth } from '../../../server/crm/salesforce/salesforce-config.ts';
import { startSalesforceSandbox, type SalesforceSandbox, type SalesforceSandboxOptions } from '../../../server/sandbox/salesforce/sandbox.ts';

/** A settable clock shared by the sandbox and the adapter, so modstamps and token lifetimes are exact. */
export function manualClock(start = '2026-06-30T12:00:00Z'): { now: () => number; advance: (ms: number) => void; set: (iso: string) => void } {
  let current = Date.parse(start);
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (iso) => {
      current = Date.parse(iso);
    },
  };
}

export function jwtAuth(sandbox: SalesforceSandbox): SalesforceAuth {
  return {
    kind: 'jwt',
    clientId: sandbox.credentials.clientId,
    username: sandbox.credentials.username,
    privateKey: { pem: sandbox.credentials.privateKeyPem ?? '' },
    audience: 'https://login.salesforce.com',
  };
}

/** The adapter signed in through the JWT bearer flow, as the sync runs it. */
export function adapterFor(sandbox: SalesforceSandbox, options: Omit<SalesforceAdapterOptions, 'connection'> & { auth?: SalesforceAuth } = {}): SalesforceCrmAdapter {
  const { auth, ...rest } = options;
  return createSalesforceAdapter({
    lockRetry: { baseDelayMs: 1 },
    ...rest,
    connection: { loginUrl: sandbox.loginUrl, auth: auth ?? jwtAuth(sandbox) },
  });
}

export async function withSandbox<T>(options: SalesforceSandboxOptions, run: (sandbox: SalesforceSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSalesforceSandbox(options);
  try {
    return await run(sandbox);
  } finally {
    await sandbox.close();
  }
}
