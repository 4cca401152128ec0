import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';

/**
 * The one ordered list of schema migrations, for PGlite and PostgreSQL alike. Names sort in
 * order (Kysely's Migrator runs them by name); a shipped migration is never edited, only followed.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_journey_schema': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('partners')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.check(sql`type in ('technology', 'channel', 'strategic')`))
        .addColumn('joined_at', 'text')
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('certifications', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('has_joint_business_plan', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('last_activity_at', 'text')
        .addColumn('official_stage', 'text', (c) => c.check(stageCheck('official_stage')))
        .addColumn('stage_changed_at', 'timestamptz')
        .addColumn('stage_changed_by', 'text')
        .addColumn('crm_outputs', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('crm_modified_at', 'text')
        .addColumn('synced_at', 'text')
        .addPrimaryKeyConstraint('partners_pk', ['tenant_id', 'partner_id'])
        .execute();
      await db.schema.createIndex('partners_by_name').on('partners').columns(['tenant_id', 'name', 'partner_id']).execute();

      await db.schema
        .createTable('deals')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'won', 'lost')`))
        .addColumn('amount', 'double precision')
        .addColumn('registered_at', 'text')
        .addColumn('crm_modified_at', 'text')
        .addPrimaryKeyConstraint('deals_pk', ['tenant_id', 'deal_id'])
        .execute();

      await db.schema
        .createTable('deal_partners')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deal_partners_pk', ['tenant_id', 'deal_id', 'partner_id'])
        .addForeignKeyConstraint('deal_partners_deal_fk', ['tenant_id', 'deal_id'], 'deals', ['tenant_id', 'deal_id'], (fk) =>
          fk.onDelete('cascade'),
        )
        .execute();
      await db.schema.createIndex('deal_partners_by_partner').on('deal_partners').columns(['tenant_id', 'partner_id']).execute();

      await db.schema
        .createTable('evaluations')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('suggested_stage', 'text', (c) => c.notNull().check(stageCheck('suggested_stage')))
        .addColumn('health', 'text', (c) => c.notNull().check(sql`health in ('healthy', 'at_risk', 'inactive')`))
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addColumn('evaluated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('evaluations_pk', ['tenant_id', 'partner_id'])
        .execute();

      await db.schema
        .createTable('stage_history')
        .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('from_stage', 'text', (c) => c.check(stageCheck('from_stage')))
        .addColumn('to_stage', 'text', (c) => c.notNull().check(stageCheck('to_stage')))
        .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual', 'sync', 'crm-edit')`))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('evidence', 'jsonb', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('idempotency_key', 'text')
        .addUniqueConstraint('stage_history_idempotency', ['tenant_id', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('stage_history_by_partner').on('stage_history').columns(['tenant_id', 'partner_id', 'id']).execute();

      await db.schema
        .createTable('action_completions')
        .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('done', 'boolean', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('action_completions_by_partner')
        .on('action_completions')
        .columns(['tenant_id', 'partner_id', 'action_id', 'id'])
        .execute();

      await db.schema
        .createTable('sync_cursors')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('cursor', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_cursors_pk', ['tenant_id', 'job'])
        .execute();

      await db.schema
        .createTable('seen_events')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('seen_events_pk', ['tenant_id', 'event_id'])
        .execute();

      // The audit trails are append-only in the database too, so no future code path or hand-run
      // statement can rewrite who changed what.
      await sql`
        create function refuse_audit_rewrite() returns trigger language plpgsql as $$
        begin
          raise exception '% is append-only', tg_table_name using errcode = 'P0001';
        end;
        $$`.execute(db);
      for (const table of ['stage_history', 'action_completions']) {
        await sql`
          create trigger ${sql.id(`${table}_append_only`)}
          before update or delete or truncate on ${sql.table(table)}
          for each statement execute function refuse_audit_rewrite()`.execute(db);
      }
    },
  },
};

function stageCheck(column: string) {
  return sql`${sql.ref(column)} in ('recruit', 'activate', 'accelerate', 'mature')`;
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
