import { afterEach, describe, expect, it } from 'vitest';
import type { OutputUpdate } from '../../server/crm/crm-adapter.ts';
import { BASE_MS, portalSeed, ROUTES, routeCount, startHarness, type Harness } from './support.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const company = (h: Harness, id: string) => h.sandbox.state.record('companies', id)?.properties ?? {};

describe('HubSpot write-back of partner outputs', () => {
  it('When outputs are written, then only the given fields change and hs_lastmodifieddate moves', async () => {
    let now = BASE_MS + 86_400_000;
    harness = await startHarness({ seed: portalSeed({ partners: 1, dealsPerPartner: 0 }), clock: () => now });
    harness.sandbox.state.edit('companies', '1000001', { pj_next_action: 'keep me', pj_health: 'healthy' });
    now += 5000;
    const report = await harness.adapter.writePartnerOutputs([
      { partnerId: '1000001', outputs: { stage: 'activate', stageChangedAt: '2026-06-30T10:00:00Z', wonRevenue12m: 30500, health: null } },
    ]);
    expect(report).toEqual({ written: ['1000001'], failed: [], requests: 1 });
    expect(company(harness, '1000001')).toMatchObject({
      pj_stage: 'activate',
      pj_stage_changed_at: '2026-06-30T10:00:00.000Z',
      pj_won_revenue_12m: '30500',
      pj_health: '',
      pj_next_action: 'keep me',
      pj_partner_type: 'technology',
      hs_lastmodifieddate: new Date(now).toISOString(),
    });
  });

  it('When 250 partners get outputs, then they go in batches of 100', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 250, dealsPerPartner: 0 }) });
    const updates: OutputUpdate[] = Array.from({ length: 250 }, (_, i) => ({ partnerId: String(1_000_001 + i), outputs: { suggestedStage: 'recruit', wonDeals12m: i } }));
    const report = await harness.adapter.writePartnerOutputs(updates);
    expect(report.written).toHaveLength(250);
    expect(report.requests).toBe(3);
    expect(routeCount(harness.sandbox, ROUTES.batchUpdate)).toBe(3);
    expect(company(harness, '1000250')['pj_won_deals_12m']).toBe('249');
  });

  it('When a batch answers 207 for one record, then that record is retried alone once and written', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 3, dealsPerPartner: 0 }) });
    harness.sandbox.state.failWrites('companies', '1000002', 1);
    const report = await harness.adapter.writePartnerOutputs(['1000001', '1000002', '1000003'].map((partnerId) => ({ partnerId, outputs: { stage: 'recruit' } })));
    expect(report).toEqual({ written: ['1000001', '1000002', '1000003'], failed: [], requests: 2 });
    expect(harness.sandbox.state.requests.map((r) => `${r.route} ${r.status}`)).toEqual([`${ROUTES.batchUpdate} 207`, `${ROUTES.patch} 200`]);
    expect(company(harness, '1000002')['pj_stage']).toBe('recruit');
  });

  it('When a record keeps failing or is gone, then it is reported and the others are written', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 3, dealsPerPartner: 0 }) });
    harness.sandbox.state.failWrites('companies', '1000002', 2);
    harness.sandbox.state.archive('companies', '1000003');
    const report = await harness.adapter.writePartnerOutputs(['1000001', '1000002', '1000003'].map((partnerId) => ({ partnerId, outputs: { stage: 'recruit' } })));
    expect(report.written).toEqual(['1000001']);
    expect(report.failed).toEqual([
      { partnerId: '1000002', code: 'conflict', message: expect.stringContaining('HTTP 409') },
      { partnerId: '1000003', code: 'not_found', message: expect.stringContaining('HTTP 404') },
    ]);
    expect(report.requests).toBe(3);
  });

  it('When HubSpot refuses a whole batch for one bad value, then the rest is still written one by one', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 2, dealsPerPartner: 0 }) });
    harness.sandbox.state.declareProperty({ objectType: 'companies', name: 'pj_stage', type: 'enumeration', fieldType: 'select', options: [{ value: 'recruit', label: { en: 'R', 'pt-BR': 'R' } }] });
    const report = await harness.adapter.writePartnerOutputs([
      { partnerId: '1000001', outputs: { stage: 'recruit' } },
      { partnerId: '1000002', outputs: { stage: 'mature' } },
    ]);
    expect(report.written).toEqual(['1000001']);
    expect(report.failed).toEqual([{ partnerId: '1000002', code: 'misconfigured', message: expect.stringContaining('mature was not one of the allowed options') }]);
  });

  it('When a batch update meets a 503, then it is retried (it is idempotent) and written once', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 1, dealsPerPartner: 0 }) });
    harness.sandbox.state.enqueueFault({ route: ROUTES.batchUpdate, status: 503 });
    const report = await harness.adapter.writePartnerOutputs([{ partnerId: '1000001', outputs: { nextAction: 'Plan the quarter' } }]);
    expect(report).toEqual({ written: ['1000001'], failed: [], requests: 2 });
  });

  it('When an update cannot be expressed for HubSpot, then it is reported without a request', async () => {
    harness = await startHarness();
    const report = await harness.adapter.writePartnerOutputs([
      { partnerId: 'acme', outputs: { stage: 'recruit' } },
      { partnerId: '1000001', outputs: { stageChangedAt: 'yesterday' } },
    ]);
    expect(report.failed.map((f) => [f.partnerId, f.code])).toEqual([
      ['acme', 'invalid_input'],
      ['1000001', 'invalid_input'],
    ]);
    expect(report.requests).toBe(0);
  });

  it('When an update carries no field, then nothing is sent and the partner counts as in sync', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 1, dealsPerPartner: 0 }) });
    const before = company(harness, '1000001')['hs_lastmodifieddate'];
    const report = await harness.adapter.writePartnerOutputs([{ partnerId: '1000001', outputs: {} }]);
    expect(report).toEqual({ written: ['1000001'], failed: [], requests: 0 });
    expect(company(harness, '1000001')['hs_lastmodifieddate']).toBe(before);
  });
});
