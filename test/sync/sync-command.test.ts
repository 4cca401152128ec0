import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSyncCommand, SYNC_INCOMPLETE_EXIT } from '../../server/cli/sync-command.ts';
import { startHubspotSandbox, type HubspotSandbox } from '../../server/sandbox/hubspot/index.ts';
import { portalSeed } from '../hubspot/support.ts';

let sandbox: HubspotSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startHubspotSandbox({ partnerJourneySchema: true, seed: portalSeed({ partners: 30, dealsPerPartner: 3 }) });
  dir = await mkdtemp(join(tmpdir(), 'pj-sync-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

async function sync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runSyncCommand(args, {
    env: { HUBSPOT_ACCESS_TOKEN: sandbox.token, HUBSPOT_BASE_URL: sandbox.baseUrl, DATA_DIR: dir, LOG_LEVEL: 'silent', ...env },
    write: (text) => {
      out += text;
    },
    log: new PassThrough(),
  });
  return { code, out };
}

const line = (out: string, label: string) => out.split('\n').find((l) => l.trimStart().startsWith(label))?.replace(label, '').trim();

describe('partner-journey sync', () => {
  it('When it runs, then it backfills, prints what it read and wrote, and exits 0; --full reads everything again and writes nothing new', async () => {
    const first = await sync([]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`HubSpot (hubspot:${sandbox.portalId})`);
    expect(line(first.out, 'deals read')).toBe('90');
    expect(line(first.out, 'written to the CRM')).toBe('30 records (240 fields)');
    expect(line(first.out, 'records not written')).toBe('0');
    expect(first.out).toContain('finished: the CRM is up to date');

    const full = await sync(['--full', '--locale', 'pt-BR']);
    expect(full.code).toBe(0);
    expect(line(full.out, 'negócios lidos')).toBe('90');
    expect(line(full.out, 'gravado no CRM')).toBe('0 registros (0 campos)');
    expect(line(full.out, 'promoções')).toBe('0');
  }, 30_000);

  it('When HubSpot keeps refusing a record, then the report names it and the exit code says to run again', async () => {
    const company = sandbox.state.liveRecords('companies')[0];
    if (!company) throw new Error('no company seeded');
    sandbox.state.edit('companies', company.id, { pj_next_action: '' });
    sandbox.state.failWrites('companies', company.id, 2);
    const run = await sync(['--crm', 'hubspot']);
    expect(run.code).toBe(SYNC_INCOMPLETE_EXIT);
    expect(line(run.out, 'records not written')).toBe('1');
    expect(run.out).toContain(`! ${company.id}: conflict`);
    expect(run.out).toContain('Run the sync again');
  }, 30_000);

  it('When the named CRM has no connection configured, then it says which variables to set', async () => {
    await expect(sync(['--crm', 'salesforce'])).rejects.toThrow(/no Salesforce connection is configured/);
    await expect(sync([], { HUBSPOT_ACCESS_TOKEN: '' })).rejects.toThrow(/no CRM connection is configured/);
    await expect(sync(['--crm', 'pipedrive'])).rejects.toThrow(/--crm must be hubspot or salesforce/);
  });
});
