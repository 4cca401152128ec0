import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { SCENARIO_SEED } from '../salesforce/support/scenario-seed.ts';
import { KillSwitch, Killed, writeLines, type KillPlan } from '../salesforce/support/kill-switch.ts';
import { startSyncWorld, type SyncWorld } from '../salesforce/support/sync-world.ts';

let store: KyselyJourneyStore;
beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

type Phase = 'backfill' | 'changes';

/** People's edits between the backfill and the next run: a won deal (promotion), a hand edit, a partner leaving. */
function peopleEdit(world: SyncWorld): void {
  world.clock.advance(60_000);
  world.sandbox.state.edit('Opportunity', world.id('acme-open'), { StageName: 'Closed Won', CloseDate: '2026-06-29' });
  world.sandbox.state.edit('Account', world.id('core'), { PJ_Stage__c: 'mature' }, 'manager');
  world.sandbox.state.edit('Account', world.id('dyna'), { PJ_Partner_Type__c: null });
  world.clock.advance(60_000);
}

/** A world brought to the start of the phase under test. */
async function worldAt(phase: Phase): Promise<SyncWorld> {
  const world = await startSyncWorld(store, { seed: SCENARIO_SEED });
  if (phase === 'changes') {
    await world.run();
    peopleEdit(world);
  }
  return world;
}

async function snapshot(world: SyncWorld) {
  return { accounts: world.accounts(), histories: await world.histories() };
}

/** Runs `work` over the items, a few at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

describe('a Salesforce sync killed mid-run', () => {
  it.each(['backfill', 'changes'] as const)(
    'When the %s run dies at any step (a CRM call or a store write) and runs again, then it ends as an uninterrupted run: same fields, same history rows, same writes',
    async (phase) => {
      const reference = await worldAt(phase);
      const counter = new KillSwitch();
      await reference.run({ adapter: counter.adapter(reference.adapter), store: counter.store(store) });
      const expected = await snapshot(reference);
      const keyOf = (id: string) => SCENARIO_SEED.partners.find((p) => reference.id(p.key) === id)?.key ?? id;
      const expectedWrites = writeLines(counter.writes, keyOf);
      await reference.close();
      expect(counter.steps).toBeGreaterThan(10);
      expect(expectedWrites.length).toBeGreaterThan(0);

      // Dying just before step k leaves what dying just after step k-1 leaves; "before 1" covers a death before anything.
      const plans: KillPlan[] = [{ at: 1, when: 'before' }, ...Array.from({ length: counter.steps }, (_, i) => ({ at: i + 1, when: 'after' as const }))];
      const mismatches: string[] = [];
      await eachLimited(plans, 6, async (plan) => {
        const world = await worldAt(phase);
        try {
          const killed = new KillSwitch(plan);
          await expect(world.run({ adapter: killed.adapter(world.adapter), store: killed.store(store) })).rejects.toBeInstanceOf(Killed);
          const resumed = new KillSwitch();
          await world.run({ adapter: resumed.adapter(world.adapter), store: resumed.store(store) });
          const got = await snapshot(world);
          const writes = writeLines([...killed.writes, ...resumed.writes], keyOf);
          if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${plan.when} step ${plan.at}: different end state`);
          if (JSON.stringify(writes) !== JSON.stringify(expectedWrites)) mismatches.push(`${plan.when} step ${plan.at}: writes ${JSON.stringify(writes)}`);
        } finally {
          await world.close();
        }
      });
      expect(mismatches).toEqual([]);
    },
    60_000,
  );
});
