import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../../errors/app-error.ts';
import type { ChangePage, CrmAdapter, CrmDeal, CrmPartner, OutputUpdate, Page, SetupReport, WriteReport } from '../crm-adapter.ts';
import { decodeMark, encodeMark, markAfter, markAt, sinceMark } from './change-cursor.ts';
import { writeOutputs, type LockRetryPolicy } from './output-writer.ts';
import { ACCOUNT_QUERY_FIELDS } from './partner-journey-fields.ts';
import { toCrmDeal, toCrmPartner } from './record-mappers.ts';
import { changedAccountsQuery, changedOpportunitiesQuery, dealsOfPartnersQuery, opportunityFields, partnersPageQuery, type PartnerField } from './record-queries.ts';
import { SalesforceClient, type ApiUsage } from './salesforce-client.ts';
import type { SalesforceConnectionConfig } from './salesforce-config.ts';
import { checkSetup, parseDescribe, partnerFieldOf } from './setup-check.ts';

export interface SalesforceAdapterOptions {
  readonly connection: SalesforceConnectionConfig;
  /** Share of the org's daily API allocation past which the adapter stops (default 0.5). */
  readonly apiBudgetShare?: number;
  /** Records per backfill or change page (default 2,000: one Salesforce batch). */
  readonly pageSize?: number;
  /** How far back an incremental read re-reads after catching up (default 5 minutes). */
  readonly overlapMs?: number;
  /** The wait suggested after REQUEST_LIMIT_EXCEEDED or the budget stop (default 15 minutes). */
  readonly rateLimitBackoffMs?: number;
  readonly lockRetry?: Partial<LockRetryPolicy>;
  readonly clock?: () => number;
}

/** The port plus what benchmarks and operators read: calls made and the org's usage. */
export interface SalesforceCrmAdapter extends CrmAdapter {
  apiCalls(): number;
  apiUsage(): ApiUsage | null;
}

/** Partner ids per IN list: keeps the query URI well under Salesforce's 16,384-byte limit. */
const PARTNERS_PER_QUERY = 300;
/** Deals per keyset page of a partner chunk (several 2,000-record batches through autoFetch). */
const DEALS_PER_PAGE = 10_000;
/** Collection retrieve accepts at most 2,000 ids. */
const RETRIEVE_SIZE = 2_000;

const ID = /^[a-zA-Z0-9]{18}$/;

