import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALESFORCE_DEMO_FILE, startSalesforceDemo } from '../../server/demo/salesforce-demo.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { SyncService } from '../../server/sync/sync-service.ts';

const NOW = Date.parse('2026-06-30T09:00:00Z');
const log = createLogger('silent');

let dataDir: string;
let store: KyselyJourneyStore;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pj-sf-demo-'));
  store = await openJourneyStore({ kind: 'memory' });
});
afterAll(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function syncService(now: number) {
  return new SyncService({ store, now: () => now, locale: 'en', log: { info: () => undefined, warn: () => undefined } });
}

describe('the Salesforce demo org', () => {
  it('When the demo starts on an empty folder, then the org holds the demo dataset and the sync fills the tenant from it; a restart keeps every record and write', async () => {
    const first = await startSalesforceDemo({ dataDir, now: NOW, log });
    let partnerIds: string[];
    try {
      expect(await first.adapter.tenantId()).toBe(first.tenant);
      expect(first.tenant).toMatch(/^salesforce:00D[0-9A-Za-z]{15}$/);
      expect(first.description).toContain('Accounts');
      const report = await syncService(NOW).sync(first.adapter);
      // Records seeded moments ago fall inside the change feed's overlap and are read twice, written once.
      expect(report).toMatchObject({ dealsRead: 960, recordsWritten: 40, writeFailures: [], stoppedEarly: null });
      const partners = await store.listPartners(first.tenant, { limit: 200 });
      expect(partners).toHaveLength(40);
      expect(new Set(partners.map((p) => p.officialStage))).toEqual(new Set(['recruit', 'activate', 'accelerate', 'mature']));
      partnerIds = partners.map((p) => p.partnerId);
    } finally {
      await first.close();
    }

    const again = await startSalesforceDemo({ dataDir, now: NOW + 86_400_000, log });
    try {
      expect(again.tenant).toBe(first.tenant);
      const reread = await again.adapter.getPartners(partnerIds);
      expect(reread).toHaveLength(40);
      const stored = new Map((await store.getPartners(first.tenant, partnerIds)).map((p) => [p.partnerId, p.officialStage]));
      expect(reread.every((p) => p.outputs.stage !== null && p.outputs.stage === stored.get(p.id))).toBe(true);
      const rows = async () => (await Promise.all(partnerIds.map((id) => store.stageHistory(first.tenant, id)))).flat().length;
      const before = await rows();
      const resync = await syncService(NOW).sync(again.adapter);
      expect(resync).toMatchObject({ recordsWritten: 0, promotions: 0, crmEdits: 0 });
      expect(await rows()).toBe(before);
    } finally {
      await again.close();
    }
  });

  it('When the saved org file is not one of ours, then the demo refuses to start and names the file', async () => {
    const other = await mkdtemp(join(tmpdir(), 'pj-sf-demo-bad-'));
    try {
      await writeFile(join(other, SALESFORCE_DEMO_FILE), JSON.stringify({ accounts: [] }));
      await expect(startSalesforceDemo({ dataDir: other, now: NOW, log })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining(SALESFORCE_DEMO_FILE) });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
