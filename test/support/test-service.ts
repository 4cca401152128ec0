import { Writable } from 'node:stream';
import { InMemorySessionStore } from '../../server/auth/session-store.ts';
import { NO_CHANNEL_MANAGERS, type ChannelManagers } from '../../server/config/channel-managers.ts';
import { CardPage } from '../../server/http/card-page.ts';
import { createApp, type AppDeps } from '../../server/http/create-app.ts';
import { startServer, type RunningServer } from '../../server/http/start-server.ts';
import { NO_CRM_LINKS } from '../../server/journey/crm-links.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';

export const TEST_NOW = Date.parse('2026-06-30T12:00:00.000Z');

/** The real app on port 0 with an in-memory PGlite store, a settable clock and captured JSON logs. */
export interface TestService {
  readonly url: string;
  readonly store: KyselyJourneyStore;
  readonly deps: AppDeps;
  readonly clock: { now: number };
  /** Every log line written so far, raw. */
  readonly logs: () => string;
  close(): Promise<void>;
}

export interface TestServiceOptions extends Partial<Omit<AppDeps, 'store' | 'logger' | 'now'>> {
  readonly channelManagers?: ChannelManagers;
  /** A store shared with other services of the same test file; the caller closes it. */
  readonly store?: KyselyJourneyStore;
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const store = options.store ?? (await openJourneyStore({ kind: 'memory' }));
  const clock = { now: TEST_NOW };
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const now = () => clock.now;
  const deps: AppDeps = {
    store,
    now,
    rules: undefined,
    crm: NO_CRM_LINKS,
    logger: createLogger('debug', sink),
    ready: () => store.ping(),
    sessions: new InMemorySessionStore({ now }),
    channelManagers: NO_CHANNEL_MANAGERS,
    hubspotClientSecret: undefined,
    publicBaseUrl: undefined,
    demoTenant: null,
    cardPage: new CardPage('/nonexistent/web-dist'),
    ...options,
  };
  const owned = options.store === undefined;
  const server: RunningServer = await startServer(createApp(deps), {
    port: 0,
    host: '127.0.0.1',
    onClose: async () => {
      if (owned) await store.close();
    },
  });
  return { url: server.url, store, deps, clock, logs: () => lines.join(''), close: () => server.close() };
}