export function createSalesforceAdapter(options: SalesforceAdapterOptions): SalesforceCrmAdapter {
  const pageSize = options.pageSize ?? 2_000;
  const overlapMs = options.overlapMs ?? 5 * 60_000;
  const client = new SalesforceClient({
    connection: options.connection,
    apiBudgetShare: options.apiBudgetShare ?? 0.5,
    policy: { rateLimitBackoffMs: options.rateLimitBackoffMs ?? 15 * 60_000 },
    clock: options.clock ?? Date.now,
  });
  const lockPolicy: LockRetryPolicy = {
    attempts: options.lockRetry?.attempts ?? 3,
    baseDelayMs: options.lockRetry?.baseDelayMs ?? 250,
    sleep: options.lockRetry?.sleep ?? ((ms) => delay(ms)),
    random: options.lockRetry?.random ?? Math.random,
  };
  let partnerField: Promise<PartnerField> | null = null;
  const dealPartnerField = (): Promise<PartnerField> => {
    partnerField ??= client.describe('Opportunity').then((raw) => {
      const field = partnerFieldOf(parseDescribe(raw));
      if (field === null) {
        throw new AppError('misconfigured', 'Opportunity has neither PartnerAccountId nor PJ_Partner_Account__c; run "partner-journey setup --crm salesforce"');
      }
      return field;
    });
    partnerField.catch(() => {
      partnerField = null;
    });
    return partnerField;
  };

  return {
    kind: 'salesforce',
    apiCalls: () => client.apiCalls(),
    apiUsage: () => client.apiUsage(),

    async tenantId(): Promise<string> {
      return `salesforce:${await client.orgId()}`;
    },

    async pagePartners(after: string | null): Promise<Page<CrmPartner>> {
      if (after !== null && !ID.test(after)) throw new AppError('invalid_input', 'the partner page token is not a Salesforce id');
      const records = await client.query(partnersPageQuery(after, pageSize), { maxRecords: pageSize }, 'read partner Accounts');
      const items = records.map(toCrmPartner);
      return { items, next: items.length === pageSize ? (items.at(-1)?.id ?? null) : null };
    },

    async dealsOfPartners(partnerIds: readonly string[]): Promise<readonly CrmDeal[]> {
      const ids = validIds(partnerIds);
      if (ids.length === 0) return [];
      const field = await dealPartnerField();
      const deals: CrmDeal[] = [];
      for (let start = 0; start < ids.length; start += PARTNERS_PER_QUERY) {
        const chunk = ids.slice(start, start + PARTNERS_PER_QUERY);
        let after: string | null = null;
        for (;;) {
          const records = await client.query(dealsOfPartnersQuery(field, chunk, after, DEALS_PER_PAGE), { maxRecords: DEALS_PER_PAGE }, 'read partner Opportunities');
          const page = records.map((r) => toCrmDeal(r, field));
          deals.push(...page);
          if (page.length < DEALS_PER_PAGE) break;
          after = page.at(-1)?.id ?? null;
        }
      }
      return deals;
    },

    changeCursorSince(since: string): string {
      const ms = Date.parse(since);
      if (Number.isNaN(ms)) throw new AppError('invalid_input', `a change cursor needs an ISO-8601 date-time (got "${since}")`);
      return encodeMark(markAt(ms));
    },

    async changedPartners(cursor: string | null): Promise<ChangePage<CrmPartner>> {
      const mark = decodeMark(cursor);
      const records = await client.query(changedAccountsQuery(sinceMark(mark, overlapMs), pageSize), { maxRecords: pageSize, includeDeleted: true }, 'read changed Accounts');
      const items = records.map(toCrmPartner);
      const full = items.length === pageSize;
      return { items, cursor: encodeMark(markAfter(mark, items.at(-1), full)), done: !full };
    },

    async changedDeals(cursor: string | null): Promise<ChangePage<CrmDeal>> {
      const mark = decodeMark(cursor);
      const field = await dealPartnerField();
      const records = await client.query(changedOpportunitiesQuery(field, sinceMark(mark, overlapMs), pageSize), { maxRecords: pageSize, includeDeleted: true }, 'read changed Opportunities');
      const items = records.map((r) => toCrmDeal(r, field));
      const full = items.length === pageSize;
      return { items, cursor: encodeMark(markAfter(mark, items.at(-1), full)), done: !full };
    },

    async getPartners(ids: readonly string[]): Promise<readonly CrmPartner[]> {
      const records = await retrieveAll(client, 'Account', validIds(ids), ACCOUNT_QUERY_FIELDS);
      return records.map(toCrmPartner);
    },

    async getDeals(ids: readonly string[]): Promise<readonly CrmDeal[]> {
      const wanted = validIds(ids);
      if (wanted.length === 0) return [];
      const field = await dealPartnerField();
      const records = await retrieveAll(client, 'Opportunity', wanted, opportunityFields(field));
      return records.map((r) => toCrmDeal(r, field));
    },

    async writePartnerOutputs(updates: readonly OutputUpdate[]): Promise<WriteReport> {
      return writeOutputs(client, updates, lockPolicy);
    },

    async setup(): Promise<SetupReport> {
      const [account, opportunity] = await Promise.all([client.describe('Account'), client.describe('Opportunity')]);
      return checkSetup(parseDescribe(account), parseDescribe(opportunity));
    },
  };
}

/**
 * The Canvas flow writes as the viewing user: an adapter over that user's OAuth token, so
 * Salesforce's own permissions and field history apply. It cannot refresh the token.
 */
export function connectAsSalesforceUser(user: { readonly instanceUrl: string; readonly accessToken: string; readonly orgId: string }, options: Omit<SalesforceAdapterOptions, 'connection'> = {}): SalesforceCrmAdapter {
  return createSalesforceAdapter({
    ...options,
    connection: { loginUrl: user.instanceUrl, instanceUrl: user.instanceUrl, auth: { kind: 'access_token', accessToken: user.accessToken, orgId: user.orgId } },
  });
}

function validIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => ID.test(id)))];
}

async function retrieveAll(client: SalesforceClient, sobject: string, ids: readonly string[], fields: readonly string[]): Promise<unknown[]> {
  const found: unknown[] = [];
  for (let start = 0; start < ids.length; start += RETRIEVE_SIZE) {
    const records = await client.retrieve(sobject, ids.slice(start, start + RETRIEVE_SIZE), fields, `read ${sobject} records`);
    found.push(...records.filter((r) => r !== null));
  }
  return found;
}
