import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** Runs `work` in a transaction, joining the caller's when `db` is already one (Kysely does not nest them). */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Splits long id lists so one statement never carries more parameters than PostgreSQL accepts. */
export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
