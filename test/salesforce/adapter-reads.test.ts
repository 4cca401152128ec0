import { describe, expect, it } from 'vitest';
import type { CrmDeal, CrmPartner } from '../../server/crm/crm-adapter.ts';
import type { SalesforceCrmAdapter } from '../../server/crm/salesforce/salesforce-adapter.ts';
import type { SandboxSeed } from '../../server/sandbox/salesforce/seed.ts';
import { adapterFor, withSandbox } from './support/harness.ts';
import { buildSeed } from './support/seed.ts';

const facts: SandboxSeed = {
  partners: [
    { key: 'acme', name: 'Acme', type: 'channel', joinedAt: '2025-01-15', certifications: 2, hasJointBusinessPlan: true, lastActivityAt: '2026-06-01', stage: 'activate' },
    { key: 'globex', name: 'Globex', type: 'technology', joinedAt: null },
    { key: 'prospect', name: 'Prospect Co', type: null, joinedAt: null },
  ],
  deals: [
    { key: 'won', name: 'Won deal', partnerKey: 'acme', createdAt: '2025-03-01T10:00:00Z', closedAt: '2025-05-01', status: 'won', amount: 12_000, registeredAt: '2025-03-02T09:30:00Z' },
    { key: 'lost', name: 'Lost deal', partnerKey: 'acme', createdAt: '2025-04-01T10:00:00Z', closedAt: '2025-06-01', status: 'lost', amount: 5_000 },
    { key: 'open', name: 'Open deal', partnerKey: 'globex', createdAt: '2026-05-01T10:00:00Z', closedAt: null, status: 'open', amount: null },
    { key: 'direct', name: 'Direct deal', partnerKey: null, createdAt: '2026-01-01T00:00:00Z', closedAt: null, status: 'open', amount: 900 },
  ],
};

async function allPartners(adapter: SalesforceCrmAdapter): Promise<CrmPartner[]> {
  const partners: CrmPartner[] = [];
  let after: string | null = null;
  do {
    const page = await adapter.pagePartners(after);
    partners.push(...page.items);
    after = page.next;
  } while (after !== null);
  return partners;
}

describe('Salesforce backfill reads (real jsforce against the sandbox)', () => {
  it('When partners are paged, then only Accounts with a partner type come back, mapped per DESIGN.md §4', async () => {
    await withSandbox({ seed: facts }, async (sandbox) => {
      const partners = await allPartners(adapterFor(sandbox));
      expect(partners.map((p) => p.name)).toEqual(['Acme', 'Globex']);
      expect(partners[0]).toEqual({
        id: sandbox.state.idOf('acme'),
        name: 'Acme',
        type: 'channel',
        joinedAt: '2025-01-15',
        certifications: 2,
        hasJointBusinessPlan: true,
        lastActivityAt: '2026-06-01',
        outputs: { stage: 'activate', suggestedStage: null, health: null, stageChangedAt: null, stageChangedBy: null, nextAction: null, wonRevenue12m: null, wonDeals12m: null },
        modifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
      });
      expect(partners[1]).toMatchObject({ joinedAt: null, certifications: 0, hasJointBusinessPlan: false, lastActivityAt: null });
    });
  });

  it('When deals of partners are read, then status, dates, amount and the partner link follow the Opportunity fields', async () => {
    await withSandbox({ seed: facts }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      const deals = await adapter.dealsOfPartners([sandbox.state.idOf('acme'), sandbox.state.idOf('globex')]);
      const byName = new Map(deals.map((d) => [d.name, d]));
      expect([...byName.keys()].sort()).toEqual(['Lost deal', 'Open deal', 'Won deal']);
      expect(byName.get('Won deal')).toEqual({
        id: sandbox.state.idOf('won'),
        name: 'Won deal',
        partnerIds: [sandbox.state.idOf('acme')],
        createdAt: '2025-03-01T10:00:00.000Z',
        closedAt: '2025-05-01',
        status: 'won',
        amount: 12_000,
        registeredAt: '2025-03-02T09:30:00.000Z',
        modifiedAt: expect.any(String),
        deleted: false,
      } satisfies CrmDeal);
      expect(byName.get('Lost deal')).toMatchObject({ status: 'lost', closedAt: '2025-06-01', registeredAt: null });
      expect(byName.get('Open deal')).toMatchObject({ status: 'open', closedAt: null, amount: null, partnerIds: [sandbox.state.idOf('globex')] });
    });
  });

  it('When the org has PartnerAccountId (PRM), then the deal partner is read from it', async () => {
    await withSandbox({ seed: facts, org: { partnerAccountField: true } }, async (sandbox) => {
      expect(sandbox.state.record('Opportunity', sandbox.state.idOf('won'))).toMatchObject({ PartnerAccountId: sandbox.state.idOf('acme'), PJ_Partner_Account__c: null });
      const deals = await adapterFor(sandbox).dealsOfPartners([sandbox.state.idOf('acme')]);
      expect(deals.map((d) => d.partnerIds)).toEqual([[sandbox.state.idOf('acme')], [sandbox.state.idOf('acme')]]);
    });
  });

  it('When a backfill covers thousands of deals, then it reads them in 2,000-record batches through nextRecordsUrl, never one call per record', async () => {
    const seed = buildSeed({ partners: 650, deals: 12_500 });
    await withSandbox({ seed }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      const partners = await allPartners(adapter);
      expect(partners).toHaveLength(650);
      const deals = await adapter.dealsOfPartners(partners.map((p) => p.id));
      expect(deals).toHaveLength(12_500);
      expect(new Set(deals.map((d) => d.id)).size).toBe(12_500);
      const counts = sandbox.state.endpointCounts();
      expect(counts['GET query/locator']).toBeGreaterThan(0);
      expect(adapter.apiCalls()).toBeLessThan(20);
    });
  });

  it('When records are read by id, then they come from collection retrieves and missing or malformed ids are left out', async () => {
    await withSandbox({ seed: facts }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      sandbox.state.remove('Opportunity', sandbox.state.idOf('lost'));
      const partners = await adapter.getPartners([sandbox.state.idOf('globex'), '001000000000000AAA', 'nonsense']);
      expect(partners.map((p) => p.name)).toEqual(['Globex']);
      const deals = await adapter.getDeals([sandbox.state.idOf('won'), sandbox.state.idOf('lost'), sandbox.state.idOf('direct')]);
      expect(deals.map((d) => [d.name, d.partnerIds.length])).toEqual([
        ['Won deal', 1],
        ['Direct deal', 0],
      ]);
      expect(sandbox.state.endpointCounts()['POST composite/sobjects/retrieve']).toBe(2);
    });
  });

  it('When our fields are not deployed, then reads fail as misconfigured and point to the setup check', async () => {
    await withSandbox({ seed: { partners: [], deals: [] }, org: { partnerJourneyFields: false } }, async (sandbox) => {
      const error = await adapterFor(sandbox).pagePartners(null).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'misconfigured', message: expect.stringMatching(/setup --crm salesforce/) });
    });
  });
});
