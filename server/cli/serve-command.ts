import { InMemorySessionStore } from '../auth/session-store.ts';
import { describeConfig, loadConfig } from '../config/env.ts';
import { DEMO_TENANT, seedDemo } from '../demo/seed-demo.ts';
import { BUILD_HINT, CardPage } from '../http/card-page.ts';
import { createApp } from '../http/create-app.ts';
import { startServer } from '../http/start-server.ts';
import { NO_CRM_LINKS } from '../journey/crm-links.ts';
import { createLogger } from '../logging/logger.ts';
import { openJourneyStore } from '../storage/open-store.ts';

/**
 * `partner-journey serve`: configuration from the environment, the store (migrated), the demo
 * tenant when demo mode is on, then the HTTP service until SIGTERM/SIGINT. Resolves once stopped.
 */
export async function runServe(): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info(describeConfig(config), 'starting partner-journey');
  const store = await openJourneyStore(config.database);
  const now = () => Date.now();

  if (config.demo) {
    const seeded = await seedDemo(store, DEMO_TENANT, now(), { rules: config.rules });
    logger.info({ tenant: DEMO_TENANT, ...seeded }, 'demo tenant ready');
  }
  const cardPage = new CardPage();
  if (!(await cardPage.isBuilt())) logger.warn(BUILD_HINT);

  const app = createApp({
    store,
    now,
    rules: config.rules,
    crm: NO_CRM_LINKS,
    logger,
    ready: () => store.ping(),
    sessions: new InMemorySessionStore(),
    channelManagers: config.channelManagers,
    hubspotClientSecret: config.hubspot.clientSecret,
    publicBaseUrl: config.publicBaseUrl,
    demoTenant: config.demo ? DEMO_TENANT : null,
    cardPage,
  });
  const server = await startServer(app, { port: config.port, host: config.host, onClose: () => store.close() });
  const base = config.publicBaseUrl ?? `http://localhost:${server.port}`;
  logger.info({ url: base }, `listening on ${server.url}`);
  if (config.demo) logger.info({ url: `${base}/preview` }, `demo preview: ${base}/preview`);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      server.close().then(
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
