import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors/app-error.ts';
import { backfill, portalSeed, ROUTES, routeCount, startHarness, type Harness } from './support.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('HubSpot adapter reads (real @hubspot/api-client against the sandbox)', () => {
  it('When asked for the tenant, then it answers hubspot:<portalId> from account-info and reads it once', async () => {
    harness = await startHarness({ portalId: 777_001 });
    expect(await harness.adapter.tenantId()).toBe('hubspot:777001');
    expect(await harness.adapter.tenantId()).toBe('hubspot:777001');
    expect(routeCount(harness.sandbox, ROUTES.account)).toBe(1);
  });

  it('When paging partners, then only companies with a partner type come, 200 per search, ordered by id', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 450, dealsPerPartner: 0, others: 300 }) });
    const pages: number[] = [];
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page = await harness.adapter.pagePartners(after);
      pages.push(page.items.length);
      ids.push(...page.items.map((p) => p.id));
      after = page.next;
    } while (after !== null);
    expect(pages).toEqual([200, 200, 50]);
    expect(ids).toEqual([...ids].sort((a, b) => Number(a) - Number(b)));
    expect(new Set(ids).size).toBe(450);
    expect(routeCount(harness.sandbox, ROUTES.search)).toBe(3);
  });

  it('When a partner is read, then its HubSpot strings become typed facts and outputs', async () => {
    harness = await startHarness();
    const company = harness.sandbox.state.create('companies', {
      name: 'Acme',
      pj_partner_type: 'channel',
      pj_partner_since: '2025-01-15',
      pj_certifications: '2',
      pj_joint_business_plan: 'true',
      notes_last_updated: '2026-05-31T09:30:00Z',
      pj_stage: 'activate',
      pj_health: 'at_risk',
      pj_stage_changed_at: '1767225600000',
      pj_won_revenue_12m: '12500.5',
      pj_won_deals_12m: '3',
      pj_next_action: 'Call the partner',
    });
    const [partner] = await harness.adapter.getPartners([company.id, '1999999']);
    expect(partner).toEqual({
      id: company.id,
      name: 'Acme',
      type: 'channel',
      joinedAt: '2025-01-15',
      certifications: 2,
      hasJointBusinessPlan: true,
      lastActivityAt: '2026-05-31T09:30:00.000Z',
      outputs: {
        stage: 'activate',
        suggestedStage: null,
        health: 'at_risk',
        stageChangedAt: '2026-01-01T00:00:00.000Z',
        stageChangedBy: null,
        nextAction: 'Call the partner',
        wonRevenue12m: 12500.5,
        wonDeals12m: 3,
      },
      modifiedAt: company.properties['hs_lastmodifieddate'],
    });
  });

  it('When a company value cannot be read, then the error names the record and the property', async () => {
    harness = await startHarness();
    harness.sandbox.state.declareProperty({ objectType: 'companies', name: 'pj_certifications', type: 'string', fieldType: 'text' });
    const company = harness.sandbox.state.create('companies', { name: 'Odd', pj_partner_type: 'technology', pj_certifications: 'two' });
    const error = await harness.adapter.getPartners([company.id]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).problems).toEqual([{ field: `company ${company.id}.properties.pj_certifications`, problem: '"two" is not a number' }]);
  });

  it('When deals of partners are read, then only "Partner"-labelled deals come, with status and dates mapped', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 3, dealsPerPartner: 5 }) });
    const deals = await harness.adapter.dealsOfPartners(['1000001', '1000002', '1000003']);
    expect(deals).toHaveLength(15);
    expect(deals.every((d) => !d.name.startsWith('Unlabeled'))).toBe(true);
    const open = deals.find((d) => d.status === 'open');
    const won = deals.find((d) => d.status === 'won');
    const lost = deals.find((d) => d.status === 'lost');
    expect(open?.closedAt).toBeNull();
    expect(won?.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(lost?.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(deals[0]).toMatchObject({ id: '9000001', partnerIds: ['1000001'], amount: 1000, deleted: false });
    expect(deals[0]?.registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('When a deal is shared by two asked partners, then it comes once listing both', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 2, dealsPerPartner: 1 }) });
    harness.sandbox.state.link('9000001', '1000002', { partner: true });
    const deals = await harness.adapter.dealsOfPartners(['1000001', '1000002']);
    expect(deals.filter((d) => d.id === '9000001')).toEqual([expect.objectContaining({ partnerIds: ['1000001', '1000002'] })]);
  });

  it('When a deal is also a partner deal of a company on a later page, then it lists that partner too', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 3, dealsPerPartner: 1 }) });
    harness.sandbox.state.link('9000001', '1000003', { partner: true });
    harness.sandbox.state.link('9000001', '1000002', { partner: false });
    const deals = await harness.adapter.dealsOfPartners(['1000001']);
    expect(deals.map((d) => [d.id, d.partnerIds])).toEqual([['9000001', ['1000001', '1000003']]]);
  });

  it('When a partner has more deals than one association page, then the per-input paging is followed', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 2, dealsPerPartner: 30 }), associationPageSize: 7 });
    const deals = await harness.adapter.dealsOfPartners(['1000001', '1000002']);
    expect(deals).toHaveLength(60);
    // Companies→deals: 31 associations each (30 labelled + 1 unlabeled) → 5 pages, both inputs in
    // the same requests; deals→companies: one page of 60 inputs.
    expect(routeCount(harness.sandbox, ROUTES.associations)).toBe(6);
  });

  it('When deals are read by id, then they carry every partner company and missing ids are left out', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 2, dealsPerPartner: 2 }) });
    harness.sandbox.state.link('9000001', '1000002', { partner: true });
    harness.sandbox.state.archive('deals', '9000002');
    const deals = await harness.adapter.getDeals(['9000001', '9000002', '9999999']);
    expect(deals.map((d) => [d.id, d.partnerIds])).toEqual([['9000001', ['1000001', '1000002']]]);
  });

  it('When a backfill reads 50 partners × 20 deals, then it uses the batch lower bound of requests', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 50, dealsPerPartner: 20, others: 100 }) });
    const { partners, deals } = await backfill(harness.adapter);
    expect(partners).toHaveLength(50);
    expect(deals).toHaveLength(1000);
    // 1 search + 2 label lookups + 1 companies→deals batch + 10 deals→companies and 10 deal batches of 100.
    expect(harness.sandbox.state.countRequests()).toBe(24);
    expect(harness.events.length).toBe(24);
  });

  it('When a change cursor is asked to start at an instant, then incremental reads begin there', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 2, dealsPerPartner: 3 }) });
    const since = harness.sandbox.state.record('deals', '9000004')?.properties['hs_lastmodifieddate'] ?? '';
    const page = await harness.adapter.changedDeals(harness.adapter.changeCursorSince(since));
    expect(page.items.every((d) => d.modifiedAt >= since)).toBe(true);
    expect(page.items.map((d) => d.id)).toContain('9000004');
    expect(page.items.length).toBeLessThan(8);
    expect(() => harness?.adapter.changeCursorSince('last week')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('When the Partner label is missing, then the adapter says to run setup', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    const error = await harness.adapter.dealsOfPartners(['1000001']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'misconfigured', message: expect.stringContaining('partner-journey setup --crm hubspot') });
  });

  it('When ids are not HubSpot ids, then the call is refused before any request', async () => {
    harness = await startHarness();
    await expect(harness.adapter.getDeals(['12', 'abc'])).rejects.toMatchObject({ code: 'invalid_input' });
    expect(harness.sandbox.state.countRequests()).toBe(0);
  });

  it('When no partner ids are given, then no request is made', async () => {
    harness = await startHarness();
    expect(await harness.adapter.dealsOfPartners([])).toEqual([]);
    expect(await harness.adapter.getDeals([])).toEqual([]);
    expect(harness.sandbox.state.countRequests()).toBe(0);
  });
});
