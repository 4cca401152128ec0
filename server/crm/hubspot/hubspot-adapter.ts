import { z } from 'zod';
import { parseIsoDate } from '../../../shared/time/iso-date.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CrmAdapter, CrmDeal, CrmPartner, Page } from '../crm-adapter.ts';
import { parseAdapterOptions, type HubspotAdapterOptions } from './adapter-options.ts';
import { createHubspotApis } from './hubspot-client.ts';
import { encodeCursor } from './incremental-cursor.ts';
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
     * Deals carrying the "Partner" label to one of these partners, each with all of its partner
     * companies: the sync stores a deal's partner list whole, and a deal shared with a partner on
     * another backfill page must not lose it. Companies→deals finds the deals (100 partners per
     * request), deals→companies completes their partners and the batch read fetches them, both
     * 100 deals per request and side by side.
     */
    async dealsOfPartners(partnerIds) {
      checkIds(partnerIds, 'partnerIds');
      const byCompany = await links.read('companies', 'deals', partnerIds);
      const dealIds = [...new Set([...byCompany.values()].flat())];
      const [partnersOfDeal, raw] = await Promise.all([links.read('deals', 'companies', dealIds), reader.read('deals', dealIds, DEAL_READ_PROPERTIES)]);
      return parseDeals(raw, partnersOfDeal).sort(byNumericId);
    },

    changeCursorSince(since) {
      const parsed = parseIsoDate(since);
      if (!parsed) {
        throw new AppError('invalid_input', 'A change cursor needs an ISO-8601 date-time', { problems: [{ field: 'since', problem: `"${since}" is not an ISO-8601 date-time` }] });
      }
      return encodeCursor({ ts: Math.max(0, parsed.ms), anchor: null, tie: false });
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
