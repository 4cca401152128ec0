import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { startPostgres, type PostgresServer } from '../support/postgres.ts';
import { expectAuditTablesAppendOnly } from './append-only.ts';
import { change, describeJourneyStore, facts } from './journey-store-suite.ts';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

describeJourneyStore('PostgreSQL', () => openJourneyStore({ kind: 'postgres', url: server.url }));

describe('PostgreSQL schema', () => {
  it('runs the migrations once however often the service starts, and refuses rewrites of the audit trail', async () => {
    const first = await openJourneyStore({ kind: 'postgres', url: server.url });
    await first.upsertPartners('append-only', [facts('p1')]);
    await first.changeStage('append-only', change('p1', 'activate'));
    await first.setActionDone('append-only', { partnerId: 'p1', actionId: 'mature.review-kpis', done: true, actor: 'a', at: '2026-03-01T00:00:00Z' });
    await first.close();
    const second = await openJourneyStore({ kind: 'postgres', url: server.url });
    await second.close();

    const client = new pg.Client(server.url);
    await client.connect();
    try {
      const migrations = await client.query<{ name: string }>('select name from kysely_migration');
      expect(migrations.rows.map((r) => r.name)).toEqual(['0001_journey_schema']);
      await expectAuditTablesAppendOnly((statement) => client.query(statement));
      expect((await client.query("select * from stage_history where tenant_id = 'append-only'")).rows).toHaveLength(1);
    } finally {
      await client.end();
    }
  });
});
