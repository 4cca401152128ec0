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
  it('When HubSpot refuses a record, then the run reports it and exits 5; the next run (--full) writes it and exits 0', async () => {
    const refused = sandbox.state.liveRecords('companies')[0]?.id ?? '';
    sandbox.state.failWrites('companies', refused, 2);
    const first = await sync([]);
    expect(first.code).toBe(SYNC_INCOMPLETE_EXIT);
    expect(first.out).toContain(`HubSpot (hubspot:${sandbox.portalId})`);
    expect(line(first.out, 'deals read')).toBe('90');
    expect(line(first.out, 'written to the CRM')).toBe('29 records (232 fields)');
    expect(line(first.out, 'records not written')).toBe('1');
    expect(first.out).toContain(`! ${refused}: conflict`);
    expect(first.out).toContain('Run the sync again');

    const full = await sync(['--full', '--crm', 'hubspot', '--locale', 'pt-BR']);
    expect(full.code).toBe(0);
    expect(line(full.out, 'negócios lidos')).toBe('90');
    expect(line(full.out, 'gravado no CRM')).toBe('1 registros (8 campos)');
    expect(line(full.out, 'promoções')).toBe('0');
    expect(full.out).toContain('concluído: o CRM está em dia');
  }, 30_000);

  it('When the named CRM has no connection configured, then it says which variables to set', async () => {
    await expect(sync(['--crm', 'salesforce'])).rejects.toThrow(/no Salesforce connection is configured/);
    await expect(sync([], { HUBSPOT_ACCESS_TOKEN: '' })).rejects.toThrow(/no CRM connection is configured/);
    await expect(sync(['--crm', 'pipedrive'])).rejects.toThrow(/--crm must be hubspot or salesforce/);
  });
});
