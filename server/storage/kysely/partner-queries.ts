import { sql, type Kysely, type Selectable } from 'kysely';
import type { PartnerType, StageId } from '../../../shared/journey/stages.ts';
import type { PartnerOutputs } from '../../crm/crm-adapter.ts';
import type { PartnerFactsUpsert, PartnerListQuery, StoredPartner } from '../journey-store.ts';
import type { Database, PartnersTable } from './database.ts';
import { chunks, iso } from './run-in-transaction.ts';

const NO_OUTPUTS: PartnerOutputs = {
  stage: null,
  suggestedStage: null,
  health: null,
  stageChangedAt: null,
  stageChangedBy: null,
  nextAction: null,
  wonRevenue12m: null,
  wonDeals12m: null,
};

export async function upsertPartners(db: Kysely<Database>, tenant: string, partners: readonly PartnerFactsUpsert[]): Promise<void> {
  for (const batch of chunks(dedupeLast(partners, (p) => p.partnerId), 500)) {
    await db
      .insertInto('partners')
      .values(
        batch.map((p) => ({
          tenant_id: tenant,
          partner_id: p.partnerId,
          name: p.name,
          type: p.type,
          joined_at: p.joinedAt,
          first_seen_at: p.syncedAt.slice(0, 10),
          certifications: p.certifications,
          has_joint_business_plan: p.hasJointBusinessPlan,
          last_activity_at: p.lastActivityAt,
          crm_outputs: JSON.stringify(NO_OUTPUTS),
          crm_modified_at: p.crmModifiedAt,
          synced_at: p.syncedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'partner_id']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          type: eb.ref('excluded.type'),
          joined_at: eb.ref('excluded.joined_at'),
          certifications: eb.ref('excluded.certifications'),
          has_joint_business_plan: eb.ref('excluded.has_joint_business_plan'),
          last_activity_at: eb.ref('excluded.last_activity_at'),
          crm_modified_at: eb.ref('excluded.crm_modified_at'),
          synced_at: eb.ref('excluded.synced_at'),
        })),
      )
      .execute();
  }
}

export async function getPartners(db: Kysely<Database>, tenant: string, ids: readonly string[]): Promise<StoredPartner[]> {
  const out: StoredPartner[] = [];
  for (const batch of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('partners').selectAll().where('tenant_id', '=', tenant).where('partner_id', 'in', batch).execute();
    out.push(...rows.map(toStoredPartner));
  }
  return out;
}

export async function listPartners(db: Kysely<Database>, tenant: string, query: PartnerListQuery): Promise<StoredPartner[]> {
  let q = db.selectFrom('partners').selectAll().where('tenant_id', '=', tenant).where('type', 'is not', null);
  const search = query.search?.trim();
  if (search) q = q.where('name', 'ilike', `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.after !== undefined) {
    const after = await db
      .selectFrom('partners')
      .select(['name', 'partner_id'])
      .where('tenant_id', '=', tenant)
      .where('partner_id', '=', query.after)
      .executeTakeFirst();
    if (after) q = q.where(sql<boolean>`(name, partner_id) > (${after.name}, ${after.partner_id})`);
  }
  const rows = await q.orderBy('name').orderBy('partner_id').limit(query.limit).execute();
  return rows.map(toStoredPartner);
}

export async function recordCrmOutputs(
  db: Kysely<Database>,
  tenant: string,
  partnerId: string,
  outputs: Partial<PartnerOutputs>,
): Promise<void> {
  await db
    .updateTable('partners')
    .set({ crm_outputs: sql`crm_outputs || ${JSON.stringify(outputs)}::jsonb` })
    .where('tenant_id', '=', tenant)
    .where('partner_id', '=', partnerId)
    .execute();
}

function toStoredPartner(row: Selectable<PartnersTable>): StoredPartner {
  return {
    partnerId: row.partner_id,
    name: row.name,
    type: row.type as PartnerType | null,
    joinedAt: row.joined_at,
    firstSeenAt: row.first_seen_at,
    certifications: row.certifications,
    hasJointBusinessPlan: row.has_joint_business_plan,
    lastActivityAt: row.last_activity_at,
    officialStage: row.official_stage as StageId | null,
    stageChangedAt: row.stage_changed_at === null ? null : iso(row.stage_changed_at),
    stageChangedBy: row.stage_changed_by,
    crmOutputs: { ...NO_OUTPUTS, ...(row.crm_outputs as Partial<PartnerOutputs>) },
    crmModifiedAt: row.crm_modified_at,
    syncedAt: row.synced_at,
  };
}

/** PostgreSQL refuses one INSERT … ON CONFLICT touching the same key twice: the last value wins. */
export function dedupeLast<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
