import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { expectAuditTablesAppendOnly } from './append-only.ts';
import { change, describeJourneyStore, facts } from './journey-store-suite.ts';

describeJourneyStore('PGlite', () => openJourneyStore({ kind: 'memory' }));

describe('PGlite in a data folder', () => {
  it('keeps its data across restarts, runs the migrations once, and refuses rewrites of the audit trail', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pj-pglite-'));
    try {
      const first = await openJourneyStore({ kind: 'pglite', dataDir });
      await first.upsertPartners('t1', [facts('p1')]);
      await first.changeStage('t1', change('p1', 'activate'));
      await first.setActionDone('t1', { partnerId: 'p1', actionId: 'mature.review-kpis', done: true, actor: 'a', at: '2026-03-01T00:00:00Z' });
      await first.close();

      const second = await openJourneyStore({ kind: 'pglite', dataDir });
      expect((await second.getPartner('t1', 'p1'))?.officialStage).toBe('activate');
      await second.close();

      const raw = await PGlite.create(dataDir);
      try {
        const migrations = await raw.query<{ name: string }>('select name from kysely_migration');
        expect(migrations.rows.map((r) => r.name)).toEqual(['0001_journey_schema']);
        await expectAuditTablesAppendOnly((statement) => raw.query(statement));
        expect((await raw.query('select * from stage_history')).rows).toHaveLength(1);
      } finally {
        await raw.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
