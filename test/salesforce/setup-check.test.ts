import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { SalesforceSandboxOptions } from '../../server/sandbox/salesforce/sandbox.ts';
import { adapterFor, withSandbox } from './support/harness.ts';

const run = promisify(execFile);
const empty = { partners: [], deals: [] };

async function setupOf(options: SalesforceSandboxOptions) {
  return withSandbox({ seed: empty, ...options }, async (sandbox) => adapterFor(sandbox).setup());
}

describe('Salesforce setup check through describe', () => {
  it('When every field is deployed and editable, then there are no problems and each field is listed as ready', async () => {
    const report = await setupOf({});
    expect(report.problems).toEqual([]);
    expect(report.created).toEqual([]);
    expect(report.unchanged).toContain('Account.PJ_Stage__c');
    expect(report.unchanged).toContain('Opportunity.PJ_Partner_Account__c');
    expect(report.unchanged).toHaveLength(14);
  });

  it('When the org has PartnerAccountId, then the lookup field of ours is not required', async () => {
    const report = await setupOf({ org: { partnerAccountField: true, fieldOverrides: { 'Opportunity.PJ_Partner_Account__c': { missing: true } } } });
    expect(report.problems).toEqual([]);
    expect(report.unchanged).toContain('Opportunity.PartnerAccountId (the deal partner, from partner relationship management)');
  });

  it('When a field is missing, then the problem says to deploy the metadata and assign the permission set', async () => {
    const report = await setupOf({ org: { fieldOverrides: { 'Account.PJ_Health__c': { missing: true } } } });
    expect(report.problems).toEqual([
      expect.stringMatching(/^Account\.PJ_Health__c \(Partner Health\) is missing or not visible to the running user: deploy extensions\/salesforce .*permission set Partner_Journey/),
    ]);
  });

  it('When the stage picklist lacks values or has unknown ones, then both are named', async () => {
    const report = await setupOf({ org: { fieldOverrides: { 'Account.PJ_Stage__c': { picklistValues: ['recruit', 'activate', 'legacy'] } } } });
    expect(report.problems).toEqual([
      expect.stringMatching(/^Account\.PJ_Stage__c \(Partner Journey Stage\) lacks the picklist values accelerate, mature: add them/),
      expect.stringMatching(/^Account\.PJ_Stage__c \(Partner Journey Stage\) has picklist values the journey does not know \(legacy\)/),
    ]);
  });

  it('When the running user cannot edit an output field, then the problem asks for the permission set', async () => {
    const report = await setupOf({ org: { fieldOverrides: { 'Account.PJ_Next_Action__c': { updateable: false }, 'Account.PJ_Partner_Type__c': { updateable: false } } } });
    expect(report.problems).toEqual([expect.stringMatching(/^Account\.PJ_Next_Action__c \(Next Partner Action\) is read-only for the running user, and the sync writes it: assign the permission set Partner_Journey/)]);
  });

  it('When a field of ours has another type, then the problem names both types', async () => {
    const report = await setupOf({ org: { fieldOverrides: { 'Account.PJ_Stage_Changed_At__c': { type: 'date' } } } });
    expect(report.problems).toEqual([expect.stringMatching(/^Account\.PJ_Stage_Changed_At__c \(Stage Changed At\) is a date field but must be datetime/)]);
  });

  it('When the metadata was never deployed, then every field is reported', async () => {
    const report = await setupOf({ org: { partnerJourneyFields: false } });
    expect(report.problems).toHaveLength(14);
    expect(report.unchanged).toEqual([]);
  });
});

describe('partner-journey setup --crm salesforce', () => {
  const cli = (env: Record<string, string>) =>
    run(process.execPath, ['server/cli/partner-journey.ts', 'setup', '--crm', 'salesforce'], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  const envFor = (sandbox: { loginUrl: string; credentials: { clientId: string; username: string; privateKeyPem: string | null } }) => ({
    SALESFORCE_LOGIN_URL: sandbox.loginUrl,
    SALESFORCE_CLIENT_ID: sandbox.credentials.clientId,
    SALESFORCE_USERNAME: sandbox.credentials.username,
    SALESFORCE_PRIVATE_KEY: sandbox.credentials.privateKeyPem ?? '',
  });

  it('When the org is ready, then it prints each field and exits 0', async () => {
    await withSandbox({ seed: empty }, async (sandbox) => {
      const result = await cli(envFor(sandbox));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Salesforce org ${sandbox.orgId}`);
      expect(result.stdout).toContain('ok       Account.PJ_Stage__c');
      expect(result.stdout).toContain('Ready');
    });
  });

  it('When a field is missing, then it prints the fix and exits 4', async () => {
    await withSandbox({ seed: empty, org: { fieldOverrides: { 'Account.PJ_Stage__c': { missing: true } } } }, async (sandbox) => {
      const result = await cli(envFor(sandbox));
      expect(result.code).toBe(4);
      expect(result.stdout).toMatch(/problem {2}Account\.PJ_Stage__c \(Partner Journey Stage\) is missing/);
    });
  });

  it('When settings are missing, then it names the variable and exits 1', async () => {
    const result = await cli({ SALESFORCE_USERNAME: 'x@example.com', SALESFORCE_PRIVATE_KEY: 'pem' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SALESFORCE_CLIENT_ID: is required');
  });
});
