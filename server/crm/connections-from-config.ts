import type { AppConfig } from '../config/env.ts';
import type { CrmAdapter, CrmKind } from './crm-adapter.ts';
import { createHubspotAdapter } from './hubspot/hubspot-adapter.ts';
import { createSalesforceAdapter } from './salesforce/salesforce-adapter.ts';

export interface ConnectionLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** The CRM connections the configuration describes: HubSpot when its token is set, Salesforce when its SALESFORCE_* are. */
export function adaptersFromConfig(config: AppConfig, only?: CrmKind): CrmAdapter[] {
  const adapters: CrmAdapter[] = [];
  const { hubspot, salesforce } = config;
  if (hubspot.accessToken && (only === undefined || only === 'hubspot')) {
    adapters.push(
      createHubspotAdapter({
        accessToken: hubspot.accessToken,
        ...(hubspot.baseUrl ? { baseUrl: hubspot.baseUrl } : {}),
        locale: config.sync.locale,
        limits: { requests: hubspot.limits.requestsPer10s, windowMs: 10_000, searches: hubspot.limits.searchesPerSecond, searchWindowMs: 1_000 },
      }),
    );
  }
  if (salesforce.connection && (only === undefined || only === 'salesforce')) {
    adapters.push(createSalesforceAdapter({ connection: salesforce.connection, apiBudgetShare: salesforce.connection.apiBudgetShare }));
  }
  return adapters;
}

const RETRY_MS = 60_000;

/**
 * The connections by the tenant each one names (`hubspot:<portalId>`, `salesforce:<orgId>`), for
 * stage changes and webhooks to find theirs. A CRM that cannot be reached at start joins once it
 * answers, retried every minute, so the service never waits on it to start.
 */
export class CrmConnections {
  readonly adapters: CrmAdapter[] = [];
  /** Filled as tenants are learnt; `crmLinks` reads it live. */
  readonly byTenant = new Map<string, CrmAdapter>();
  readonly #log: ConnectionLogger;
  readonly #pending = new Set<CrmAdapter>();
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(adapters: readonly CrmAdapter[], log: ConnectionLogger) {
    this.#log = log;
    for (const adapter of adapters) this.add(adapter);
  }

  /** A connection whose tenant is not known yet. */
  add(adapter: CrmAdapter, tenant?: string): void {
    this.adapters.push(adapter);
    if (tenant === undefined) this.#pending.add(adapter);
    else this.byTenant.set(tenant, adapter);
  }

  /** Asks every connection not resolved yet for its tenant; failures are logged and retried later. */
  async resolve(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const adapter of [...this.#pending]) {
      try {
        const tenant = await adapter.tenantId();
        this.byTenant.set(tenant, adapter);
        this.#pending.delete(adapter);
        this.#log.info({ crm: adapter.kind, tenant }, `${adapter.kind} connection ready`);
      } catch (error) {
        this.#log.warn({ crm: adapter.kind, err: error }, `${adapter.kind} did not answer; stage changes and webhooks wait for it`);
      }
    }
    if (this.#pending.size > 0 && !this.#closed) {
      this.#timer = setTimeout(() => void this.resolve(), RETRY_MS);
      this.#timer.unref();
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
