import type { ColumnType, Generated } from 'kysely';

/** Timestamps the service owns: written as ISO text, read back as `Date` by both drivers. */
type Instant = ColumnType<Date, string, string>;
/** JSON columns: written as JSON text (node-pg would turn JS arrays into PostgreSQL arrays), read parsed. */
type Json = ColumnType<unknown, string, string>;

export interface PartnersTable {
  tenant_id: string;
  partner_id: string;
  name: string;
  type: string | null;
  /** CRM dates stay text: a date-only value means the whole day to the engine, a timestamp would lose that. */
  joined_at: string | null;
  first_seen_at: string;
  certifications: number;
  has_joint_business_plan: boolean;
  last_activity_at: string | null;
  official_stage: string | null;
  stage_changed_at: Instant | null;
  stage_changed_by: string | null;
  crm_outputs: Json;
  crm_modified_at: string | null;
  synced_at: string | null;
}

export interface DealsTable {
  tenant_id: string;
  deal_id: string;
  name: string;
  created_at: string;
  closed_at: string | null;
  status: string;
  amount: number | null;
  registered_at: string | null;
  crm_modified_at: string | null;
}

export interface DealPartnersTable {
  tenant_id: string;
  deal_id: string;
  partner_id: string;
}

export interface EvaluationsTable {
  tenant_id: string;
  partner_id: string;
  as_of: string;
  suggested_stage: string;
  health: string;
  data: Json;
  evaluated_at: Instant;
}

export interface StageHistoryTable {
  id: Generated<string>;
  tenant_id: string;
  partner_id: string;
  from_stage: string | null;
  to_stage: string;
  source: string;
  actor: string;
  reason: string;
  evidence: Json;
  at: Instant;
  idempotency_key: string | null;
}

export interface ActionCompletionsTable {
  id: Generated<string>;
  tenant_id: string;
  partner_id: string;
  action_id: string;
  done: boolean;
  actor: string;
  at: Instant;
}

export interface SyncCursorsTable {
  tenant_id: string;
  job: string;
  cursor: string;
  updated_at: Instant;
}

export interface SeenEventsTable {
  tenant_id: string;
  event_id: string;
  seen_at: Instant;
}

export interface Database {
  partners: PartnersTable;
  deals: DealsTable;
  deal_partners: DealPartnersTable;
  evaluations: EvaluationsTable;
  stage_history: StageHistoryTable;
  action_completions: ActionCompletionsTable;
  sync_cursors: SyncCursorsTable;
  seen_events: SeenEventsTable;
}
