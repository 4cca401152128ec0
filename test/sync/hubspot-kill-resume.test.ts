import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmAdapter } from '../../server/crm/crm-adapter.ts';
import { createHubspotAdapter } from '../../server/crm/hubspot/hubspot-adapter.ts';
import { SeededRandom } from '../../server/demo/random.ts';
import { createLogger } from '../../server/logging/logger.ts';
import type { HubspotSandbox } from '../../server/sandbox/hubspot/index.ts';
import type { JourneyStore } from '../../server/storage/journey-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { SyncService } from '../../server/sync/sync-service.ts';
import { portalSeed } from '../hubspot/support.ts';
import { QUICK_RETRY, startSyncHarness, T0 } from './hubspot-harness.ts';

/** 400 partners (two backfill pages of 200) with two labeled deals each. */
const SEED = portalSeed({ partners: 400, dealsPerPartner: 2, others: 50 });

class Killed extends Error {}

/**
 * Stands for the sync process dying: every adapter and store call, when it starts and when its
 * answer arrives, is a step; from step `killAt` on every call throws, and answers still in
 * flight are lost. A run that is never killed counts its steps.
 */
class Reaper {
  steps = 0;
  private readonly killAt: number;

  constructor(killAt = Number.POSITIVE_INFINITY) {
    this.killAt = killAt;
  }

  step(): void {
    this.steps += 1;
    if (this.steps >= this.killAt) throw new Killed(`the sync process was killed at step ${this.killAt}`);
  }

  wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (object, key, receiver) => {
        const value: unknown = Reflect.get(object, key, receiver);
        if (typeof value !== 'function' || key === 'close') return value;
        return (...args: unknown[]) => {
          this.step();
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
          if (!(result instanceof Promise)) return result;
          return result.then((answer: unknown) => {
            this.step();
            return answer;
          });
        };
      },
    });
  }
}

function newProcess(sandbox: HubspotSandbox, store: JourneyStore): { adapter: CrmAdapter; sync: SyncService } {
  const adapter = createHubspotAdapter({
    accessToken: sandbox.token,
    baseUrl: sandbox.baseUrl,
    limits: { requests: 100_000, windowMs: 1_000, searches: 100_000, searchWindowMs: 1_000 },
    retry: QUICK_RETRY,
  });
  return { adapter, sync: new SyncService({ store, now: () => T0, locale: 'en', log: createLogger('silent') }) };
}

async function settled(sandbox: HubspotSandbox): Promise<void> {
  let seen = -1;
  while (seen !== sandbox.state.countRequests()) {
    seen = sandbox.state.countRequests();
    await sleep(50);
  }
}

/** What must come out the same: our fields in HubSpot, the history, and how many record writes it took. */
async function outcome(sandbox: HubspotSandbox, store: JourneyStore, tenant: string) {
  const companies = sandbox.state
    .liveRecords('companies')
    .map((c) => [c.id, Object.fromEntries(Object.entries(c.properties).filter(([k]) => k.startsWith('pj_')))] as const);
  const history = [];
  for (const [id] of companies) {
    for (const row of await store.stageHistory(tenant, id)) history.push({ ...row, id: undefined });
  }
  return { companies, history, writes: sandbox.state.apiWrites.length };
}

let store: KyselyJourneyStore;
beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

describe('HubSpot sync killed mid-backfill', () => {
  it('When the sync dies at a random step and runs again, then HubSpot, the history and the write count equal an uninterrupted run', async () => {
    const clean = await startSyncHarness({ store, sandbox: { seed: SEED }, clock: { now: T0 } });
    const counter = new Reaper();
    const reference = newProcess(clean.sandbox, counter.wrap(store));
    await reference.sync.sync(counter.wrap(reference.adapter));
    const expected = await outcome(clean.sandbox, store, clean.tenant);
    await clean.close();
    expect(expected.history).toHaveLength(400);
    expect(expected.writes).toBe(400);

    const random = new SeededRandom(20_260_630);
    for (let round = 0; round < 3; round += 1) {
      const killAt = random.int(1, counter.steps);
      const h = await startSyncHarness({ store, sandbox: { seed: SEED }, clock: { now: T0 } });
      try {
        const reaper = new Reaper(killAt);
        const doomed = newProcess(h.sandbox, reaper.wrap(store));
        await expect(doomed.sync.sync(reaper.wrap(doomed.adapter)), `killed at step ${killAt}`).rejects.toBeInstanceOf(Killed);
        await settled(h.sandbox);

        const restarted = newProcess(h.sandbox, store);
        const report = await restarted.sync.sync(restarted.adapter);
        expect(report.stoppedEarly).toBeNull();
        expect(await outcome(h.sandbox, store, h.tenant), `killed at step ${killAt} of ${counter.steps}`).toEqual(expected);
      } finally {
        await h.close();
      }
    }
  }, 60_000);
});
