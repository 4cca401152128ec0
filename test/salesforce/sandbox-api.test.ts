import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { signJwtAssertion } from '../../server/crm/salesforce/jwt-assertion.ts';
import type { SalesforceSandbox } from '../../server/sandbox/salesforce/sandbox.ts';
import { withSandbox } from './support/harness.ts';
import { buildSeed } from './support/seed.ts';

async function connect(sandbox: SalesforceSandbox): Promise<jsforce.Connection> {
  const conn = new jsforce.Connection({
    loginUrl: sandbox.loginUrl,
    version: '66.0',
    oauth2: { clientId: sandbox.credentials.clientId, clientSecret: sandbox.credentials.clientSecret, loginUrl: sandbox.loginUrl },
  });
  await conn.authorize({ grant_type: 'client_credentials' });
  return conn;
}

async function raw(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('Salesforce sandbox REST shapes, as jsforce sees them', () => {
  it('When a query has more rows than a batch, then it pages with nextRecordsUrl and honours Sforce-Query-Options batchSize', async () => {
    await withSandbox({ seed: buildSeed({ partners: 2, deals: 4_500 }) }, async (sandbox) => {
      const conn = await connect(sandbox);
      const first = await conn.query('SELECT Id FROM Opportunity ORDER BY Id');
      expect(first.totalSize).toBe(4_500);
      expect(first.records).toHaveLength(2_000);
      expect(first.done).toBe(false);
      expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v66\.0\/query\/01g[0-9A-Za-z]{15}-2000$/);
      const small = await conn.query('SELECT Id FROM Opportunity ORDER BY Id', { headers: { 'Sforce-Query-Options': 'batchSize=500' } });
      expect(small.records).toHaveLength(500);
      const tiny = await conn.query('SELECT Id FROM Opportunity ORDER BY Id', { headers: { 'Sforce-Query-Options': 'batchSize=10' } });
      expect(tiny.records).toHaveLength(200);
      const all = await conn.query('SELECT Id FROM Opportunity ORDER BY Id', { autoFetch: true, maxFetch: 10_000 });
      expect(all.records).toHaveLength(4_500);
      expect(all.records.at(-1)?.Id).toBe(sandbox.state.idOf('d4499'));
    });
  });

  it('When a locator is unknown, then the answer is INVALID_QUERY_LOCATOR', async () => {
    await withSandbox({ seed: buildSeed({ partners: 1, deals: 1 }) }, async (sandbox) => {
      const conn = await connect(sandbox);
      await expect(conn.queryMore('01g5g0000000009AAA-2000')).rejects.toMatchObject({ errorCode: 'INVALID_QUERY_LOCATOR' });
    });
  });

  it('When a call has no valid session, then it gets 401 with Salesforce’s error array', async () => {
    await withSandbox({}, async (sandbox) => {
      const answer = await raw(`${sandbox.instanceUrl}/services/data/v66.0/limits`, { headers: { authorization: 'Bearer nope' } });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    });
  });

  it('When a REST call is answered, then it carries Sforce-Limit-Info and counts against the allocation that limits reports', async () => {
    await withSandbox({ dailyApiLimit: 5_000, apiUsed: 100 }, async (sandbox) => {
      const conn = await connect(sandbox);
      const limits = await conn.limits();
      expect(conn.limitInfo.apiUsage).toEqual({ used: 101, limit: 5_000 });
      expect(limits.DailyApiRequests).toEqual({ Max: 5_000, Remaining: 4_899 });
      const token = conn.accessToken ?? '';
      const answer = await raw(`${sandbox.instanceUrl}/services/data/v66.0/sobjects/Nope__c/describe`, { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('sforce-limit-info')).toBe('api-usage=102/5000');
    });
  });

  it('When the allocation is spent, then calls get 403 REQUEST_LIMIT_EXCEEDED', async () => {
    await withSandbox({ dailyApiLimit: 10, apiUsed: 10 }, async (sandbox) => {
      const conn = await connect(sandbox);
      await expect(conn.limits()).rejects.toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED' });
    });
  });

  it('When the API version is newer than the org or the REST path is on the login host, then the answer is 404', async () => {
    await withSandbox({}, async (sandbox) => {
      const conn = await connect(sandbox);
      const token = conn.accessToken ?? '';
      const newer = await raw(`${sandbox.instanceUrl}/services/data/v99.0/limits`, { headers: { authorization: `Bearer ${token}` } });
      expect(newer.status).toBe(404);
      const login = await raw(`${sandbox.loginUrl}/services/data/v66.0/limits`, { headers: { authorization: `Bearer ${token}` } });
      expect(login.status).toBe(404);
    });
  });

  it('When a query URI passes 16,384 bytes, then the answer is 414 as in Salesforce', async () => {
    await withSandbox({}, async (sandbox) => {
      const conn = await connect(sandbox);
      const ids = Array.from({ length: 700 }, (_, i) => `'0015g${String(i).padStart(10, '0')}AAA'`).join(',');
      await expect(conn.query(`SELECT Id FROM Account WHERE Id IN (${ids})`)).rejects.toMatchObject({ errorCode: 'URI_TOO_LONG' });
    });
  });

  it('When collections create, update and delete records, then results come per record and deletes stay visible to queryAll', async () => {
    await withSandbox({}, async (sandbox) => {
      const conn = await connect(sandbox);
      const created = await conn.sobject('Account').create([{ Name: 'One', PJ_Partner_Type__c: 'channel' }, { Name: 'Two', PJ_Partner_Type__c: 'reseller' }]);
      expect(created[0]).toMatchObject({ success: true, errors: [] });
      expect(created[1]).toEqual({ success: false, errors: [{ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: expect.any(String), fields: ['PJ_Partner_Type__c'] }] });
      const id = (created[0] as { id: string }).id;
      const rolledBack = await conn.sobject('Account').update([{ Id: id, Name: 'Uno' }, { Id: id, Nope__c: 1 }], { allOrNone: true });
      expect(rolledBack.map((r) => r.errors[0] && (r.errors[0] as unknown as { statusCode: string }).statusCode)).toEqual(['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'INVALID_FIELD']);
      expect(sandbox.state.record('Account', id)?.Name).toBe('One');
      const removed = await conn.sobject('Account').destroy([id]);
      expect(removed).toEqual([{ id, success: true, errors: [] }]);
      expect((await conn.query(`SELECT Id FROM Account WHERE Name = 'One'`)).totalSize).toBe(0);
      const all = await conn.query(`SELECT Id, IsDeleted FROM Account WHERE Name = 'One'`, { scanAll: true });
      expect(all.records).toEqual([expect.objectContaining({ Id: id, IsDeleted: true })]);
    });
  });

  it('When more than 200 records go into one collection call without allowRecursive, then it is refused with EXCEEDED_ID_LIMIT', async () => {
    await withSandbox({}, async (sandbox) => {
      const conn = await connect(sandbox);
      const records = Array.from({ length: 201 }, (_, i) => ({ Name: `A${i}` }));
      await expect(conn.sobject('Account').create(records)).rejects.toMatchObject({ errorCode: 'EXCEEDED_ID_LIMIT' });
      const recursive = await conn.sobject('Account').create(records, { allowRecursive: true });
      expect(recursive.filter((r) => r.success)).toHaveLength(201);
    });
  });

  it('When describe is asked, then fields carry type, updateable and picklist values; PartnerAccountId only in PRM orgs', async () => {
    await withSandbox({}, async (sandbox) => {
      const conn = await connect(sandbox);
      const opportunity = await conn.describe('Opportunity');
      expect(opportunity.fields.map((f) => f.name)).not.toContain('PartnerAccountId');
      const stage = (await conn.describe('Account')).fields.find((f) => f.name === 'PJ_Stage__c');
      expect(stage).toMatchObject({ type: 'picklist', updateable: true, restrictedPicklist: true });
      expect(stage?.picklistValues?.map((p) => p.value)).toEqual(['recruit', 'activate', 'accelerate', 'mature']);
      const global = await conn.describeGlobal();
      expect(global.sobjects.map((s) => s.name)).toEqual(['Account', 'Opportunity']);
    });
    await withSandbox({ org: { partnerAccountField: true } }, async (sandbox) => {
      const conn = await connect(sandbox);
      expect((await conn.describe('Opportunity')).fields.find((f) => f.name === 'PartnerAccountId')).toMatchObject({ type: 'reference', referenceTo: ['Account'] });
    });
  });

  it('When an assertion is malformed, expired, for another app or for an unknown user, then the token endpoint refuses it', async () => {
    await withSandbox({}, async (sandbox) => {
      const key = sandbox.credentials.privateKeyPem ?? '';
      const claims = { clientId: sandbox.credentials.clientId, username: sandbox.credentials.username, audience: 'https://login.salesforce.com' };
      const ask = (assertion: string) =>
        raw(`${sandbox.loginUrl}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }) });
      expect(await ask('a.b.c')).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(await ask(signJwtAssertion(claims, key, Date.now() - 600_000))).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'expired authorization code' } });
      expect(await ask(signJwtAssertion({ ...claims, username: 'someone@else' }, key, Date.now()))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(await ask(signJwtAssertion({ ...claims, clientId: 'other-app' }, key, Date.now()))).toMatchObject({ status: 400, body: { error: 'invalid_client_id' } });
      expect(await ask(signJwtAssertion({ ...claims, audience: 'https://example.com' }, key, Date.now()))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      const ok = await ask(signJwtAssertion(claims, key, Date.now()));
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ instance_url: sandbox.instanceUrl, id: `${sandbox.loginUrl}/id/${sandbox.orgId}/${sandbox.state.user('integration').id}`, token_type: 'Bearer' });
    });
  });

  it('When a user’s profile may only read a field, then describe says so for that user and their write is refused with INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    await withSandbox({ seed: buildSeed({ partners: 1, deals: 0 }), readOnlyFieldsByProfile: { 'Standard User': ['Account.PJ_Stage__c'] } }, async (sandbox) => {
      const id = sandbox.state.idOf('p0');
      const as = (username: string) => new jsforce.Connection({ instanceUrl: sandbox.instanceUrl, accessToken: sandbox.state.tokenFor(username), version: '66.0' });
      const rep = as('rep');
      const stageOf = async (conn: jsforce.Connection) => (await conn.describe('Account')).fields.find((f) => f.name === 'PJ_Stage__c')?.updateable;
      expect(await stageOf(rep)).toBe(false);
      expect(await stageOf(as('manager'))).toBe(true);
      const refused = await rep.sobject('Account').update([{ Id: id, PJ_Stage__c: 'activate' }], { allOrNone: false });
      expect(refused).toEqual([{ success: false, errors: [expect.objectContaining({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['PJ_Stage__c'] })] }]);
      expect(await rep.sobject('Account').update([{ Id: id, PJ_Health__c: 'healthy' }], { allOrNone: false })).toEqual([{ id, success: true, errors: [] }]);
      expect(() => sandbox.state.edit('Account', id, { PJ_Stage__c: 'mature' }, 'rep')).toThrow(/INVALID_FIELD_FOR_INSERT_UPDATE/);
      expect(sandbox.state.record('Account', id)).toMatchObject({ PJ_Stage__c: null, PJ_Health__c: 'healthy', LastModifiedById: sandbox.state.user('rep').id });
    });
  });
});
