import { describe, expect, it } from 'vitest';
import type { ChangePage, CrmDeal } from '../../server/crm/crm-adapter.ts';
import type { SalesforceCrmAdapter } from '../../server/crm/salesforce/salesforce-adapter.ts';
import { adapterFor, manualClock, withSandbox } from './support/harness.ts';
import { buildSeed } from './support/seed.ts';

const MINUTE = 60_000;

async function drainDeals(adapter: SalesforceCrmAdapter, cursor: string | null): Promise<{ items: CrmDeal[]; cursor: string; pages: number }> {
  const items: CrmDeal[] = [];
  let page: ChangePage<CrmDeal>;
  let pages = 0;
  let at = cursor;
  do {
    page = await adapter.changedDeals(at);
    items.push(...page.items);
    at = page.cursor;
    pages += 1;
  } while (!page.done);
  return { items, cursor: page.cursor, pages };
}

describe('Salesforce incremental reads by SystemModstamp (real jsforce against the sandbox)', () => {
  it('When many records share one SystemModstamp, then small pages walk them once each in (SystemModstamp, Id) order', async () => {
    const clock = manualClock();
    await withSandbox({ seed: buildSeed({ partners: 4, deals: 23 }), clock: clock.now }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { clock: clock.now, pageSize: 5 });
      const { items, pages } = await drainDeals(adapter, null);
      expect(pages).toBe(5);
      expect(items).toHaveLength(23);
      expect(new Set(items.map((d) => d.id)).size).toBe(23);
      expect(items.map((d) => d.id)).toEqual([...items.map((d) => d.id)].sort());
    });
  });

  it('When a run is cut short, then calling again with the last saved cursor continues from the same place', async () => {
    const clock = manualClock();
    await withSandbox({ seed: buildSeed({ partners: 4, deals: 12 }), clock: clock.now }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { clock: clock.now, pageSize: 5 });
      const first = await adapter.changedDeals(null);
      const second = await adapter.changedDeals(first.cursor);
      const again = await adapter.changedDeals(first.cursor);
      expect(again.items.map((d) => d.id)).toEqual(second.items.map((d) => d.id));
      expect(again.cursor).toBe(second.cursor);
      const rest = await drainDeals(adapter, second.cursor);
      expect([...first.items, ...second.items, ...rest.items].map((d) => d.id)).toHaveLength(12);
    });
  });

  it('When deals change after a caught-up read, then the next read returns them plus what changed in the overlap window before the mark, and deletes show through queryAll', async () => {
    const clock = manualClock('2026-06-30T12:00:00Z');
    await withSandbox({ seed: buildSeed({ partners: 3, deals: 10 }), clock: clock.now }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { clock: clock.now, overlapMs: 5 * MINUTE });
      const initial = await drainDeals(adapter, null);
      expect(initial.items).toHaveLength(10);

      clock.advance(60 * MINUTE);
      sandbox.state.edit('Opportunity', sandbox.state.idOf('d1'), { StageName: 'Closed Won', CloseDate: '2026-06-30', Amount: 50_000 });
      const afterWin = await drainDeals(adapter, initial.cursor);
      expect(afterWin.items).toHaveLength(10);
      expect(afterWin.items.at(-1)).toMatchObject({ id: sandbox.state.idOf('d1'), status: 'won', amount: 50_000 });

      clock.advance(60 * MINUTE);
      sandbox.state.remove('Opportunity', sandbox.state.idOf('d2'));
      sandbox.state.edit('Opportunity', sandbox.state.idOf('d3'), { PJ_Partner_Account__c: sandbox.state.idOf('p2') });
      const later = await drainDeals(adapter, afterWin.cursor);
      expect(later.items.map((d) => d.id)).toEqual([sandbox.state.idOf('d1'), sandbox.state.idOf('d2'), sandbox.state.idOf('d3')]);
      expect(later.items.find((d) => d.id === sandbox.state.idOf('d2'))?.deleted).toBe(true);
      expect(later.items.find((d) => d.id === sandbox.state.idOf('d3'))?.partnerIds).toEqual([sandbox.state.idOf('p2')]);

      clock.advance(3 * MINUTE);
      const quiet = await drainDeals(adapter, later.cursor);
      expect(quiet.items.map((d) => d.id)).toEqual([sandbox.state.idOf('d2'), sandbox.state.idOf('d3')]);
    });
  });

  it('When a transaction commits a SystemModstamp just before the mark after the read, then the overlap window still finds it', async () => {
    const clock = manualClock('2026-06-30T12:00:00Z');
    await withSandbox({ seed: buildSeed({ partners: 3, deals: 6 }), clock: clock.now }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { clock: clock.now, overlapMs: 5 * MINUTE });
      clock.advance(60 * MINUTE);
      sandbox.state.edit('Opportunity', sandbox.state.idOf('d4'), { Amount: 4_444 });
      const seen = await drainDeals(adapter, (await drainDeals(adapter, null)).cursor);
      clock.advance(-2 * MINUTE);
      sandbox.state.edit('Opportunity', sandbox.state.idOf('d0'), { Amount: 1_234 });
      clock.advance(2 * MINUTE);
      const next = await drainDeals(adapter, seen.cursor);
      expect(next.items.find((d) => d.id === sandbox.state.idOf('d0'))?.amount).toBe(1_234);
    });
  });

  it('When an Account stops being a partner or is deleted, then changedPartners reports it with no type, and never lists Accounts that were never partners', async () => {
    const clock = manualClock();
    await withSandbox({ seed: buildSeed({ partners: 3, deals: 0, nonPartners: 2 }), clock: clock.now }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { clock: clock.now });
      const first = await adapter.changedPartners(null);
      expect(first.items.map((p) => p.name)).toEqual(['Partner 0', 'Partner 1', 'Partner 2']);
      await adapter.writePartnerOutputs([{ partnerId: sandbox.state.idOf('p0'), outputs: { suggestedStage: 'activate', health: 'healthy' } }]);
      clock.advance(60 * MINUTE);
      sandbox.state.edit('Account', sandbox.state.idOf('p0'), { PJ_Partner_Type__c: null });
      sandbox.state.remove('Account', sandbox.state.idOf('p1'));
      sandbox.state.edit('Account', sandbox.state.idOf('n0'), { Name: 'Prospect renamed' });
      const next = await adapter.changedPartners(first.cursor);
      // Partner 2 is re-read because it sits in the overlap window before the last mark.
      expect(next.items.map((p) => [p.name, p.type])).toEqual([
        ['Partner 2', 'strategic'],
        ['Partner 0', null],
        ['Partner 1', null],
      ]);
      expect(next.items[1]?.outputs.suggestedStage).toBe('activate');
      expect(next.done).toBe(true);
    });
  });

  it('When the cursor was not written by this adapter, then the read is refused as invalid input', async () => {
    await withSandbox({ seed: buildSeed({ partners: 1, deals: 1 }) }, async (sandbox) => {
      await expect(adapterFor(sandbox).changedDeals('{"after":"x"}')).rejects.toMatchObject({ code: 'invalid_input' });
    });
  });
});
