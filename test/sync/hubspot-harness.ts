import { Writable } from 'node:stream';
import type { CrmAdapter } from '../../server/crm/crm-adapter.ts';
import { createHubspotAdapter, type HubspotAdapterOptions } from '../../server/crm/hubspot/hubspot-adapter.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { QUICK_RETRY } from '../hubspot/support.ts';
import { startHubspotSandbox, type HubspotSandbox, type HubspotSandboxOptions } from '../../server/sandbox/hubspot/index.ts';
import type { StageChangeRow } from '../../server/storage/journey-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import type { SyncReport } from '../../server/sync/sync-context.ts';
import { SyncService } from '../../server/sync/sync-service.ts';

export const DAY = 86_400_000;
/** The day the scenarios happen; the sandbox and the sync share one clock that tests move on. */
export const T0 = Date.parse('2026-06-30T12:00:00.000Z');
export { QUICK_RETRY };

export interface SyncHarness {
  readonly sandbox: HubspotSandbox;
  readonly adapter: CrmAdapter;
  readonly store: KyselyJourneyStore;
  readonly sync: SyncService;
  readonly clock: { now: number };
  readonly tenant: string;
  /** Log lines of the sync, raw JSON. */
  readonly logs: string[];
  /** Moves the shared clock on (every CRM edit afterwards is stamped later). */
  tick(ms?: number): void;
  run(): Promise<SyncReport>;
  company(id: string): Record<string, string>;
  history(partnerId: string): Promise<readonly StageChangeRow[]>;
  /** Record inputs the sandbox was asked to write so far (batch inputs + single PATCHes). */
  writes(): number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly sandbox?: HubspotSandboxOptions;
  readonly adapter?: Partial<HubspotAdapterOptions>;
  /** Reuse a store (a second process after a crash); the caller closes it. */
  readonly store?: KyselyJourneyStore;
  readonly clock?: { now: number };
}

/** Each harness gets its own portal, so tests can share one store (opening PGlite takes seconds). */
let nextPortal = 70_000_000;

export async function startSyncHarness(options: HarnessOptions = {}): Promise<SyncHarness> {
  const clock = options.clock ?? { now: T0 };
  nextPortal += 1;
  const sandbox = await startHubspotSandbox({
    portalId: nextPortal,
    rateLimits: { general: false, search: false },
    partnerJourneySchema: true,
    clock: () => clock.now,
    ...options.sandbox,
  });
  const adapter = createHubspotAdapter({
    accessToken: sandbox.token,
    baseUrl: sandbox.baseUrl,
    limits: { requests: 100_000, windowMs: 1_000, searches: 100_000, searchWindowMs: 1_000 },
    retry: QUICK_RETRY,
    ...options.adapter,
  });
  const store = options.store ?? (await openJourneyStore({ kind: 'memory' }));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const sync = new SyncService({ store, now: () => clock.now, locale: 'en', log: createLogger('info', sink) });
  const tenant = await adapter.tenantId();
  return {
    sandbox,
    adapter,
    store,
    sync,
    clock,
    tenant,
    logs,
    tick(ms = 60_000) {
      clock.now += ms;
    },
    run: () => sync.sync(adapter),
    company: (id) => ({ ...(sandbox.state.record('companies', id)?.properties ?? {}) }),
    history: (partnerId) => store.stageHistory(tenant, partnerId),
    writes: () => sandbox.state.apiWrites.length,
    async close() {
      await sync.stop();
      await sandbox.close();
      if (!options.store) await store.close();
    },
  };
}

/** A partner company as people fill it in. */
export function partnerProperties(name: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name,
    pj_partner_type: 'channel',
    pj_partner_since: new Date(T0 - 400 * DAY).toISOString().slice(0, 10),
    pj_certifications: '1',
    pj_joint_business_plan: 'false',
    notes_last_updated: new Date(T0 - 3 * DAY).toISOString(),
    createdate: new Date(T0 - 500 * DAY).toISOString(),
    hs_lastmodifieddate: new Date(T0 - 10 * DAY).toISOString(),
    ...overrides,
  };
}

/** A deal `daysAgo` old: won/lost ones closed then, open ones still in the pipeline. */
export function dealProperties(status: 'won' | 'lost' | 'open', amount: number, daysAgo: number): Record<string, string> {
  const closed = T0 - daysAgo * DAY;
  return {
    dealname: `${status} ${amount}`,
    amount: String(amount),
    dealstage: status === 'won' ? 'closedwon' : status === 'lost' ? 'closedlost' : 'contractsent',
    createdate: new Date(closed - 30 * DAY).toISOString(),
    closedate: new Date(closed).toISOString(),
    pj_registered_at: new Date(closed - 29 * DAY).toISOString(),
    hs_lastmodifieddate: new Date(closed).toISOString(),
  };
}
