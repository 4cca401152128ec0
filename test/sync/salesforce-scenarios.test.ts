import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { SYNC_ACTOR } from '../../server/sync/sync-context.ts';
import { SCENARIO_SEED } from '../salesforce/support/scenario-seed.ts';
import { startSyncWorld, type SyncWorld } from '../salesforce/support/sync-world.ts';

let store: KyselyJourneyStore;
beforeAll(async () => {
  store = await openJourneyStore({ kind: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

/** A backfilled org; `change` is what people do in Salesforce afterwards, then the next sync runs. */
async function afterChange(change: (world: SyncWorld) => void, options: { prm?: boolean } = {}) {
  const world = await startSyncWorld(store, { seed: SCENARIO_SEED, org: { partnerAccountField: options.prm ?? false } });
  const backfill = await world.run();
  const before = { accounts: world.accounts(), histories: await world.histories() };
  world.clock.advance(60_000);
  change(world);
  world.clock.advance(60_000);
  const report = await world.run();
  return { world, backfill, report, before };
}

async function kpisOf(world: SyncWorld, key: string) {
  const evaluation = (await store.getEvaluations(world.tenant, [world.id(key)])).get(world.id(key));
  return (evaluation?.data as { kpis: Record<string, number> }).kpis;
}

describe('Salesforce sync scenarios (real jsforce → sandbox, real store, SyncService)', () => {
  it('When the org is backfilled, then every partner gets its first stage from the evidence and our fields are written to its Account', async () => {
    const { world, backfill } = await afterChange(() => undefined);
    try {
      // The Accounts we wrote come back once through the change feed (SystemModstamp moved) and need no write.
      expect(backfill).toMatchObject({ partnersRead: 8, dealsRead: 6, recordsWritten: 4, writeFailures: [], stoppedEarly: null });
      expect(await world.histories()).toEqual({
        acme: ['∅→activate (sync)'],
        bolt: ['∅→activate (sync)'],
        core: ['∅→activate (sync)'],
        dyna: ['∅→recruit (sync)'],
      });
      expect(world.account('acme')).toMatchObject({ PJ_Stage__c: 'activate', PJ_Suggested_Stage__c: 'activate', PJ_Won_Deals_12m__c: 2, PJ_Won_Revenue_12m__c: 20_000, PJ_Stage_Changed_By__c: SYNC_ACTOR });
      expect(world.account('dyna')).toMatchObject({ PJ_Stage__c: 'recruit', PJ_Won_Deals_12m__c: 0, PJ_Next_Action__c: expect.any(String) });
    } finally {
      await world.close();
    }
  });

  it('When a new opportunity names a partner, then the next sync stores it under that partner and re-evaluates it', async () => {
    const { world, report, before } = await afterChange((w) => {
      w.sandbox.state.create('Opportunity', { Name: 'Dyna / First', StageName: 'Prospecting', CloseDate: '2026-08-30', Amount: 12_000, PJ_Partner_Account__c: w.id('dyna') });
    });
    try {
      expect(report.dealsRead).toBeGreaterThanOrEqual(1);
      const deals = (await store.dealsOfPartners(world.tenant, [world.id('dyna')])).get(world.id('dyna')) ?? [];
      expect(deals.map((d) => [d.name, d.status, d.amount])).toEqual([['Dyna / First', 'open', 12_000]]);
      expect((await kpisOf(world, 'dyna')).openDeals).toBe(1);
      expect(await world.histories()).toEqual(before.histories);
    } finally {
      await world.close();
    }
  });

  it('When a partner opportunity is won, then the partner is promoted with a sync history row and its Account fields are written', async () => {
    const { world, report } = await afterChange((w) => w.sandbox.state.edit('Opportunity', w.id('acme-open'), { StageName: 'Closed Won', CloseDate: '2026-06-29' }));
    try {
      expect(report.promotions).toBe(1);
      const last = (await world.history('acme')).at(-1);
      expect(last).toMatchObject({ from: 'activate', to: 'accelerate', source: 'sync', actor: SYNC_ACTOR, reason: expect.stringContaining('Acceleration') });
      expect(world.account('acme')).toMatchObject({
        PJ_Stage__c: 'accelerate',
        PJ_Suggested_Stage__c: 'accelerate',
        PJ_Won_Deals_12m__c: 3,
        PJ_Won_Revenue_12m__c: 30_000,
        PJ_Stage_Changed_By__c: SYNC_ACTOR,
        PJ_Stage_Changed_At__c: new Date(world.clock.now()).toISOString().replace('Z', '+0000'),
        LastModifiedById: world.sandbox.state.user('integration').id,
      });
      expect(await store.getPartner(world.tenant, world.id('acme'))).toMatchObject({ officialStage: 'accelerate' });
    } finally {
      await world.close();
    }
  });

  it('When a partner opportunity is lost, then the deal is stored as lost and the stage is kept', async () => {
    const { world, report, before } = await afterChange((w) => w.sandbox.state.edit('Opportunity', w.id('bolt-open'), { StageName: 'Closed Lost', CloseDate: '2026-06-29' }));
    try {
      expect((await store.getDeal(world.tenant, world.id('bolt-open')))?.status).toBe('lost');
      expect(await kpisOf(world, 'bolt')).toMatchObject({ openDeals: 0, wonDeals12m: 1 });
      expect(report.promotions).toBe(0);
      expect(await world.histories()).toEqual(before.histories);
      expect(world.account('bolt')).toMatchObject({ PJ_Stage__c: 'activate', PJ_Won_Deals_12m__c: 1 });
    } finally {
      await world.close();
    }
  });

  it('When an opportunity moves to another partner (PartnerAccountId in a PRM org), then both partners are re-evaluated and written', async () => {
    const { world, before } = await afterChange((w) => w.sandbox.state.edit('Opportunity', w.id('acme-w1'), { PartnerAccountId: w.id('bolt') }), { prm: true });
    try {
      expect(before.accounts.acme).toMatchObject({ PJ_Won_Deals_12m__c: 2, PJ_Won_Revenue_12m__c: 20_000 });
      expect(world.account('acme')).toMatchObject({ PJ_Won_Deals_12m__c: 1, PJ_Won_Revenue_12m__c: 10_000, PJ_Stage__c: 'activate' });
      expect(world.account('bolt')).toMatchObject({ PJ_Won_Deals_12m__c: 2, PJ_Won_Revenue_12m__c: 18_000 });
      expect((await store.getDeal(world.tenant, world.id('acme-w1')))?.partnerIds).toEqual([world.id('bolt')]);
    } finally {
      await world.close();
    }
  });

  it('When an opportunity is deleted, then it leaves its partner’s journey', async () => {
    const { world } = await afterChange((w) => w.sandbox.state.remove('Opportunity', w.id('acme-w2')));
    try {
      expect(await store.getDeal(world.tenant, world.id('acme-w2'))).toBeNull();
      expect(world.account('acme')).toMatchObject({ PJ_Won_Deals_12m__c: 1, PJ_Won_Revenue_12m__c: 10_000 });
    } finally {
      await world.close();
    }
  });

  it('When someone edits PJ_Stage__c in Salesforce, then the sync records a crm-edit row and keeps their value, and the next run changes nothing', async () => {
    const { world, report } = await afterChange((w) => w.sandbox.state.edit('Account', w.id('core'), { PJ_Stage__c: 'mature' }, 'manager'));
    try {
      expect(report.crmEdits).toBe(1);
      expect((await world.history('core')).at(-1)).toMatchObject({ from: 'activate', to: 'mature', source: 'crm-edit', actor: 'Salesforce' });
      expect(world.account('core')).toMatchObject({ PJ_Stage__c: 'mature', PJ_Suggested_Stage__c: 'activate' });
      expect(await store.getPartner(world.tenant, world.id('core'))).toMatchObject({ officialStage: 'mature' });
      const settled = { accounts: world.accounts(), histories: await world.histories() };
      world.clock.advance(60_000);
      const again = await world.run();
      expect(again).toMatchObject({ crmEdits: 0, promotions: 0, recordsWritten: 0 });
      expect({ accounts: world.accounts(), histories: await world.histories() }).toEqual(settled);
    } finally {
      await world.close();
    }
  });

  it('When an Account stops being a partner, then the fields the sync owns are cleared and the stage stays', async () => {
    const { world, report, before } = await afterChange((w) => w.sandbox.state.edit('Account', w.id('dyna'), { PJ_Partner_Type__c: null }));
    try {
      expect(world.account('dyna')).toMatchObject({
        PJ_Stage__c: 'recruit',
        PJ_Suggested_Stage__c: null,
        PJ_Health__c: null,
        PJ_Next_Action__c: null,
        PJ_Won_Revenue_12m__c: null,
        PJ_Won_Deals_12m__c: null,
      });
      expect(report.recordsWritten).toBe(1);
      expect((await store.getPartner(world.tenant, world.id('dyna')))?.type).toBeNull();
      expect(await world.histories()).toEqual(before.histories);
      world.clock.advance(60_000);
      expect(await world.run()).toMatchObject({ recordsWritten: 0 });
    } finally {
      await world.close();
    }
  });
});
