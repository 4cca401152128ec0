import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { DatabaseConfig } from '../config/env.ts';
import { AppError } from '../errors/app-error.ts';
import type { Database } from './kysely/database.ts';
import { KyselyJourneyStore } from './kysely/kysely-journey-store.ts';
import { migrationProvider } from './kysely/migrations.ts';

/** `memory` keeps a PGlite database in RAM only (tests, benchmarks). */
export type StoreTarget = DatabaseConfig | { readonly kind: 'memory' };

/** Opens the store and brings its schema up to date before anything else uses it. */
export async function openJourneyStore(target: StoreTarget): Promise<KyselyJourneyStore> {
  const db = new Kysely<Database>({ dialect: await dialectFor(target) });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return new KyselyJourneyStore(db);
}

async function dialectFor(target: StoreTarget) {
  switch (target.kind) {
    case 'postgres':
      return new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 10 }) });
    case 'pglite':
      await mkdir(target.dataDir, { recursive: true });
      return new PGliteDialect({ pglite: () => PGlite.create(target.dataDir) });
    case 'memory':
      return new PGliteDialect({ pglite: () => PGlite.create() });
  }
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('misconfigured', `database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
