import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleOf } from '../../server/auth/roles.ts';
import { runSetupCommand } from '../../server/cli/setup-command.ts';
import { describeConfig, loadConfig } from '../../server/config/env.ts';
import { AppError } from '../../server/errors/app-error.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pj-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function problems(env: NodeJS.ProcessEnv): Promise<string[]> {
  try {
    await loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).problems.map((p) => `${p.field}: ${p.problem}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration', () => {
  it('defaults to port 3000, PGlite in ./.data and demo mode when no CRM is configured', async () => {
    const config = await loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { kind: 'pglite', dataDir: resolve('.data') },
      logLevel: 'info',
      demo: true,
      channelManagers: { hubspot: { userIds: [], emails: [] }, salesforce: { userIds: [], profiles: [] } },
    });
  });

  it('selects PostgreSQL from a postgres:// DATABASE_URL and trims a trailing slash from PUBLIC_BASE_URL', async () => {
    const config = await loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/pj', PUBLIC_BASE_URL: 'https://partners.example.com/', PORT: '8080' });
    expect(config).toMatchObject({ port: 8080, database: { kind: 'postgres', url: 'postgres://u:p@db:5432/pj' }, publicBaseUrl: 'https://partners.example.com' });
  });

  it('turns demo mode off when CRM credentials are set, unless DEMO says otherwise', async () => {
    expect((await loadConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-x' })).demo).toBe(false);
    expect((await loadConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-x', DEMO: 'true' })).demo).toBe(true);
    expect((await loadConfig({ DEMO: 'off' })).demo).toBe(false);
  });

  it('takes the Salesforce connection from SALESFORCE_*, naming what a half-configured one lacks', async () => {
    const jwt = await loadConfig({ SALESFORCE_CLIENT_ID: '3MVG9x', SALESFORCE_USERNAME: 'sync@example.com', SALESFORCE_PRIVATE_KEY_FILE: '/keys/sf.pem' });
    expect(jwt.salesforce.connection?.auth.kind).toBe('jwt');
    expect(jwt.demo).toBe(false);
    expect(await problems({ SALESFORCE_CLIENT_ID: '3MVG9x', SALESFORCE_USERNAME: 'sync@example.com', SALESFORCE_AUTH_FLOW: 'jwt' })).toEqual([
      'SALESFORCE_PRIVATE_KEY: or SALESFORCE_PRIVATE_KEY_FILE is required for the JWT bearer flow',
    ]);
    expect((await loadConfig({ SALESFORCE_CONSUMER_SECRET: 'canvas' })).salesforce).toEqual({
      connection: undefined,
      consumerSecret: 'canvas',
      frameAncestors: ['https://*.force.com', 'https://*.salesforce.com', 'https://*.lightning.force.com', 'https://*.my.salesforce.com'],
    });
  });

  it('takes the origins that may frame the Canvas card from SALESFORCE_FRAME_ANCESTORS, refusing anything that is not an origin', async () => {
    const config = await loadConfig({ SALESFORCE_FRAME_ANCESTORS: 'https://acme.lightning.force.com, https://*.my.salesforce.com/' });
    expect(config.salesforce.frameAncestors).toEqual(['https://acme.lightning.force.com', 'https://*.my.salesforce.com']);
    for (const bad of ["'self' https://x.com", 'https://x.com/path', '*.force.com', 'https://x.com; script-src *']) {
      expect((await problems({ SALESFORCE_FRAME_ANCESTORS: bad }))[0]).toMatch(/^SALESFORCE_FRAME_ANCESTORS.*: must list origins/);
    }
  });

  it('fails fast naming every bad variable', async () => {
    const found = await problems({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PUBLIC_BASE_URL: 'ftp://x', LOG_LEVEL: 'loud', DEMO: 'maybe' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'PUBLIC_BASE_URL', 'LOG_LEVEL', 'DEMO']);
  });

  it('reads channel managers from CHANNEL_MANAGERS or from the file CHANNEL_MANAGERS_FILE names, not both', async () => {
    const json = '{"hubspot":{"userIds":[123],"emails":["Boss@Example.com"]},"salesforce":{"profiles":["00e5g000000AbCd"]}}';
    const fromEnv = await loadConfig({ CHANNEL_MANAGERS: json });
    expect(fromEnv.channelManagers).toEqual({
      hubspot: { userIds: ['123'], emails: ['boss@example.com'] },
      salesforce: { userIds: [], profiles: ['00e5g000000AbCd'] },
    });
    const file = join(dir, 'managers.json');
    await writeFile(file, json);
    expect((await loadConfig({ CHANNEL_MANAGERS_FILE: file })).channelManagers).toEqual(fromEnv.channelManagers);
    expect(await problems({ CHANNEL_MANAGERS: json, CHANNEL_MANAGERS_FILE: file })).toEqual([
      'CHANNEL_MANAGERS_FILE: set either CHANNEL_MANAGERS or CHANNEL_MANAGERS_FILE, not both',
    ]);
    expect((await problems({ CHANNEL_MANAGERS: '{"hubspot":' }))[0]).toMatch(/^CHANNEL_MANAGERS: is not valid JSON/);
    expect(await problems({ CHANNEL_MANAGERS: '{"hubspot":{"emails":["nope"]},"pipedrive":{}}' })).toEqual([
      'CHANNEL_MANAGERS.hubspot.emails[0]: must be an email address',
      'CHANNEL_MANAGERS.pipedrive: is not a known field here',
    ]);
    expect((await problems({ CHANNEL_MANAGERS_FILE: join(dir, 'missing.json') }))[0]).toMatch(/^CHANNEL_MANAGERS_FILE: cannot read .*ENOENT/);
  });

  it('refuses Salesforce managers named by profile name or user name, which a Canvas request never carries', async () => {
    const found = await problems({ CHANNEL_MANAGERS: '{"salesforce":{"userIds":["boss@example.com"],"profiles":["Channel Manager"]}}' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['CHANNEL_MANAGERS.salesforce.userIds[0]', 'CHANNEL_MANAGERS.salesforce.profiles[0]']);
    expect(found[1]).toContain('profile id of 15 or 18 characters');
  });

  it('loads threshold overrides from RULES_FILE and rejects unknown rules', async () => {
    const file = join(dir, 'rules.json');
    await writeFile(file, '{"accelerate":{"minWonDeals12m":5}}');
    expect((await loadConfig({ RULES_FILE: file })).rules).toEqual({ accelerate: { minWonDeals12m: 5 } });
    await writeFile(file, '{"platinum":{}}');
    await expect(loadConfig({ RULES_FILE: file })).rejects.toMatchObject({ problems: [{ field: 'platinum' }] });
  });

  it('makes setup read the same configuration as serve and sync, refusing a bad budget before any call', async () => {
    const env = { HUBSPOT_ACCESS_TOKEN: 'pat-test', HUBSPOT_BASE_URL: 'http://127.0.0.1:9', HUBSPOT_REQUESTS_PER_10S: 'lots' };
    await expect(runSetupCommand(['--crm', 'hubspot'], env, () => undefined)).rejects.toMatchObject({
      code: 'misconfigured',
      problems: [{ field: 'HUBSPOT_REQUESTS_PER_10S' }],
    });
  });

  it('describes itself for the log without any secret', async () => {
    const config = await loadConfig({
      DATABASE_URL: 'postgres://user:db-password@db/pj',
      HUBSPOT_CLIENT_SECRET: 'hs-secret-value',
      HUBSPOT_ACCESS_TOKEN: 'pat-secret-value',
      SALESFORCE_CONSUMER_SECRET: 'sf-secret-value',
    });
    const text = JSON.stringify(describeConfig(config));
    for (const secret of ['db-password', 'hs-secret-value', 'pat-secret-value', 'sf-secret-value']) expect(text).not.toContain(secret);
    expect(describeConfig(config)).toMatchObject({ hubspotSecretSet: true, database: 'postgres' });
  });
});

describe('roles', () => {
  const managers = {
    hubspot: { userIds: ['123'], emails: ['boss@example.com'] },
    salesforce: { userIds: ['005000000000001AAA'], profiles: ['00e5g000000AbCd'] },
  };

  it('makes channel managers of mapped HubSpot ids and emails, and reps of everyone else', () => {
    expect(roleOf({ crm: 'hubspot', userId: '123', email: null }, managers)).toBe('manager');
    expect(roleOf({ crm: 'hubspot', userId: '9', email: 'BOSS@example.com' }, managers)).toBe('manager');
    expect(roleOf({ crm: 'hubspot', userId: '9', email: 'rep@example.com' }, managers)).toBe('rep');
  });

  it('matches Salesforce users by 15- or 18-character id, or by profile id', () => {
    expect(roleOf({ crm: 'salesforce', userId: '005000000000001', profile: null }, managers)).toBe('manager');
    expect(roleOf({ crm: 'salesforce', userId: '005000000000001AAA', profile: null }, managers)).toBe('manager');
    expect(roleOf({ crm: 'salesforce', userId: '005000000000002AAA', profile: '00e5g000000AbCdAAK' }, managers)).toBe('manager');
    expect(roleOf({ crm: 'salesforce', userId: '005000000000002AAA', profile: '00e5g000000XyZwAAK' }, managers)).toBe('rep');
  });

  it('matches a Salesforce profile id given in 15 characters to the 18-character one a Canvas request carries', () => {
    const byProfileId = { ...managers, salesforce: { userIds: [], profiles: ['00e5g000000AbCd'] } };
    expect(roleOf({ crm: 'salesforce', userId: '005000000000002AAA', profile: '00e5g000000AbCdAAK' }, byProfileId)).toBe('manager');
    expect(roleOf({ crm: 'salesforce', userId: '005000000000002AAA', profile: '00e5g000000abCdAAK' }, byProfileId)).toBe('rep');
  });
});
