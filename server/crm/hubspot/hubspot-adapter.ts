import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { CrmAdapter, CrmDeal, CrmPartner, Page } from '../crm-adapter.ts';
import { parseAdapterOptions, type HubspotAdapterOptions } from './adapter-options.ts';
import { createHubspotApis } from './hubspot-client.ts';
import { readChanges } from './incremental-reader.ts';
import { ObjectReader, SEARCH_PAGE, type SearchFilter } from './object-reader.ts';
import { PartnerLinks } from './partner-links.ts';
import { parseCompanies, parseDeals } from './record-parsers.ts';
import {
  COMPANY_READ_PROPERTIES,
  DEAL_READ_PROPERTIES,
  FORMER_PARTNER_MARKER,
  ID_PROPERTY,
  PARTNER_TYPE_PROPERTY,
} from './record-properties.ts';
import { RequestRunner } from './request-runner.ts';
import { runSetup } from './setup.ts';
import { writeOutputs } from './write-back.ts';

export type { HubspotAdapterOptions, HubspotRequestEvent } from './adapter-options.ts';

const accountSchema = z.object({ portalId: z.number().int().positive() }).loose();
const ID = /^\d+$/;

function checkIds(ids: readonly string[], what: string): void {
  const bad = ids.filter((id) => !ID.test(id));
  if (bad.length > 0) {
    throw new AppError('invalid_input', `${what} must be numeric HubSpot ids`, { problems: bad.map((id) => ({ field: what, problem: `"${id}" is not a HubSpot id` })) });
  }
}

const byNumericId = <T extends { readonly id: string }>(a: T, b: T) => Number(a.id) - Number(b.id);

function invert(links: ReadonlyMap<string, readonly string[]>, order: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const from of order) {
    for (const to of links.get(from) ?? []) {
      const list = out.get(to) ?? [];
      if (!list.includes(from)) list.push(from);
      out.set(to, list);
    }
  }
  return out;
}

/**
 * The HubSpot side of the CrmAdapter port, on @hubspot/api-client. Nothing of the SDK leaves
 * this folder. Backfill asks for partners with one search per 200 (pj_partner_type HAS_PROPERTY)
 * rather than paging every company at 100 per request: a portal has many more companies than
 * partners, and the search never pages past the 10,000 cap because it walks hs_object_id.
 */
export function createHubspotAdapter(options: HubspotAdapterOptions): CrmAdapter {
  const config = parseAdapterOptions(options);
  const apis = createHubspotApis(config);
  const runner = new RequestRunner(config, options.onRequest);
  const reader = new ObjectReader(apis, runner, config.concurrency);
  const links = new PartnerLinks(apis, runner, config.concurrency);
  let tenant: Promise<string> | undefined;

  const partnerFilters: readonly SearchFilter[] = [{ propertyName: PARTNER_TYPE_PROPERTY, operator: 'HAS_PROPERTY' }];

  async function withPartnerIds(deals: CrmDeal[]): Promise<CrmDeal[]> {
    const partners = await links.read('deals', 'companies', deals.map((d) => d.id));
    return deals.map((deal) => ({ ...deal, partnerIds: partners.get(deal.id) ?? [] }));
  }

  return {
    kind: 'hubspot',

    tenantId() {
      tenant ??= runner
        .run('read the account details', 'general', () => apis.accountDetails())
        .then((raw) => `hubspot:${accountSchema.parse(raw).portalId}`);
      tenant.catch(() => {
        tenant = undefined;
      });
      return tenant;
    },

    async pagePartners(after): Promise<Page<CrmPartner>> {
      if (after !== null) checkIds([after], 'after');
      const filters = [...partnerFilters, ...(after === null ? [] : [{ propertyName: ID_PROPERTY, operator: 'GT' as const, value: after }])];
      const { total, results } = await reader.search('companies', { filterGroups: [filters], sortBy: ID_PROPERTY, properties: COMPANY_READ_PROPERTIES, limit: SEARCH_PAGE });
      const items = parseCompanies(results).sort(byNumericId);
      const last = items[items.length - 1];
      return { items, next: total > results.length && last ? last.id : null };
    },

    /**
     * Deals carrying the "Partner" label to one of these partners. `partnerIds` lists only the
     * partners asked about: a backfill sees every partner page by page, and reading each deal's
     * other companies too would double its requests. getDeals and changedDeals list them all.
     */
    async dealsOfPartners(partnerIds) {
      checkIds(partnerIds, 'partnerIds');
      const byCompany = await links.read('companies', 'deals', partnerIds);
      const partnersOfDeal = invert(byCompany, partnerIds);
      const raw = await reader.read('deals', [...partnersOfDeal.keys()], DEAL_READ_PROPERTIES);
      return parseDeals(raw, partnersOfDeal).sort(byNumericId);
    },

    changedPartners(cursor) {
      return readChanges(
        reader,
        {
          type: 'companies',
          properties: COMPANY_READ_PROPERTIES,
          membership: [...partnerFilters, { propertyName: FORMER_PARTNER_MARKER, operator: 'HAS_PROPERTY' }],
          parse: parseCompanies,
        },
        cursor,
      );
    },

    changedDeals(cursor) {
      return readChanges(
        reader,
        { type: 'deals', properties: DEAL_READ_PROPERTIES, membership: null, parse: (raw) => parseDeals(raw, new Map()), enrich: withPartnerIds },
        cursor,
      );
    },

    async getPartners(ids) {
      checkIds(ids, 'ids');
      return parseCompanies(await reader.read('companies', ids, COMPANY_READ_PROPERTIES)).sort(byNumericId);
    },

    async getDeals(ids) {
      checkIds(ids, 'ids');
      const deals = parseDeals(await reader.read('deals', ids, DEAL_READ_PROPERTIES), new Map());
      return (await withPartnerIds(deals)).sort(byNumericId);
    },

    writePartnerOutputs(updates) {
      return writeOutputs(apis, runner, config.concurrency, updates);
    },

    setup() {
      return runSetup(apis, runner, config.locale);
    },
  };
}
