import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logging/logger.ts';
import { CURSOR_KEYS } from '../../server/sync/run-sync.ts';
import { SyncService } from '../../server/sync/sync-service.ts';
import { portalSeed } from '../hubspot/support.ts';
import { startSyncHarness, T0, type SyncHarness } from './hubspot-harness.ts';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function historyRows(harness: SyncHarness): Promise<number> {
  let rows = 0;
  for (const company of harness.sandbox.state.liveRecords('companies')) rows += (await harness.history(company.id)).length;
  return rows;
}

describe('scheduled sync and shutdown', () => {
  it('When the service stops during a scheduled backfill, then the run ends after its page with the cursor saved, and the next run finishes without redoing anything', async () => {
    h = await startSyncHarness({
      sandbox: { seed: portalSeed({ partners: 600, dealsPerPartner: 0 }), faults: { latency: { rate: 1, minMs: 2, maxMs: 2 } } },
      clock: { now: T0 },
    });
    const harness = h;
    harness.sync.schedule([harness.adapter], 60_000);
    while ((await harness.store.getCursor(harness.tenant, CURSOR_KEYS.backfill)) === null) await sleep(5);
    await harness.sync.stop();

    const cursor = JSON.parse((await harness.store.getCursor(harness.tenant, CURSOR_KEYS.backfill)) ?? '{}') as { after: string | null; done: boolean };
    expect(cursor.done).toBe(false);
    expect(cursor.after).not.toBeNull();
    const firstPages = harness.writes();
    expect(firstPages % 200).toBe(0);
    expect(firstPages).toBeLessThan(600);
    expect((await harness.store.listPartners(harness.tenant, { limit: 1_000 })).length).toBe(firstPages);
    expect(harness.logs.join('')).toContain('"stoppedEarly":"asked to stop"');

    const restarted = new SyncService({ store: harness.store, now: () => T0, locale: 'en', log: createLogger('silent') });
    const report = await restarted.sync(harness.adapter);
    expect(report.stoppedEarly).toBeNull();
    expect(await historyRows(harness)).toBe(600);
    expect(harness.writes()).toBe(600);
  }, 30_000);
});
