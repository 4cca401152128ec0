import type { Locale } from '../../shared/i18n/locale.ts';
import type { RulesDocument } from '../../shared/journey/rules.ts';
import type { CrmAdapter } from '../crm/crm-adapter.ts';
import type { JourneyStore } from '../storage/journey-store.ts';
import { applyCrmRecordsById } from './apply-crm-records.ts';
import { restartBackfill, runSync } from './run-sync.ts';
import { emptyReport, type SyncContext, type SyncLogger, type SyncReport } from './sync-context.ts';
import { notePendingDeals, notePendingWrites } from './pending-writes.ts';
import { TenantQueue } from './tenant-queue.ts';

export interface SyncServiceOptions {
  readonly store: JourneyStore;
  readonly now: () => number;
  readonly locale: Locale;
  readonly rules?: RulesDocument | undefined;
  readonly log: SyncLogger;
}

/** Runs syncs for any number of CRM connections, one at a time per tenant, and on a schedule. */
export class SyncService {
  readonly #options: SyncServiceOptions;
  readonly #queue = new TenantQueue();
  #timer: NodeJS.Timeout | null = null;
  #stopping = false;

  constructor(options: SyncServiceOptions) {
    this.#options = options;
  }

  /** Backfill (or resume it), then incremental changes; `full` starts the backfill over first. */
  async sync(adapter: CrmAdapter, options: { readonly full?: boolean } = {}): Promise<SyncReport> {
    const tenant = await adapter.tenantId();
    return this.#queue.run(tenant, async () => {
      const ctx = this.#context(tenant, adapter);
      if (options.full) await restartBackfill(ctx);
      await runSync(ctx);
      this.#options.log.info({ tenant, ...ctx.report, writeFailures: ctx.report.writeFailures.length }, 'sync finished');
      return ctx.report;
    });
  }

  /** Re-reads these records now (a webhook said they changed) and reconciles what they touch. */
  async syncRecords(adapter: CrmAdapter, ids: { partnerIds?: readonly string[]; dealIds?: readonly string[] }): Promise<SyncReport> {
    const tenant = await adapter.tenantId();
    return this.#queue.run(tenant, async () => {
      const ctx = this.#context(tenant, adapter);
      await applyCrmRecordsById(ctx, ids);
      return ctx.report;
    });
  }

  /** Records a failed re-read named: the next run reads them first (the change feed may never bring them back). */
  async rememberForNextRun(tenant: string, ids: { partnerIds?: readonly string[]; dealIds?: readonly string[] }): Promise<void> {
    await notePendingWrites(this.#options.store, tenant, ids.partnerIds ?? []);
    await notePendingDeals(this.#options.store, tenant, ids.dealIds ?? []);
  }

  /** Runs `work` in the tenant's queue (e.g. a stage change's write-back), after any sync in flight. */
  exclusive<T>(tenant: string, work: () => Promise<T>): Promise<T> {
    return this.#queue.run(tenant, work);
  }

  /** Syncs every adapter now and then every `intervalMs`, until `stop()`. */
  schedule(adapters: readonly CrmAdapter[], intervalMs: number): void {
    const tick = async () => {
      for (const adapter of adapters) {
        if (this.#stopping) return;
        try {
          await this.sync(adapter);
        } catch (error) {
          this.#options.log.warn({ crm: adapter.kind, err: error }, 'scheduled sync failed; retrying at the next interval');
        }
      }
      if (!this.#stopping) this.#timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
  }

  /** Resolves when every run queued so far (scheduled, webhook, stage write-back) has finished. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  /** Stops scheduling and waits for the runs in flight (each finishes its page and saves its cursor). */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#queue.idle();
  }

  #context(tenant: string, adapter: CrmAdapter): SyncContext {
    return {
      tenant,
      adapter,
      store: this.#options.store,
      now: this.#options.now,
      locale: this.#options.locale,
      rules: this.#options.rules,
      log: this.#options.log,
      report: emptyReport(),
      shouldStop: () => this.#stopping,
      betweenPages: () => this.#queue.yield(tenant),
    };
  }
}
