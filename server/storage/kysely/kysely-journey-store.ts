import { sql, type Kysely } from 'kysely';
import type { PartnerOutputs } from '../../crm/crm-adapter.ts';
import type {
  ActionCompletionInput,
  JourneyStore,
  PartnerFactsUpsert,
  PartnerListQuery,
  StageChangeInput,
  StoredDeal,
  StoredEvaluation,
} from '../journey-store.ts';
import * as bookkeeping from './bookkeeping-queries.ts';
import type { Database } from './database.ts';
import * as deals from './deal-queries.ts';
import * as history from './history-queries.ts';
import * as partners from './partner-queries.ts';
import { inTransaction } from './run-in-transaction.ts';

/**
 * The JourneyStore on Kysely. Kysely rather than Drizzle: one typed query builder runs unchanged
 * on the `pg` Pool and on PGlite through the `PGliteDialect` Kysely itself ships (no separate
 * driver package to keep in step), its Migrator takes migrations from code (no generator step
 * or CLI in the build), and it stays a thin layer over SQL we can read, with `sql` for the few
 * PostgreSQL features we lean on (jsonb merge, row comparison, DISTINCT ON, triggers).
 */
export class KyselyJourneyStore implements JourneyStore {
  readonly #db: Kysely<Database>;
  readonly #owned: boolean;

  constructor(db: Kysely<Database>, owned = true) {
    this.#db = db;
    this.#owned = owned;
  }

  upsertPartners(tenant: string, list: readonly PartnerFactsUpsert[]) {
    return partners.upsertPartners(this.#db, tenant, list);
  }

  upsertDeals(tenant: string, list: readonly StoredDeal[]) {
    return inTransaction(this.#db, (trx) => deals.upsertDeals(trx, tenant, list));
  }

  deleteDeals(tenant: string, dealIds: readonly string[]) {
    return deals.deleteDeals(this.#db, tenant, dealIds);
  }

  async getPartner(tenant: string, partnerId: string) {
    return (await partners.getPartners(this.#db, tenant, [partnerId]))[0] ?? null;
  }

  getPartners(tenant: string, partnerIds: readonly string[]) {
    return partners.getPartners(this.#db, tenant, partnerIds);
  }

  listPartners(tenant: string, query: PartnerListQuery) {
    return partners.listPartners(this.#db, tenant, query);
  }

  async getDeal(tenant: string, dealId: string) {
    return (await deals.getDeals(this.#db, tenant, [dealId]))[0] ?? null;
  }

  getDeals(tenant: string, dealIds: readonly string[]) {
    return deals.getDeals(this.#db, tenant, dealIds);
  }

  dealsOfPartners(tenant: string, partnerIds: readonly string[]) {
    return deals.dealsOfPartners(this.#db, tenant, partnerIds);
  }

  saveEvaluations(tenant: string, evaluations: readonly StoredEvaluation[]) {
    return bookkeeping.saveEvaluations(this.#db, tenant, evaluations);
  }

  getEvaluations(tenant: string, partnerIds: readonly string[]) {
    return bookkeeping.getEvaluations(this.#db, tenant, partnerIds);
  }

  changeStage(tenant: string, change: StageChangeInput) {
    return history.changeStage(this.#db, tenant, change);
  }

  async stageChangeByKey(tenant: string, idempotencyKey: string) {
    return (await history.findByKey(this.#db, tenant, idempotencyKey)) ?? null;
  }

  stageHistory(tenant: string, partnerId: string) {
    return history.stageHistory(this.#db, tenant, partnerId);
  }

  recordCrmOutputs(tenant: string, partnerId: string, outputs: Partial<PartnerOutputs>) {
    return partners.recordCrmOutputs(this.#db, tenant, partnerId, outputs);
  }

  setActionDone(tenant: string, input: ActionCompletionInput) {
    return bookkeeping.setActionDone(this.#db, tenant, input);
  }

  completedActions(tenant: string, partnerId: string) {
    return bookkeeping.completedActions(this.#db, tenant, partnerId);
  }

  getCursor(tenant: string, job: string) {
    return bookkeeping.getCursor(this.#db, tenant, job);
  }

  saveCursor(tenant: string, job: string, cursor: string) {
    return bookkeeping.saveCursor(this.#db, tenant, job, cursor);
  }

  markEventSeen(tenant: string, eventId: string, at: string) {
    return bookkeeping.markEventSeen(this.#db, tenant, eventId, at);
  }

  transaction<T>(work: (store: JourneyStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#db, (trx) => work(trx === this.#db ? this : new KyselyJourneyStore(trx, false)));
  }

  /** Throws when the database cannot answer (the readiness probe). */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.#db);
  }

  async close(): Promise<void> {
    if (this.#owned) await this.#db.destroy();
  }
}
