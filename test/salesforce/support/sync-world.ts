import type { CrmAdapter } from '../../../server/crm/crm-adapter.ts';
import type { SalesforceCrmAdapter, SalesforceAdapterOptions } from '../../../server/crm/salesforce/salesforce-adapter.ts';
import { startSalesforceSandbox, type SalesforceSandbox, type SalesforceSandboxOptions } from '../../../server/sandbox/salesforce/sandbox.ts';
import type { SalesforceRecord } from '../../../server/sandbox/salesforce/org-schema.ts';
import type { JourneyStore, StageChangeRow } from '../../../server/storage/journey-store.ts';
import type { SyncReport } from '../../../server/sync/sync-context.ts';
import { SyncService } from '../../../server/sync/sync-service.ts';
import { adapterFor, manualClock } from './harness.ts';

/** Our Account fields, as compared between runs. */
export const PJ_ACCOUNT_FIELDS = [
  'PJ_Stage__c',
  'PJ_Suggested_Stage__c',
  'PJ_Health__c',
  'PJ_Stage_Changed_At__c',
  'PJ_Stage_Changed_By__c',
  'PJ_Next_Action__c',
  'PJ_Won_Revenue_12m__c',
  'PJ_Won_Deals_12m__c',
] as const;

export interface SyncWorld {
  readonly sandbox: SalesforceSandbox;
  readonly adapter: SalesforceCrmAdapter;
  readonly tenant: string;
  readonly clock: ReturnType<typeof manualClock>;
  readonly warnings: string[];
  /** One sync run (backfill, then changes) through the SyncService, optionally over another adapter or store. */
  run(options?: { adapter?: CrmAdapter; store?: JourneyStore }): Promise<SyncReport>;
  id(key: string): string;
  account(key: string): SalesforceRecord;
  /** Our fields on every seeded Account, by seed key. */
  accounts(): Record<string, Partial<SalesforceRecord>>;
  history(key: string): Promise<readonly StageChangeRow[]>;
  /** Every partner's history as `key: from→to (source)` lines. */
  histories(): Promise<Record<string, string[]>>;
  close(): Promise<void>;
}

let orgNumber = 100;

/**
 * A Salesforce org (the sandbox, seeded) and the real sync over real jsforce into a real store,
 * on one manual clock that starts an hour after the seed was loaded.
 */
export async function startSyncWorld(
  store: JourneyStore,
  options: SalesforceSandboxOptions & { readonly adapterOptions?: Omit<SalesforceAdapterOptions, 'connection'>; readonly start?: string } = {},
): Promise<SyncWorld> {
  const clock = manualClock(options.start ?? '2026-06-30T11:00:00Z');
  const { adapterOptions, ...sandboxOptions } = options;
  orgNumber += 1;
  const sandbox = await startSalesforceSandbox({ clock: clock.now, orgNumber, ...sandboxOptions });
  clock.advance(3_600_000);
  const adapter = adapterFor(sandbox, { clock: clock.now, ...adapterOptions });
  const tenant = await adapter.tenantId();
  const warnings: string[] = [];
  const log = { info: () => undefined, warn: (_details: object, message: string) => void warnings.push(message) };
  const keys = [...(options.seed?.partners ?? [])].map((p) => p.key);

  const world: SyncWorld = {
    sandbox,
    adapter,
    tenant,
    clock,
    warnings,
    async run(run = {}) {
      const service = new SyncService({ store: run.store ?? store, now: clock.now, locale: 'en', log });
      return service.sync(run.adapter ?? adapter);
    },
    id: (key) => sandbox.state.idOf(key),
    account(key) {
      const record = sandbox.state.record('Account', sandbox.state.idOf(key));
      if (!record) throw new Error(`no Account for ${key}`);
      return record;
    },
    accounts() {
      return Object.fromEntries(keys.map((key) => [key, Object.fromEntries(PJ_ACCOUNT_FIELDS.map((f) => [f, world.account(key)[f] ?? null]))]));
    },
    history: (key) => store.stageHistory(tenant, sandbox.state.idOf(key)),
    async histories() {
      const entries = await Promise.all(
        keys.map(async (key) => [key, (await world.history(key)).map((r) => `${r.from ?? '∅'}→${r.to} (${r.source})`)] as const),
      );
      return Object.fromEntries(entries);
    },
    close: () => sandbox.close(),
  };
  return world;
}
