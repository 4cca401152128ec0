import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { TenantQueue } from '../../server/sync/tenant-queue.ts';
import { CURSOR_KEYS } from '../../server/sync/run-sync.ts';
import { portalSeed } from '../hubspot/support.ts';
import { startSyncHarness, T0, type SyncHarness } from './hubspot-harness.ts';

describe('one tenant, one piece of work at a time', () => {
  it('When work for a tenant is queued, then it runs in order and never overlaps; other tenants run alongside', async () => {
    const queue = new TenantQueue();
    const log: string[] = [];
    const job = (tenant: string, name: string) =>
      queue.run(tenant, async () => {
        log.push(`${name}:start`);
        await sleep(5);
        log.push(`${name}:end`);
      });
    await Promise.all([job('a', 'a1'), job('a', 'a2'), job('b', 'b1')]);
    expect(log.filter((l) => l.startsWith('a'))).toEqual(['a1:start', 'a1:end', 'a2:start', 'a2:end']);
    expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'));
    await queue.idle();
  });

  it('When running work yields, then the work waiting behind it goes first and the yielder resumes after', async () => {
    const queue = new TenantQueue();
    const log: string[] = [];
    let release!: () => void;
    const started = new Promise<void>((resolve) => (release = resolve));
    const long = queue.run('a', async () => {
      log.push('long:page1');
      release();
      await sleep(5);
      await queue.yield('a');
      log.push('long:page2');
    });
    await started;
    const short = queue.run('a', async () => {
      log.push('short');
    });
    await Promise.all([long, short]);
    expect(log).toEqual(['long:page1', 'short', 'long:page2']);
  });
});

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a manager does not wait for a whole backfill', () => {
  it('When a stage write-back is queued during a long backfill, then it runs between two pages, long before the backfill ends', async () => {
    h = await startSyncHarness({
      sandbox: { seed: portalSeed({ partners: 800, dealsPerPartner: 0 }), faults: { latency: { rate: 1, minMs: 2, maxMs: 2 } } },
      clock: { now: T0 },
    });
    const harness = h;
    const backfill = harness.sync.sync(harness.adapter);
    while ((await harness.store.getCursor(harness.tenant, CURSOR_KEYS.backfill)) === null) await sleep(2);
    const seenByWriteBack = await harness.sync.exclusive(harness.tenant, async () =>
      JSON.parse((await harness.store.getCursor(harness.tenant, CURSOR_KEYS.backfill)) ?? '{}') as { done: boolean },
    );
    expect(seenByWriteBack.done).toBe(false);
    await backfill;
    expect((await harness.store.listPartners(harness.tenant, { limit: 1_000 })).length).toBe(800);
  });
});
