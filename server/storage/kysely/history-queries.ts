import type { Kysely, Selectable } from 'kysely';
import type { StageId } from '../../../shared/journey/stages.ts';
import { AppError } from '../../errors/app-error.ts';
import type { StageChangeInput, StageChangeRow, StageChangeSource } from '../journey-store.ts';
import type { Database, StageHistoryTable } from './database.ts';
import { inTransaction, iso } from './run-in-transaction.ts';

/**
 * The only writes to `stage_history` are INSERTs here; the table has no UPDATE or DELETE path
 * (and a trigger refuses them). The partner row is locked first, so concurrent changes of one
 * partner line up and each sees the stage the previous one left.
 */
export function changeStage(
  db: Kysely<Database>,
  tenant: string,
  change: StageChangeInput,
): Promise<{ row: StageChangeRow; created: boolean }> {
  return inTransaction(db, async (trx) => {
    const key = change.idempotencyKey ?? null;
    if (key !== null) {
      const existing = await findByKey(trx, tenant, key);
      if (existing) return { row: existing, created: false };
    }
    const partner = await trx
      .selectFrom('partners')
      .select('official_stage')
      .where('tenant_id', '=', tenant)
      .where('partner_id', '=', change.partnerId)
      .forUpdate()
      .executeTakeFirst();
    if (!partner) throw new AppError('not_found', `partner ${change.partnerId} is not known`);
    if (change.expectedFrom !== undefined && partner.official_stage !== change.expectedFrom) {
      throw new AppError('conflict', `the stage of partner ${change.partnerId} changed meanwhile (now ${partner.official_stage ?? 'none'}); decide again`);
    }
    const inserted = await trx
      .insertInto('stage_history')
      .values({
        tenant_id: tenant,
        partner_id: change.partnerId,
        from_stage: partner.official_stage,
        to_stage: change.to,
        source: change.source,
        actor: change.actor,
        reason: change.reason,
        evidence: JSON.stringify(change.evidence ?? null),
        at: change.at,
        idempotency_key: key,
      })
      // A concurrent request with the same key committed between our lookup and this insert.
      .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      const winner = key === null ? undefined : await findByKey(trx, tenant, key);
      if (!winner) throw new AppError('conflict', 'the stage change collided with another one; retry it');
      return { row: winner, created: false };
    }
    await trx
      .updateTable('partners')
      .set({ official_stage: change.to, stage_changed_at: change.at, stage_changed_by: change.actor })
      .where('tenant_id', '=', tenant)
      .where('partner_id', '=', change.partnerId)
      .execute();
    return { row: toRow(inserted), created: true };
  });
}

export async function stageHistory(db: Kysely<Database>, tenant: string, partnerId: string): Promise<StageChangeRow[]> {
  const rows = await db
    .selectFrom('stage_history')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('partner_id', '=', partnerId)
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}

export async function findByKey(db: Kysely<Database>, tenant: string, key: string): Promise<StageChangeRow | undefined> {
  const row = await db
    .selectFrom('stage_history')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

function toRow(row: Selectable<StageHistoryTable>): StageChangeRow {
  return {
    id: String(row.id),
    partnerId: row.partner_id,
    from: row.from_stage as StageId | null,
    to: row.to_stage as StageId,
    source: row.source as StageChangeSource,
    actor: row.actor,
    reason: row.reason,
    evidence: row.evidence,
    at: iso(row.at),
    idempotencyKey: row.idempotency_key,
  };
}
