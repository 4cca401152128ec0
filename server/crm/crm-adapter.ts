import type { DealStatus, HealthId, PartnerType, StageId } from '../../shared/journey/stages.ts';

/**
 * The port between the journey service and a CRM. One adapter per CRM lives in its own folder
 * (`hubspot/`, `salesforce/`); nothing outside that folder sees a vendor SDK type. Adapters
 * return these vendor-neutral records, already parsed (zod) from what the CRM sent, and throw
 * only `AppError` (codes `rate_limited`, `crm_unavailable`, `unauthorized`, `misconfigured`, …).
 */
export type CrmKind = 'hubspot' | 'salesforce';

/** Our output fields as the CRM holds them (DESIGN.md §4: the sync owns these, people share `stage`). */
export interface PartnerOutputs {
  readonly stage: StageId | null;
  readonly suggestedStage: StageId | null;
  readonly health: HealthId | null;
  readonly stageChangedAt: string | null;
  readonly stageChangedBy: string | null;
  readonly nextAction: string | null;
  readonly wonRevenue12m: number | null;
  readonly wonDeals12m: number | null;
}

export const OUTPUT_FIELDS = [
  'stage',
  'suggestedStage',
  'health',
  'stageChangedAt',
  'stageChangedBy',
  'nextAction',
  'wonRevenue12m',
  'wonDeals12m',
] as const satisfies readonly (keyof PartnerOutputs)[];

/** A company / Account as the journey sees it. `type: null` means it is not (or no longer) a partner. */
export interface CrmPartner {
  readonly id: string;
  readonly name: string;
  readonly type: PartnerType | null;
  /** ISO date from the partner-since field; null when people left it empty. */
  readonly joinedAt: string | null;
  readonly certifications: number;
  readonly hasJointBusinessPlan: boolean;
  readonly lastActivityAt: string | null;
  readonly outputs: PartnerOutputs;
  /** ISO date-time of the record's last modification in the CRM (hs_lastmodifieddate / SystemModstamp). */
  readonly modifiedAt: string;
}

/** A deal / Opportunity with the partner(s) it is linked to. */
export interface CrmDeal {
  readonly id: string;
  readonly name: string;
  readonly partnerIds: readonly string[];
  readonly createdAt: string;
  readonly closedAt: string | null;
  readonly status: DealStatus;
  readonly amount: number | null;
  readonly registeredAt: string | null;
  readonly modifiedAt: string;
  /** True when the CRM reports the deal deleted (Salesforce IsDeleted, HubSpot archived). */
  readonly deleted: boolean;
}

/** One page of a backfill (`next` null on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** One page of changes since a cursor; `cursor` is opaque and is saved only after the page is processed. */
export interface ChangePage<T> {
  readonly items: readonly T[];
  readonly cursor: string;
  readonly done: boolean;
}

export interface OutputUpdate {
  readonly partnerId: string;
  /** Only the fields that change. */
  readonly outputs: Partial<PartnerOutputs>;
}

export interface WriteFailure {
  readonly partnerId: string;
  readonly code: string;
  readonly message: string;
}

export interface WriteReport {
  readonly written: readonly string[];
  readonly failed: readonly WriteFailure[];
  /** API requests the write used (for reports and benchmarks). */
  readonly requests: number;
}

export interface SetupReport {
  readonly created: readonly string[];
  readonly unchanged: readonly string[];
  /** Problems a person must fix (a field of ours with another type, a missing permission…). */
  readonly problems: readonly string[];
}

export interface CrmAdapter {
  readonly kind: CrmKind;
  /** The tenant every stored row carries: `hubspot:<portalId>` or `salesforce:<orgId>`. */
  tenantId(): Promise<string>;

  /** Backfill: every partner, page by page. */
  pagePartners(after: string | null): Promise<Page<CrmPartner>>;
  /** Backfill: every deal linked to one of these partners (batched reads, never one call per record). */
  dealsOfPartners(partnerIds: readonly string[]): Promise<readonly CrmDeal[]>;

  /** A change cursor starting at `since` (ISO date-time): where incremental sync picks up after a backfill. */
  changeCursorSince(since: string): string;
  /** Incremental: partners (and former partners) changed since the cursor, oldest first. */
  changedPartners(cursor: string | null): Promise<ChangePage<CrmPartner>>;
  /** Incremental: deals changed since the cursor, oldest first, with their partner links. */
  changedDeals(cursor: string | null): Promise<ChangePage<CrmDeal>>;

  /** Reads these partners now (batched). Missing ids are left out. */
  getPartners(ids: readonly string[]): Promise<readonly CrmPartner[]>;
  /** Reads these deals now (batched). Missing ids are left out. */
  getDeals(ids: readonly string[]): Promise<readonly CrmDeal[]>;

  /** Writes only our output fields, in the CRM's batch size; per-record failures are reported, not thrown. */
  writePartnerOutputs(updates: readonly OutputUpdate[]): Promise<WriteReport>;

  /** `setup`: creates or checks our fields in the CRM. */
  setup(): Promise<SetupReport>;
}
