import { createHubspotAdapter, type HubspotAdapterOptions, type HubspotRequestEvent } from '../../server/crm/hubspot/hubspot-adapter.ts';
import type { CrmAdapter, CrmDeal, CrmPartner } from '../../server/crm/crm-adapter.ts';
import { startHubspotSandbox, type HubspotSandbox, type HubspotSandboxOptions, type SandboxSeed } from '../../server/sandbox/hubspot/index.ts';

/** Waits shortened by configuration so retry tests stay quick; the logic is the production one. */
export const QUICK_RETRY = { baseDelayMs: 2, maxDelayMs: 20, tenSecondlyWaitMs: 5, secondlyWaitMs: 5 } as const;
export const NO_LIMITS = { rateLimits: { general: false, search: false } } as const satisfies HubspotSandboxOptions;

export interface Harness {
  readonly sandbox: HubspotSandbox;
  readonly adapter: CrmAdapter;
  readonly events: HubspotRequestEvent[];
  close(): Promise<void>;
}

export async function startHarness(
  sandboxOptions: HubspotSandboxOptions = {},
  adapterOptions: Partial<HubspotAdapterOptions> = {},
): Promise<Harness> {
  const sandbox = await startHubspotSandbox({ ...NO_LIMITS, partnerJourneySchema: true, ...sandboxOptions });
  const events: HubspotRequestEvent[] = [];
  const adapter = createHubspotAdapter({
    accessToken: sandbox.token,
    baseUrl: sandbox.baseUrl,
    limits: { requests: 100_000, windowMs: 1_000, searches: 100_000, searchWindowMs: 1_000 },
    retry: QUICK_RETRY,
    onRequest: (event) => events.push(event),
    ...adapterOptions,
  });
  return { sandbox, adapter, events, close: () => sandbox.close() };
}

const DAY = 86_400_000;
export const BASE_MS = Date.UTC(2025, 0, 6, 12, 0, 0);
const TYPES = ['technology', 'channel', 'strategic'] as const;
const STAGES = ['appointmentscheduled', 'contractsent', 'closedwon', 'closedlost', 'closedwon'] as const;

/**
 * A deterministic portal: `partners` partner companies, `others` plain companies and
 * `dealsPerPartner` deals per partner, plus one deal linked without the "Partner" label each.
 */
export function portalSeed(options: { partners: number; dealsPerPartner: number; others?: number }): SandboxSeed {
  const companies: NonNullable<SandboxSeed['companies']>[number][] = [];
  const deals: NonNullable<SandboxSeed['deals']>[number][] = [];
  let companyId = 1_000_001;
  let dealId = 9_000_001;
  for (let p = 0; p < options.partners; p += 1) {
    const id = String(companyId++);
    companies.push({
      id,
      properties: {
        name: `Partner ${p}`,
        pj_partner_type: TYPES[p % 3] ?? 'channel',
        pj_partner_since: new Date(BASE_MS - (400 - (p % 300)) * DAY).toISOString().slice(0, 10),
        pj_certifications: String(p % 4),
        pj_joint_business_plan: p % 2 === 0 ? 'true' : 'false',
        notes_last_updated: new Date(BASE_MS - (p % 60) * DAY).toISOString(),
        createdate: new Date(BASE_MS - 500 * DAY).toISOString(),
        hs_lastmodifieddate: new Date(BASE_MS - 2 * DAY + p * 1000).toISOString(),
      },
    });
    for (let d = 0; d < options.dealsPerPartner; d += 1) {
      const stage = STAGES[(p + d) % STAGES.length] ?? 'closedwon';
      const created = BASE_MS - (300 - ((p * 7 + d * 13) % 290)) * DAY;
      deals.push({
        id: String(dealId++),
        properties: {
          dealname: `Deal ${p}-${d}`,
          amount: String(1000 + ((p * 31 + d * 17) % 50) * 500),
          dealstage: stage,
          createdate: new Date(created).toISOString(),
          closedate: new Date(created + 40 * DAY).toISOString(),
          hs_lastmodifieddate: new Date(created + 41 * DAY).toISOString(),
          ...(d % 3 === 0 ? { pj_registered_at: new Date(created + DAY).toISOString() } : {}),
        },
        partnerCompanyIds: [id],
      });
    }
    const unlabeled = new Date(BASE_MS - 200 * DAY).toISOString();
    deals.push({
      id: String(dealId++),
      properties: { dealname: `Unlabeled ${p}`, dealstage: 'closedwon', amount: '999', createdate: unlabeled, closedate: unlabeled, hs_lastmodifieddate: unlabeled },
      companyIds: [id],
    });
  }
  for (let o = 0; o < (options.others ?? 0); o += 1) {
    companies.push({ id: String(companyId++), properties: { name: `Customer ${o}` } });
  }
  return { companies, deals };
}

/** Every partner and every partner deal, page by page, as a backfill reads them. */
export async function backfill(adapter: CrmAdapter): Promise<{ partners: CrmPartner[]; deals: CrmDeal[] }> {
  const partners: CrmPartner[] = [];
  const deals: CrmDeal[] = [];
  let after: string | null = null;
  do {
    const page = await adapter.pagePartners(after);
    partners.push(...page.items);
    deals.push(...(await adapter.dealsOfPartners(page.items.map((p) => p.id))));
    after = page.next;
  } while (after !== null);
  return { partners, deals };
}

export function routeCount(sandbox: HubspotSandbox, route: string): number {
  return sandbox.state.countRequests(route);
}

export const ROUTES = {
  search: 'POST /crm/v3/objects/:type/search',
  batchRead: 'POST /crm/v3/objects/:type/batch/read',
  batchUpdate: 'POST /crm/v3/objects/:type/batch/update',
  patch: 'PATCH /crm/v3/objects/:type/:id',
  associations: 'POST /crm/v4/associations/:from/:to/batch/read',
  labels: 'GET /crm/v4/associations/:from/:to/labels',
  createLabel: 'POST /crm/v4/associations/:from/:to/labels',
  properties: 'GET /crm/v3/properties/:type',
  createProperty: 'POST /crm/v3/properties/:type',
  groups: 'GET /crm/v3/properties/:type/groups',
  createGroup: 'POST /crm/v3/properties/:type/groups',
  account: 'GET /account-info/v3/details',
} as const;
