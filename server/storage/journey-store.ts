import type { DealStatus, HealthId, PartnerType, StageId } from '../../shared/journey/stages.ts';
import type { ActionId } from '../../shared/journey/actions.ts';
import type { PartnerOutputs } from '../crm/crm-adapter.ts';

/**
 * The service's own state (DESIGN.md §2): partners and deals as last synced, the latest
 * evaluation per partner, the append-only stage history, action completions, sync cursors and
 * seen webhook events. Every row carries its tenant (`hubspot:<portalId>` / `salesforce:<orgId>`),
 * and every method takes the tenant first: no call can reach another tenant's rows.
 *
 * One implementation (Kysely) runs on PGlite (embedded default) and PostgreSQL.
 */

export interface StoredPartner {
  readonly partnerId: string;
  readonly name: string;
  /** null once the record stopped being a partner (kept for history; hidden from lists). */
  readonly type: PartnerType | null;
  readonly joinedAt: string | null;
  /** The day the sync first saw the partner: stands in for an empty joinedAt. */
  readonly firstSeenAt: string;
  readonly certifications: number;
  readonly hasJointBusinessPlan: boolean;
  readonly lastActivityAt: string | null;
  readonly officialStage: StageId | null;
  readonly stageChangedAt: string | null;
  readonly stageChangedBy: string | null;
  /** Our fields as the CRM holds them, as last read from or successfully written to it. */
  readonly crmOutputs: PartnerOutputs;
  readonly crmModifiedAt: string | null;
  readonly syncedAt: string | null;
}

/** Facts read from the CRM; the store keeps firstSeenAt, the official stage and crmOutputs bookkeeping itself. */
export interface PartnerFactsUpsert {
  readonly partnerId: string;
  readonly name: string;
  readonly type: PartnerType | null;
  readonly joinedAt: string | null;
  readonly certifications: number;
  readonly hasJointBusinessPlan: boolean;
  readonly lastActivityAt: string | null;
  readonly crmModifiedAt: string | null;
  readonly syncedAt: string;
}

export interface StoredDeal {
  readonly dealId: string;
  readonly name: string;
  readonly partnerIds: readonly string[];
  readonly createdAt: string;
  readonly closedAt: string | null;
  readonly status: DealStatus;
  readonly amount: number | null;
  readonly registeredAt: string | null;
  readonly crmModifiedAt: string | null;
}

export interface StoredEvaluation {
  readonly partnerId: string;
  readonly asOf: string;
  readonly suggestedStage: StageId;
  readonly health: HealthId;
  /** The locale-free result (kpis, evidence, action ids, health signals) as JSON. */
  readonly data: unknown;
  readonly evaluatedAt: string;
}

export type StageChangeSource = 'manual' | 'sync' | 'crm-edit';

export interface StageChangeInput {
  readonly partnerId: string;
  readonly to: StageId;
  readonly source: StageChangeSource;
  readonly actor: string;
  readonly reason: string;
  /** The evaluation evidence at the moment of the change, kept with the history row. */
  readonly evidence: unknown;
  readonly at: string;
  /** When given, a second change with the same key writes nothing and returns the first row. */
  readonly idempotencyKey?: string | undefined;
  /**
   * The official stage this change was decided from (the sync's decisions). When the partner's
   * stage is no longer it, someone changed it meanwhile: nothing is written and `changeStage`
   * throws a `conflict`, so a decision made on a stale read never overrides a newer one.
   */
  readonly expectedFrom?: StageId | null | undefined;
}

export interface StageChangeRow {
  readonly id: string;
  readonly partnerId: string;
  readonly from: StageId | null;
  readonly to: StageId;
  readonly source: StageChangeSource;
  readonly actor: string;
  readonly reason: string;
  readonly evidence: unknown;
  readonly at: string;
  readonly idempotencyKey: string | null;
}

export interface ActionCompletionInput {
  readonly partnerId: string;
  readonly actionId: ActionId;
  readonly done: boolean;
  readonly actor: string;
  readonly at: string;
}

export interface PartnerListQuery {
  readonly limit: number;
  /** Partner id to continue after (keyset paging by name, id). */
  readonly after?: string | undefined;
  readonly search?: string | undefined;
}

export interface JourneyStore {
  upsertPartners(tenant: string, partners: readonly PartnerFactsUpsert[]): Promise<void>;
  /** Inserts or replaces deals, including their partner links. */
  upsertDeals(tenant: string, deals: readonly StoredDeal[]): Promise<void>;
  deleteDeals(tenant: string, dealIds: readonly string[]): Promise<void>;

  getPartner(tenant: string, partnerId: string): Promise<StoredPartner | null>;
  getPartners(tenant: string, partnerIds: readonly string[]): Promise<readonly StoredPartner[]>;
  /** Current partners (type not null), ordered by name then id. */
  listPartners(tenant: string, query: PartnerListQuery): Promise<readonly StoredPartner[]>;
  getDeal(tenant: string, dealId: string): Promise<StoredDeal | null>;
  getDeals(tenant: string, dealIds: readonly string[]): Promise<readonly StoredDeal[]>;
  /** The deals linked to each partner (every partner id appears in the map, possibly with []). */
  dealsOfPartners(tenant: string, partnerIds: readonly string[]): Promise<ReadonlyMap<string, readonly StoredDeal[]>>;

  saveEvaluations(tenant: string, evaluations: readonly StoredEvaluation[]): Promise<void>;
  getEvaluations(tenant: string, partnerIds: readonly string[]): Promise<ReadonlyMap<string, StoredEvaluation>>;

  /**
   * In one transaction: appends the history row and sets the partner's official stage,
   * stage-changed-at and -by. With an idempotency key already used, writes nothing and
   * returns the existing row with `created: false`.
   */
  changeStage(tenant: string, change: StageChangeInput): Promise<{ readonly row: StageChangeRow; readonly created: boolean }>;
  /**
   * The change recorded under this idempotency key in the tenant, or null. Lets a caller that must
   * act elsewhere first (a user-scoped CRM write) see a retry before acting again.
   */
  stageChangeByKey(tenant: string, idempotencyKey: string): Promise<StageChangeRow | null>;
  /** Oldest first. */
  stageHistory(tenant: string, partnerId: string): Promise<readonly StageChangeRow[]>;

  /** Records what the CRM now holds for our fields (after a successful write, or as read). */
  recordCrmOutputs(tenant: string, partnerId: string, outputs: Partial<PartnerOutputs>): Promise<void>;

  /** Appends a completion (or an undo, `done: false`); nothing is overwritten. */
  setActionDone(tenant: string, input: ActionCompletionInput): Promise<void>;
  /** Action ids whose latest row says done. */
  completedActions(tenant: string, partnerId: string): Promise<readonly string[]>;

  getCursor(tenant: string, job: string): Promise<string | null>;
  saveCursor(tenant: string, job: string, cursor: string): Promise<void>;

  /** Records a webhook event id; false when it was already seen (a duplicate delivery). */
  markEventSeen(tenant: string, eventId: string, at: string): Promise<boolean>;

  /** Runs `work` in one database transaction, with a store bound to it. */
  transaction<T>(work: (store: JourneyStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
