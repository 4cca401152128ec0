import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmAdapter } from '../../server/crm/crm-adapter.ts';
import { changePartnerStage } from '../../server/journey/change-partner-stage.ts';
import { crmLinks } from '../../server/journey/crm-links.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { SCENARIO_SEED } from '../salesforce/support/scenario-seed.ts';
import { buildSeed } from '../salesforce/support/seed.ts';
import { KillSwitch, Killed, writeLines } from '../salesforce/support/kill-switch.ts';
import { startSyncWorld, type SyncWorld } from '../salesforce/support/sync-world.ts';

let store: KyselyJourneyStore;
beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

/** What a finished sync leaves behind: our Account fields in Salesforce and every partner's history. */
async function outcome(world: SyncWorld) {
  return { accounts: world.accounts(), histories: await world.histories() };
}

/** Every third CRM call meets an expired session first (the replay after the refresh goes through). */
function expiringSessions(world: SyncWorld): CrmAdapter {
  let calls = 0;
  return new Proxy(world.adapter, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls += 1;
        if (calls % 3 === 1) world.sandbox.state.faults.queue('expire-session');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('Salesforce sync under faults', () => {
  it('When rows are locked and sessions expire during a sync, then it ends in the same state as an undisturbed one', async () => {
    const seed = buildSeed({ partners: 40, deals: 400, seed: 17 });
    const calm = await startSyncWorld(store, { seed });
    const rough = await startSyncWorld(store, { seed, faults: { lockRowRate: 0.3, seed: 4 } });
    try {
      expect((await calm.run()).writeFailures).toEqual([]);
      const report = await rough.run({ adapter: expiringSessions(rough) });
      const faults = rough.sandbox.state.faults.counts();
      expect(faults['lock-row']).toBeGreaterThan(10);
      expect(faults['expire-session']).toBeGreaterThanOrEqual(3);
      expect(report.stoppedEarly).toBeNull();
      if (report.writeFailures.length > 0) {
        expect(report.writeFailures.every((f) => f.code === 'UNABLE_TO_LOCK_ROW')).toBe(true);
        rough.clock.advance(60_000);
        await rough.run();
      }
      expect(await outcome(rough)).toEqual(await outcome(calm));
    } finally {
      await calm.close();
      await rough.close();
    }
  });

  it('When a row stays locked past every retry, then the run reports it and the next run writes it', async () => {
    const world = await startSyncWorld(store, { seed: SCENARIO_SEED });
    try {
      world.sandbox.state.faults.setRates({ lockRowRate: 1 });
      const locked = await world.run();
      expect(locked.writeFailures.map((f) => f.code)).toEqual(['UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW']);
      expect(world.account('acme').PJ_Stage__c).toBeNull();
      world.sandbox.state.faults.setRates({ lockRowRate: 0 });
      world.clock.advance(60_000);
      const next = await world.run();
      expect(next).toMatchObject({ recordsWritten: 4, writeFailures: [] });
      expect(world.account('acme')).toMatchObject({ PJ_Stage__c: 'activate', PJ_Won_Deals_12m__c: 2 });
      world.sandbox.state.clearRequests();
      await world.run();
      expect(world.sandbox.state.endpointCounts()['POST composite/sobjects/retrieve']).toBeUndefined();
    } finally {
      await world.close();
    }
  });

  it('When a card’s stage change cannot reach Salesforce, then the change is kept and the next sync writes it', async () => {
    const world = await startSyncWorld(store, { seed: SCENARIO_SEED });
    try {
      await world.run();
      // A later change moves the change cursor past the overlap that would re-read bolt anyway.
      world.clock.advance(15 * 60_000);
      world.sandbox.state.edit('Account', world.id('core'), { PJ_Certifications__c: 3 });
      await world.run();
      world.sandbox.state.faults.setRates({ lockRowRate: 1 });
      const deps = { store, now: world.clock.now, rules: undefined, crm: crmLinks(new Map([[world.tenant, world.adapter]])) };
      const viewer = { tenant: world.tenant, userId: 'u-7', actor: 'lead@example.com', role: 'manager' as const, locale: 'en' as const };
      const log = { info: () => undefined, warn: () => undefined };
      await changePartnerStage(deps, viewer, { objectId: world.id('bolt'), stage: 'mature', reason: 'Strategic account now' }, log);
      expect(world.account('bolt').PJ_Stage__c).toBe('activate');
      world.sandbox.state.faults.setRates({ lockRowRate: 0 });
      world.clock.advance(60_000);
      await world.run();
      expect(world.account('bolt')).toMatchObject({ PJ_Stage__c: 'mature', PJ_Stage_Changed_By__c: 'lead@example.com' });
      expect((await world.history('bolt')).map((r) => r.source)).toEqual(['sync', 'manual']);
    } finally {
      await world.close();
    }
  });

  it('When the sync reaches its share of the daily API allocation, then it stops cleanly saying why, and finishes once the allocation allows', async () => {
    const seed = buildSeed({ partners: 30, deals: 200, seed: 8 });
    const calm = await startSyncWorld(store, { seed });
    const limited = await startSyncWorld(store, { seed, dailyApiLimit: 1_000, apiUsed: 497, adapterOptions: { pageSize: 10 } });
    try {
      await calm.run();
      const stopped = await limited.run();
      expect(stopped.stoppedEarly).toMatch(/^Stopped to protect the org's API allocation: 500 of 1,000 daily Salesforce API calls used \(50%\), and Partner Journey may use up to 50%/);
      expect(limited.warnings.some((w) => w.startsWith('sync stopped: Stopped to protect'))).toBe(true);
      expect(limited.sandbox.state.apiUsage().used).toBe(500);
      expect(stopped.partnersRead).toBeLessThan(30);

      // The rolling 24 hours free calls; after the back-off the adapter probes with one real call.
      limited.sandbox.state.setApiUsage(0);
      limited.clock.advance(15 * 60_000);
      limited.sandbox.state.faults.queue('request-limit');
      const refused = await limited.run();
      expect(refused.stoppedEarly).toMatch(/REQUEST_LIMIT_EXCEEDED/);

      const finished = await limited.run();
      expect(finished).toMatchObject({ stoppedEarly: null, writeFailures: [] });
      // Partners written after the pause carry a later changed-at; everything else matches an unhurried sync.
      const withoutChangedAt = async (world: SyncWorld) => {
        const { accounts, histories } = await outcome(world);
        return { histories, accounts: Object.fromEntries(Object.entries(accounts).map(([key, fields]) => [key, { ...fields, PJ_Stage_Changed_At__c: 'ignored' }])) };
      };
      expect(await withoutChangedAt(limited)).toEqual(await withoutChangedAt(calm));
    } finally {
      await calm.close();
      await limited.close();
    }
  });
});
