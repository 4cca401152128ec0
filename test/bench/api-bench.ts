import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { InMemorySessionStore } from '../../server/auth/session-store.ts';
import { NO_CHANNEL_MANAGERS } from '../../server/config/channel-managers.ts';
import { demoDataset } from '../../server/demo/dataset.ts';
import { seedDemo } from '../support/seed-store.ts';
import { CardPage } from '../../server/http/card-page.ts';
import { createApp } from '../../server/http/create-app.ts';
import { startServer } from '../../server/http/start-server.ts';
import { NO_CRM_LINKS } from '../../server/journey/crm-links.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { hubspotHeaders, identity } from '../support/hubspot-signing.ts';

/**
 * Throughput and tail latency of the HubSpot record-journey endpoint (signed requests, demo data,
 * embedded PGlite, request logging on) next to `/healthz` of the same app in the same run: the
 * ratio is what the journey itself costs over Express, helmet and logging.
 */
export interface BenchResult {
  readonly name: string;
  readonly connections: number;
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface ApiBenchOptions {
  readonly connections?: number;
  readonly durationMs?: number;
  readonly warmupMs?: number;
}

const PORTAL = '424242';
const SECRET = 'bench-client-secret';

export async function runApiBench(options: ApiBenchOptions = {}): Promise<BenchResult[]> {
  const connections = options.connections ?? 50;
  const durationMs = options.durationMs ?? 5_000;
  const warmupMs = options.warmupMs ?? 1_000;
  const store = await openJourneyStore({ kind: 'memory' });
  const now = Date.now();
  const dataset = demoDataset(new Date(now).toISOString().slice(0, 10));
  await seedDemo(store, `hubspot:${PORTAL}`, now, { dataset });
  const app = createApp({
    store,
    now: Date.now,
    rules: undefined,
    crm: NO_CRM_LINKS,
    logger: createLogger('info', pino.destination({ dest: '/dev/null', sync: false })),
    ready: () => store.ping(),
    sessions: new InMemorySessionStore(),
    channelManagers: NO_CHANNEL_MANAGERS,
    hubspotClientSecret: SECRET,
    publicBaseUrl: undefined,
    demoTenant: null,
    cardPage: new CardPage(),
  });
  const server = await startServer(app, { port: 0, host: '127.0.0.1', onClose: () => store.close() });
  try {
    // Three company views for every deal view, the way reps open records.
    const records = [
      ...dataset.partners.flatMap((p) => [p, p, p].map(() => ['0-2', p.id] as const)),
      ...dataset.deals.slice(0, dataset.partners.length).map((d) => ['0-3', d.id] as const),
    ];
    let next = 0;
    const journey = () => {
      const [objectTypeId, objectId] = records[next++ % records.length] as readonly [string, string];
      const { url, init } = hubspotHeaders(
        { path: '/api/v1/hubspot/journey', query: [['objectTypeId', objectTypeId], ['objectId', objectId], ...identity(PORTAL, '1')], secret: SECRET, timestamp: Date.now() },
        server.url,
      );
      return fetch(url, init);
    };
    const health = () => fetch(`${server.url}/healthz`);
    const results: BenchResult[] = [];
    for (const [name, send] of [
      ['GET /healthz', health],
      ['GET /api/v1/hubspot/journey (signed)', journey],
    ] as const) {
      await load(send, connections, warmupMs);
      results.push({ name, connections, ...(await load(send, connections, durationMs)) });
    }
    return results;
  } finally {
    await server.close();
  }
}

async function load(send: () => Promise<Response>, connections: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          const response = await send();
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { requests: latencies.length, errors, seconds: round(seconds), requestsPerSecond: round(latencies.length / seconds), p50Ms: at(0.5), p99Ms: at(0.99) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function printApiBench(results: readonly BenchResult[]): void {
  console.table(results);
  const [health, journey] = results;
  if (health && journey) {
    console.log(
      `journey vs /healthz: ${round(journey.requestsPerSecond / health.requestsPerSecond)}× the throughput, ` +
        `${round(journey.p99Ms / health.p99Ms)}× the p99 latency (${journey.connections} connections)`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printApiBench(await runApiBench());
}
