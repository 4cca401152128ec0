import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startService, type RunningService } from '../../server/cli/serve-command.ts';
import { loadConfig } from '../../server/config/env.ts';
import { HUBSPOT_SANDBOX_FILE } from '../../server/demo/hubspot-demo.ts';
import { CardPage } from '../../server/http/card-page.ts';
import { createLogger } from '../../server/logging/logger.ts';

const partnersSchema = z.object({ partners: z.array(z.object({ id: z.string(), name: z.string(), officialStage: z.string().nullable() }).loose()) });
const journeySchema = z.object({ journey: z.object({ officialStage: z.string().nullable(), history: z.array(z.object({ source: z.string(), to: z.string() }).loose()) }).loose() }).loose();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pj-demo-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(dataDir: string, demoCrm?: 'hubspot' | 'salesforce'): Promise<RunningService> {
  const config = await loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SYNC_INTERVAL_MINUTES: '0', LOG_LEVEL: 'silent' });
  return startService(config, { logger: createLogger('silent'), cardPage: new CardPage(join(dataDir, 'no-card-build')), ...(demoCrm ? { demoCrm } : {}) });
}

async function session(service: RunningService): Promise<string> {
  const response = await fetch(`${service.url}/preview/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'manager' }) });
  return z.object({ token: z.string() }).parse(await response.json()).token;
}

async function partners(service: RunningService, token: string) {
  const response = await fetch(`${service.url}/api/v1/card/partners?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return partnersSchema.parse(await response.json()).partners;
}

async function journey(service: RunningService, token: string, id: string) {
  const response = await fetch(`${service.url}/api/v1/card/journey?objectType=partner&objectId=${id}`, { headers: { authorization: `Bearer ${token}` } });
  return journeySchema.parse(await response.json()).journey;
}

describe('npm start: the demo through a CRM sandbox', () => {
  it('When it starts with no CRM credentials, then the sandbox portal is set up, seeded and synced, and /preview serves its partners; a restart keeps its edits and seeds nothing twice', async () => {
    const first = await start(dir);
    let stageChanged: string;
    try {
      expect(first.demoTenant).toMatch(/^hubspot:\d+$/);
      const token = await session(first);
      const listed = await partners(first, token);
      expect(listed).toHaveLength(40);
      expect(listed.every((p) => /^\d+$/.test(p.id) && p.officialStage !== null)).toBe(true);
      const recruit = listed.find((p) => p.officialStage === 'recruit');
      stageChanged = recruit?.id ?? '';
      const change = await fetch(`${first.url}/api/v1/card/stage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ objectId: stageChanged, stage: 'activate', reason: 'Signed the reseller agreement' }),
      });
      expect(change.status).toBe(200);
    } finally {
      await first.close();
    }

    const saved = JSON.parse(await readFile(join(dir, HUBSPOT_SANDBOX_FILE), 'utf8')) as { objects: { records: { companies: { id: string; properties: Record<string, string> }[]; deals: unknown[] } } };
    expect(saved.objects.records.companies).toHaveLength(40);
    expect(saved.objects.records.deals).toHaveLength(480);
    expect(saved.objects.records.companies.find((c) => c.id === stageChanged)?.properties).toMatchObject({ pj_stage: 'activate', pj_stage_changed_by: 'demo-manager' });

    const second = await start(dir);
    try {
      expect(second.demoTenant).toBe(first.demoTenant);
      const token = await session(second);
      expect(await partners(second, token)).toHaveLength(40);
      const after = await journey(second, token, stageChanged);
      expect(after.officialStage).toBe('activate');
      expect(after.history.filter((r) => r.source === 'manual')).toHaveLength(1);
      expect(after.history.filter((r) => r.source === 'crm-edit')).toHaveLength(0);
    } finally {
      await second.close();
    }
    const again = JSON.parse(await readFile(join(dir, HUBSPOT_SANDBOX_FILE), 'utf8')) as typeof saved;
    expect(again.objects.records.deals).toHaveLength(480);
  }, 60_000);

  it('When the demo is asked to run through Salesforce, then /preview serves the Salesforce sandbox org instead', async () => {
    const other = await mkdtemp(join(tmpdir(), 'pj-demo-sf-'));
    const service = await start(other, 'salesforce');
    try {
      expect(service.demoTenant).toMatch(/^salesforce:/);
      expect(await partners(service, await session(service))).toHaveLength(40);
    } finally {
      await service.close();
      await rm(other, { recursive: true, force: true });
    }
  }, 30_000);
});
