import type { Kysely } from 'kysely';
import type { HealthId, StageId } from '../../../shared/journey/stages.ts';
import type { ActionCompletionInput, StoredEvaluation } from '../journey-store.ts';
import type { Database } from './database.ts';
import { dedupeLast } from './partner-queries.ts';
import { chunks, iso } from './run-in-transaction.ts';

export async function saveEvaluations(db: Kysely<Database>, tenant: string, evaluations: readonly StoredEvaluation[]): Promise<void> {
  for (const batch of chunks(dedupeLast(evaluations, (e) => e.partnerId), 500)) {
    await db
      .insertInto('evaluations')
      .values(
        batch.map((e) => ({
          tenant_id: tenant,
          partner_id: e.partnerId,
          as_of: e.asOf,
          suggested_stage: e.suggestedStage,
          health: e.health,
          data: JSON.stringify(e.data ?? null),
          evaluated_at: e.evaluatedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'partner_id']).doUpdateSet((eb) => ({
          as_of: eb.ref('excluded.as_of'),
          suggested_stage: eb.ref('excluded.suggested_stage'),
          health: eb.ref('excluded.health'),
          data: eb.ref('excluded.data'),
          evaluated_at: eb.ref('excluded.evaluated_at'),
        })),
      )
      .execute();
  }
}

export async function getEvaluations(
  db: Kysely<Database>,
  tenant: string,
  partnerIds: readonly string[],
): Promise<Map<string, StoredEvaluation>> {
  const out = new Map<string, StoredEvaluation>();
  for (const batch of chunks([...new Set(partnerIds)])) {
    const rows = await db.selectFrom('evaluations').selectAll().where('tenant_id', '=', tenant).where('partner_id', 'in', batch).execute();
    for (const row of rows) {
      out.set(row.partner_id, {
        partnerId: row.partner_id,
        asOf: row.as_of,
        suggestedStage: row.suggested_stage as StageId,
        health: row.health as HealthId,
        data: row.data,
        evaluatedAt: iso(row.evaluated_at),
      });
    }
  }
  return out;
}

/** Append-only: an undo is a new row with `done: false`. */
export async function setActionDone(db: Kysely<Database>, tenant: string, input: ActionCompletionInput): Promise<void> {
  await db
    .insertInto('action_completions')
    .values({
      tenant_id: tenant,
      partner_id: input.partnerId,
      action_id: input.actionId,
      done: input.done,
      actor: input.actor,
      at: input.at,
    })
    .execute();
}

export async function completedActions(db: Kysely<Database>, tenant: string, partnerId: string): Promise<string[]> {
  const latest = await db
    .selectFrom('action_completions')
    .select(['action_id', 'done'])
    .distinctOn('action_id')
    .where('tenant_id', '=', tenant)
    .where('partner_id', '=', partnerId)
    .orderBy('action_id')
    .orderBy('id', 'desc')
    .execute();
  return latest.filter((row) => row.done).map((row) => row.action_id);
}

export async function getCursor(db: Kysely<Database>, tenant: string, job: string): Promise<string | null> {
  const row = await db
    .selectFrom('sync_cursors')
    .select('cursor')
    .where('tenant_id', '=', tenant)
    .where('job', '=', job)
    .executeTakeFirst();
  return row?.cursor ?? null;
}

export async function saveCursor(db: Kysely<Database>, tenant: string, job: string, cursor: string): Promise<void> {
  await db
    .insertInto('sync_cursors')
    .values({ tenant_id: tenant, job, cursor, updated_at: new Date().toISOString() })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'job']).doUpdateSet((eb) => ({ cursor: eb.ref('excluded.cursor'), updated_at: eb.ref('excluded.updated_at') })),
    )
    .execute();
}

export async function markEventSeen(db: Kysely<Database>, tenant: string, eventId: string, at: string): Promise<boolean> {
  const inserted = await db
    .insertInto('seen_events')
    .values({ tenant_id: tenant, event_id: eventId, seen_at: at })
    .onConflict((oc) => oc.columns(['tenant_id', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
