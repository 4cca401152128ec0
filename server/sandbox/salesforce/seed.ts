import type { DealStatus, PartnerType, StageId } from '../../../shared/journey/stages.ts';
import { findField } from './org-schema.ts';
import type { OrgStore } from './org-store.ts';
import { formatDatetime } from './write-validation.ts';

/** Vendor-neutral seed input: partners and their deals, keyed by the caller's own ids. */
export interface SeedPartner {
  readonly key: string;
  readonly name: string;
  readonly type: PartnerType | null;
  readonly joinedAt: string | null;
  readonly certifications?: number;
  readonly hasJointBusinessPlan?: boolean;
  readonly lastActivityAt?: string | null;
  readonly stage?: StageId | null;
}

export interface SeedDeal {
  readonly key: string;
  readonly name: string;
  readonly partnerKey: string | null;
  readonly createdAt: string;
  /** The close date for won/lost deals; open deals get an expected close 60 days after creation. */
  readonly closedAt: string | null;
  readonly status: DealStatus;
  readonly amount: number | null;
  readonly registeredAt?: string | null;
}

export interface SandboxSeed {
  readonly partners: readonly SeedPartner[];
  readonly deals: readonly SeedDeal[];
  /** Customer accounts the deals are sold to (default 10). */
  readonly customers?: number;
}

const STAGE_FOR_STATUS: Readonly<Record<DealStatus, string>> = { open: 'Prospecting', won: 'Closed Won', lost: 'Closed Lost' };

/** Loads the seed into the org and returns each seed key's record id. */
export function loadSeed(store: OrgStore, seed: SandboxSeed, userId: string): Map<string, string> {
  const ids = new Map<string, string>();
  const account = store.schemaOf('Account');
  const opportunity = store.schemaOf('Opportunity');
  if (!account || !opportunity) throw new Error('the sandbox org needs Account and Opportunity');
  const has = (name: string) => findField(account, name) !== undefined;
  for (const p of seed.partners) {
    const values: Record<string, string | number | boolean | null> = { Name: p.name, Type: p.type === null ? 'Customer' : 'Partner' };
    if (p.lastActivityAt) values.LastActivityDate = p.lastActivityAt.slice(0, 10);
    if (has('PJ_Partner_Type__c')) {
      Object.assign(values, {
        PJ_Partner_Type__c: p.type,
        PJ_Partner_Since__c: p.joinedAt ? p.joinedAt.slice(0, 10) : null,
        PJ_Certifications__c: p.certifications ?? 0,
        PJ_Joint_Business_Plan__c: p.hasJointBusinessPlan ?? false,
        PJ_Stage__c: p.stage ?? null,
      });
    }
    ids.set(p.key, store.insertRaw('Account', values, userId));
  }
  const customers: string[] = [];
  for (let i = 1; i <= (seed.customers ?? 10); i += 1) {
    customers.push(store.insertRaw('Account', { Name: `Customer ${i}`, Type: 'Customer' }, userId));
  }
  const partnerField = findField(opportunity, 'PartnerAccountId') ? 'PartnerAccountId' : findField(opportunity, 'PJ_Partner_Account__c') ? 'PJ_Partner_Account__c' : null;
  seed.deals.forEach((d, index) => {
    const created = Date.parse(d.createdAt);
    const closeDate = d.closedAt ? d.closedAt.slice(0, 10) : new Date(created + 60 * 86_400_000).toISOString().slice(0, 10);
    const values: Record<string, string | number | boolean | null> = {
      Name: d.name,
      AccountId: customers.length > 0 ? (customers[index % customers.length] as string) : null,
      StageName: STAGE_FOR_STATUS[d.status],
      Amount: d.amount,
      CloseDate: closeDate,
      CreatedDate: formatDatetime(created),
    };
    if (findField(opportunity, 'PJ_Registered_At__c')) values.PJ_Registered_At__c = d.registeredAt ? formatDatetime(Date.parse(d.registeredAt)) : null;
    if (partnerField && d.partnerKey !== null) {
      const partnerId = ids.get(d.partnerKey);
      if (!partnerId) throw new Error(`deal ${d.key} names unknown partner ${d.partnerKey}`);
      values[partnerField] = partnerId;
    }
    ids.set(d.key, store.insertRaw('Opportunity', values, userId));
  });
  return ids;
}
