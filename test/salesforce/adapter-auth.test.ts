import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SALESFORCE_API_VERSION } from '../../server/crm/salesforce/api-version.ts';
import { connectAsSalesforceUser } from '../../server/crm/salesforce/salesforce-adapter.ts';
import { AppError } from '../../server/errors/app-error.ts';
import { adapterFor, manualClock, withSandbox } from './support/harness.ts';
import { buildSeed } from './support/seed.ts';

const seed = buildSeed({ partners: 5, deals: 20 });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('Salesforce sign-in and session handling (real jsforce against the sandbox)', () => {
  it('When the sync signs in with the JWT bearer flow, then the tenant is salesforce:<orgId> and every REST call uses the pinned version on the instance URL', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      expect(await adapter.tenantId()).toBe(`salesforce:${sandbox.orgId}`);
      await adapter.pagePartners(null);
      await adapter.dealsOfPartners([sandbox.state.idOf('p0')]);
      const calls = sandbox.state.requests();
      expect(calls[0]).toMatchObject({ endpoint: 'POST token', status: 200 });
      const rest = calls.slice(1);
      expect(rest.length).toBeGreaterThan(1);
      for (const call of rest) expect(call.path.startsWith(`/services/data/v${SALESFORCE_API_VERSION}/`)).toBe(true);
      expect(SALESFORCE_API_VERSION).not.toBe('50.0');
      expect(adapter.apiCalls()).toBe(rest.length);
    });
  });

  it('When the sync uses client credentials against the My Domain URL, then it runs as the integration user and re-runs the grant when the session expires', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const adapter = adapterFor(sandbox, {
        auth: { kind: 'client_credentials', clientId: sandbox.credentials.clientId, clientSecret: sandbox.credentials.clientSecret },
      });
      expect(await adapter.tenantId()).toBe(`salesforce:${sandbox.orgId}`);
      const page = await adapter.pagePartners(null);
      expect(page.items).toHaveLength(5);
      expect(sandbox.state.requests().at(-1)?.userId).toBe(sandbox.state.user('integration').id);
      sandbox.state.expireSessions();
      expect((await adapter.pagePartners(null)).items).toHaveLength(5);
      expect(sandbox.state.requests().filter((r) => r.endpoint === 'POST token' && r.status === 200)).toHaveLength(2);
    });
  });

  it('When the JWT is signed with a key the app does not know, then sign-in fails as unauthorized and names what to check', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const adapter = adapterFor(sandbox, {
        auth: { kind: 'jwt', clientId: sandbox.credentials.clientId, username: sandbox.credentials.username, privateKey: { pem: stranger }, audience: 'https://login.salesforce.com' },
      });
      const error = await rejection(adapter.tenantId());
      expect(error.code).toBe('unauthorized');
      expect(error.message).toMatch(/invalid_grant/);
      expect(error.message).toMatch(/SALESFORCE_CLIENT_ID/);
    });
  });

  it('When client credentials carry a wrong secret, then sign-in fails as unauthorized', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { auth: { kind: 'client_credentials', clientId: sandbox.credentials.clientId, clientSecret: 'wrong' } });
      expect((await rejection(adapter.pagePartners(null))).code).toBe('unauthorized');
    });
  });

  it('When the session expires between calls, then the adapter re-runs the grant once and the call succeeds', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      await adapter.pagePartners(null);
      sandbox.state.expireSessions();
      const page = await adapter.pagePartners(null);
      expect(page.items).toHaveLength(5);
      const statuses = sandbox.state.requests().map((r) => `${r.endpoint} ${r.status}`);
      expect(statuses.filter((s) => s === 'POST token 200')).toHaveLength(2);
      expect(statuses).toContain('GET query 401');
    });
  });

  it('When Salesforce rejects even the fresh session, then the adapter gives up as unauthorized instead of refreshing in a loop', async () => {
    await withSandbox({ seed, faults: { sessionExpiryRate: 1 } }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      const error = await rejection(adapter.pagePartners(null));
      expect(error.code).toBe('unauthorized');
      const tokens = sandbox.state.requests().filter((r) => r.endpoint === 'POST token');
      expect(tokens).toHaveLength(2);
    });
  });

  it('When a token outlives its lifetime on the sandbox clock, then the next call refreshes it', async () => {
    const clock = manualClock();
    await withSandbox({ seed, clock: clock.now, sessionTtlMs: 60_000 }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { clock: clock.now });
      await adapter.pagePartners(null);
      clock.advance(61_000);
      await adapter.pagePartners(null);
      expect(sandbox.state.requests().filter((r) => r.endpoint === 'POST token')).toHaveLength(2);
    });
  });

  it('When connecting as a given user from an OAuth token, then writes are made as that user and an expired token is unauthorized', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const accountId = sandbox.state.idOf('p1');
      const manager = sandbox.state.user('manager');
      const asUser = connectAsSalesforceUser({ instanceUrl: sandbox.instanceUrl, accessToken: sandbox.state.tokenFor('manager'), orgId: sandbox.orgId });
      expect(await asUser.tenantId()).toBe(`salesforce:${sandbox.orgId}`);
      const report = await asUser.writePartnerOutputs([{ partnerId: accountId, outputs: { stage: 'accelerate', stageChangedBy: 'Maria Manager' } }]);
      expect(report).toEqual({ written: [accountId], failed: [], requests: 1 });
      expect(sandbox.state.record('Account', accountId)).toMatchObject({ PJ_Stage__c: 'accelerate', LastModifiedById: manager.id });
      expect(sandbox.state.requests().some((r) => r.endpoint === 'POST token')).toBe(false);
      sandbox.state.expireSessions();
      expect((await rejection(asUser.writePartnerOutputs([{ partnerId: accountId, outputs: { stage: 'mature' } }]))).code).toBe('unauthorized');
    });
  });
});
