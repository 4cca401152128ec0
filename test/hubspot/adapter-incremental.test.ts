import { afterEach, describe, expect, it } from 'vitest';
import type { ChangePage, CrmAdapter, CrmDeal } from '../../server/crm/crm-adapter.ts';
import type { SandboxState } from '../../server/sandbox/hubspot/index.ts';
import { BASE_MS, portalSeed, ROUTES, routeCount, startHarness, type Harness } from './support.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function drainDeals(adapter: CrmAdapter, from: string | null = null): Promise<{ seen: string[]; cursor: string; pages: number }> {
  const seen: string[] = [];
  let cursor = from;
  let pages = 0;
  let page: ChangePage<CrmDeal>;
  do {
    page = await adapter.changedDeals(cursor);
    seen.push(...page.items.map((d) => d.id));
    cursor = page.cursor;
    pages += 1;
  } while (!page.done);
  return { seen, cursor: cursor ?? '', pages };
}

/** `count` deals modified at `at(i)`; returns their ids. */
function addDeals(state: SandboxState, count: number, at: (i: number) => number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const ms = at(i);
    ids.push(state.create('deals', { dealname: `D${i}`, dealstage: 'contractsent', createdate: new Date(ms - 1000).toISOString(), hs_lastmodifieddate: new Date(ms).toISOString() }).id);
  }
  return ids;
}

function badRequests(harness: Harness): number {
  return harness.sandbox.state.requests.filter((r) => r.status === 400).length;
}

describe('HubSpot incremental reads', () => {
  it('When deals change, then they come oldest first with their partners, and the cursor resumes after them', async () => {
    let now = BASE_MS + 86_400_000;
    harness = await startHarness({ seed: portalSeed({ partners: 3, dealsPerPartner: 5 }), clock: () => now });
    const first = await harness.adapter.changedDeals(null);
    expect(first.done).toBe(true);
    expect(first.items).toHaveLength(18);
    const times = first.items.map((d) => d.modifiedAt);
    expect(times).toEqual([...times].sort());
    expect(first.items.find((d) => d.id === '9000001')?.partnerIds).toEqual(['1000001']);
    expect(first.items.find((d) => d.name === 'Unlabeled 0')?.partnerIds).toEqual([]);

    now += 60_000;
    harness.sandbox.state.edit('deals', '9000003', { dealstage: 'closedwon' });
    const second = await harness.adapter.changedDeals(first.cursor);
    expect(second.items.map((d) => [d.id, d.status])).toEqual([['9000003', 'won']]);
    const third = await harness.adapter.changedDeals(second.cursor);
    expect(third).toMatchObject({ items: [], done: true });
  });

  it('When the result cap is smaller than a page, then reads restart from the last timestamp and never get a 400', async () => {
    harness = await startHarness({ searchResultCap: 50 });
    const ids = addDeals(harness.sandbox.state, 450, (i) => BASE_MS + i * 1000);
    const { seen, pages } = await drainDeals(harness.adapter);
    expect(seen).toEqual(ids);
    expect(badRequests(harness)).toBe(0);
    expect(pages).toBeGreaterThanOrEqual(9);
  });

  it('When more records than the cap share one timestamp, then they are walked by hs_object_id, each once', async () => {
    harness = await startHarness({ searchResultCap: 50 });
    const tied = addDeals(harness.sandbox.state, 130, () => BASE_MS);
    const later = addDeals(harness.sandbox.state, 20, (i) => BASE_MS + 1000 + i);
    const { seen } = await drainDeals(harness.adapter);
    expect(seen).toEqual([...tied, ...later]);
    expect(badRequests(harness)).toBe(0);
  });

  it('When 10,050 records share one timestamp at HubSpot\'s real 10,000 cap, then all are read without a 400', async () => {
    harness = await startHarness();
    const tied = addDeals(harness.sandbox.state, 10_050, () => BASE_MS);
    harness.sandbox.state.stampModified('deals', tied, BASE_MS);
    const later = addDeals(harness.sandbox.state, 3, (i) => BASE_MS + 5 + i);
    const { seen } = await drainDeals(harness.adapter);
    expect(seen.length).toBe(10_053);
    expect(new Set(seen).size).toBe(10_053);
    expect(seen.slice(-3)).toEqual(later);
    expect(badRequests(harness)).toBe(0);
  }, 60_000);

  it('When records change between two pages, then none is skipped and the changed ones come again', async () => {
    let now = BASE_MS + 10_000_000;
    harness = await startHarness({ clock: () => now });
    const ids = addDeals(harness.sandbox.state, 450, (i) => BASE_MS + i * 1000);
    const first = await harness.adapter.changedDeals(null);
    expect(first.done).toBe(false);
    const edited = [ids[3], ids[100], ids[300], ids[420]].filter((id): id is string => id !== undefined);
    for (const id of edited) {
      now += 1000;
      harness.sandbox.state.edit('deals', id, { dealname: 'edited' });
    }
    const rest = await drainDeals(harness.adapter, first.cursor);
    const all = [...first.items.map((d) => d.id), ...rest.seen];
    expect(new Set(all)).toEqual(new Set(ids));
    expect(rest.seen.slice(-edited.length)).toEqual(edited);
  });

  it('When companies change, then partners and former partners come but never-partners do not', async () => {
    let now = BASE_MS + 86_400_000;
    harness = await startHarness({ seed: portalSeed({ partners: 2, dealsPerPartner: 0, others: 2 }), clock: () => now });
    const start = await harness.adapter.changedPartners(null);
    expect(start.items.map((p) => p.id)).toEqual(['1000001', '1000002']);
    harness.sandbox.state.edit('companies', '1000002', { pj_stage: 'recruit' });
    now += 1000;
    harness.sandbox.state.edit('companies', '1000002', { pj_partner_type: '' });
    now += 1000;
    harness.sandbox.state.edit('companies', '1000003', { name: 'Still a customer' });
    now += 1000;
    harness.sandbox.state.edit('companies', '1000001', { pj_certifications: '3' });
    const next = await harness.adapter.changedPartners(start.cursor);
    expect(next.items.map((p) => [p.id, p.type])).toEqual([
      ['1000002', null],
      ['1000001', 'technology'],
    ]);
    expect(routeCount(harness.sandbox, ROUTES.search)).toBe(2);
  });

  it('When the cursor was not written by this adapter, then it is refused naming the cursor', async () => {
    harness = await startHarness();
    await expect(harness.adapter.changedDeals('{"v":1,"ts":"soon"}')).rejects.toMatchObject({
      code: 'invalid_input',
      problems: expect.arrayContaining([expect.objectContaining({ field: 'cursor.ts' })]),
    });
  });
});
