import { InMemorySessionStore } from '../auth/session-store.ts';
import { describeConfig, loadConfig, type AppConfig } from '../config/env.ts';
import { adaptersFromConfig, CrmConnections } from '../crm/connections-from-config.ts';
import type { CrmKind } from '../crm/crm-adapter.ts';
import type { DemoCrm } from '../demo/demo-crm.ts';
import { demoCrmFor } from '../demo/demo-crms.ts';
import { BUILD_HINT, CardPage } from '../http/card-page.ts';
import { createApp } from '../http/create-app.ts';
import { startServer } from '../http/start-server.ts';
import { crmLinks } from '../journey/crm-links.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { openJourneyStore } from '../storage/open-store.ts';
import { SyncService } from '../sync/sync-service.ts';

export interface ServiceOptions {
  /** The CRM the demo runs through when demo mode is on (default HubSpot). */
  readonly demoCrm?: CrmKind;
  readonly logger?: Logger;
  readonly cardPage?: CardPage;
}

export interface RunningService {
  /** Where the service listens (a local address). */
  readonly url: string;
  /** The demo tenant when demo mode is on. */
  readonly demoTenant: string | null;
  /** Stops the schedule (the run in flight finishes its page), the HTTP server, the demo CRM, then the store. */
  close(): Promise<void>;
}

/**
 * The running service: store, CRM connections (or the demo CRM, synced before the doors open),
 * the sync schedule, and the HTTP app with card routes, webhooks and, in demo mode, /preview.
 */
export async function startService(config: AppConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const startDemo = config.demo ? demoCrmFor(options.demoCrm ?? 'hubspot') : null;
  const store = await openJourneyStore(config.database);
  const now = () => Date.now();
  const connections = new CrmConnections(adaptersFromConfig(config), logger);
  const sync = new SyncService({ store, now, locale: config.sync.locale, rules: config.rules, log: logger.child({ component: 'sync' }) });
  let demo: DemoCrm | null = null;
  try {
    if (startDemo) {
      demo = await startDemo({ dataDir: config.dataDir, now: now(), log: logger });
      connections.add(demo.adapter, demo.tenant);
      await sync.sync(demo.adapter);
      logger.info({ tenant: demo.tenant }, `demo CRM synced: ${demo.description}`);
    } else if (options.demoCrm) {
      logger.warn({ crm: options.demoCrm }, '--crm picks the demo CRM, and demo mode is off (CRM credentials are set): ignored');
    }
  } catch (error) {
    connections.close();
    await demo?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }

  const cardPage = options.cardPage ?? new CardPage();
  if (!(await cardPage.isBuilt())) logger.warn(BUILD_HINT);
  const app = createApp({
    store,
    now,
    rules: config.rules,
    crm: crmLinks(connections.byTenant, (tenant, work) => sync.exclusive(tenant, work)),
    sync,
    logger,
    ready: () => store.ping(),
    sessions: new InMemorySessionStore(),
    channelManagers: config.channelManagers,
    hubspotClientSecret: config.hubspot.clientSecret,
    publicBaseUrl: config.publicBaseUrl,
    demoTenant: demo?.tenant ?? null,
    cardPage,
    salesforceCanvas: { consumerSecret: config.salesforce.consumerSecret, frameAncestors: config.salesforce.frameAncestors },
  });
  // In the background: a CRM that is slow or down must not keep the service from starting.
  void connections.resolve();
  const server = await startServer(app, {
    port: config.port,
    host: config.host,
    onClose: async () => {
      await sync.stop();
      connections.close();
      await demo?.close();
      await store.close();
    },
  });
  if (config.sync.intervalMs > 0 && connections.adapters.length > 0) {
    sync.schedule(connections.adapters, config.sync.intervalMs);
    logger.info({ crms: connections.adapters.map((a) => a.kind), everyMinutes: config.sync.intervalMs / 60_000 }, 'sync scheduled');
  }
  const base = config.publicBaseUrl ?? `http://localhost:${server.port}`;
  logger.info({ url: base }, `listening on ${server.url}`);
  if (demo) logger.info({ url: `${base}/preview` }, `demo preview: ${base}/preview`);

  return {
    url: server.url,
    demoTenant: demo?.tenant ?? null,
    async close() {
      // Ask the sync to stop first, so a long backfill does not hold requests waiting on its queue.
      const stopping = sync.stop();
      await server.close();
      await stopping;
    },
  };
}

/**
 * `partner-journey serve [--crm hubspot|salesforce]`: configuration from the environment, then
 * the service until SIGTERM/SIGINT. Resolves once stopped.
 */
export async function runServe(options: { demoCrm?: CrmKind } = {}): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info(describeConfig(config), 'starting partner-journey');
  const service = await startService(config, { logger, ...(options.demoCrm ? { demoCrm: options.demoCrm } : {}) });

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down: finishing requests and the sync page in flight');
      service.close().then(
        () => {
          logger.info('stopped');
          resolve();
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          resolve();
        },
      );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
}
