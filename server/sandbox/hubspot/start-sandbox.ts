import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { correlationIdFor, errorJson, matchPath, readJsonBody, SandboxHttpError, type ErrorShape } from './http-kit.ts';
import { RollingWindow } from './rate-windows.ts';
import { ALL_SCOPES, type SandboxRoute } from './route-kit.ts';
import { accountRoutes } from './routes/account-route.ts';
import { associationRoutes } from './routes/association-routes.ts';
import { objectRoutes } from './routes/object-routes.ts';
import { propertyRoutes } from './routes/property-routes.ts';
import { searchRoutes } from './routes/search-route.ts';
import { SANDBOX_DEFAULTS, type HubspotSandboxOptions } from './sandbox-options.ts';
import { SandboxState, type RequestLogEntry } from './sandbox-state.ts';
import { restoreState, StateSaver } from './state-file.ts';
import { WebhookEmitter, type SandboxWebhooks, type WebhookDelivery } from './webhook-emitter.ts';

export interface HubspotSandbox {
  /** Give this to the client as `basePath` (HUBSPOT_BASE_URL). */
  readonly baseUrl: string;
  readonly portalId: number;
  /** The only bearer token the sandbox accepts (HUBSPOT_ACCESS_TOKEN). */
  readonly token: string;
  readonly state: SandboxState;
  /** True when the portal was loaded from `stateFile` rather than started empty. */
  readonly restored: boolean;
  /** Starts sending webhooks for changes from now on (replacing earlier settings). */
  connectWebhooks(config: SandboxWebhooks): WebhookEmitter;
  /** Resolves once every webhook for the changes so far was delivered. */
  webhooksIdle(): Promise<void>;
  /** Webhook requests sent so far (every attempt), with their answers. */
  webhookDeliveries(): readonly WebhookDelivery[];
  /** Writes the portal to `stateFile` now (no-op without one). */
  save(): Promise<void>;
  /** Delivers pending webhooks, saves the portal, then stops the server. */
  close(): Promise<void>;
}

const ROUTES: readonly SandboxRoute[] = [...searchRoutes, ...objectRoutes, ...associationRoutes, ...propertyRoutes, ...accountRoutes];

const RATE_MESSAGES = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
} as const;

function rateLimited(policyName: keyof typeof RATE_MESSAGES, retryAfterSeconds?: number): SandboxHttpError {
  const shape: ErrorShape = {
    message: RATE_MESSAGES[policyName],
    category: 'RATE_LIMITS',
    extra: { errorType: 'RATE_LIMIT', policyName },
  };
  return new SandboxHttpError(429, shape, retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) });
}

/** Starts a local HTTP server speaking the part of HubSpot's CRM API the adapter uses. */
export async function startHubspotSandbox(options: HubspotSandboxOptions = {}): Promise<HubspotSandbox> {
  const token = options.token ?? SANDBOX_DEFAULTS.token;
  const state = new SandboxState({
    portalId: options.portalId ?? SANDBOX_DEFAULTS.portalId,
    token,
    clock: options.clock ?? Date.now,
    faults: options.faults,
    searchResultCap: options.searchResultCap ?? SANDBOX_DEFAULTS.searchResultCap,
    associationPageSize: options.associationPageSize ?? SANDBOX_DEFAULTS.associationPageSize,
  });
  const restored = options.stateFile ? await restoreState(state, options.stateFile) : false;
  if (options.partnerJourneySchema) state.declarePartnerJourneySchema();
  if (options.seed && !restored) state.seed(options.seed);
  const saver = options.stateFile ? new StateSaver(state, options.stateFile) : null;
  let emitter: WebhookEmitter | null = options.webhooks ? new WebhookEmitter(state.changes, state.portalId, options.webhooks, () => state.store.now()) : null;

  const scopes = new Set(options.scopes ?? ALL_SCOPES);
  const limits = options.rateLimits ?? {};
  const general = limits.general === false ? undefined : new RollingWindow(limits.general ?? SANDBOX_DEFAULTS.general);
  const searches = limits.search === false ? undefined : new RollingWindow(limits.search ?? SANDBOX_DEFAULTS.search);
  const daily = limits.daily === false || limits.daily === undefined ? Number.POSITIVE_INFINITY : limits.daily;
  let dailyUsed = 0;

  function admit(route: SandboxRoute): Record<string, string> {
    if (dailyUsed >= daily) throw rateLimited('DAILY');
    const window = route.search ? searches : general;
    const now = performance.now();
    const result = window?.tryAcquire(now);
    if (result && !result.ok) {
      throw rateLimited(route.search ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING', limits.retryAfter ? Math.ceil(result.waitMs / 1000) : undefined);
    }
    dailyUsed += 1;
    // HubSpot leaves the rate-limit headers off search answers.
    if (!window || route.search || !result?.ok) return {};
    return {
      'x-hubspot-ratelimit-max': String(window.window.max),
      'x-hubspot-ratelimit-remaining': String(result.remaining),
      'x-hubspot-ratelimit-interval-milliseconds': String(window.window.windowMs),
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse, entry: RequestLogEntry): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const body = await readJsonBody(request).catch((error: unknown) => error);
    const candidates = ROUTES.map((route) => ({ route, match: matchPath(route.pattern, url.pathname) })).filter((c) => c.match);
    const found = candidates.find((c) => c.route.method === request.method);
    if (!found?.match) {
      throw new SandboxHttpError(candidates.length > 0 ? 405 : 404, {
        message: candidates.length > 0 ? `Method ${request.method ?? ''} not allowed here.` : `No API at ${url.pathname}.`,
        category: 'OBJECT_NOT_FOUND',
      });
    }
    const { route, match } = found;
    Object.assign(entry, { route: `${route.method} ${route.pattern}` });
    if (request.headers.authorization !== `Bearer ${token}`) {
      throw new SandboxHttpError(401, {
        message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        category: 'INVALID_AUTHENTICATION',
      });
    }
    const needed = route.scopes(match.params);
    if (needed.length > 0 && !needed.some((s) => scopes.has(s))) {
      throw new SandboxHttpError(403, {
        message: 'This app hasn\'t been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.',
        category: 'MISSING_SCOPES',
        errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: needed } }],
      });
    }
    const headers = admit(route);
    const fault = state.faults.decide(entry.route, route.search === true);
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.kind === 'rate_limit') throw rateLimited(fault.policyName, fault.retryAfterSeconds);
    if (fault.kind === 'server_error') {
      throw new SandboxHttpError(fault.status, {
        message: fault.status === 503 ? 'The service is temporarily unavailable; retry in a few seconds.' : 'An internal error occurred.',
        category: fault.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR',
      });
    }
    if (body instanceof Error) throw body;
    const result = await route.handle({ state, params: match.params, query: url.searchParams, body });
    send(response, result.status, result.body, headers);
  }

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    response.end(text);
  }

  const server = createServer((request, response) => {
    const entry: RequestLogEntry = { method: request.method ?? 'GET', route: 'unknown', path: request.url ?? '/', at: performance.now(), status: 0 };
    state.requests.push(entry);
    handle(request, response, entry)
      .catch((error: unknown) => {
        const failure =
          error instanceof SandboxHttpError
            ? error
            : new SandboxHttpError(500, { message: `Sandbox failure: ${error instanceof Error ? error.message : String(error)}`, category: 'INTERNAL_ERROR' });
        send(response, failure.status, errorJson(failure.shape, correlationIdFor(state.nextCorrelationId())), failure.headers);
      })
      .finally(() => {
        entry.status = response.statusCode;
        if (saver && request.method !== 'GET' && response.statusCode < 300) saver.schedule();
      });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? SANDBOX_DEFAULTS.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://${address.address}:${address.port}`,
    portalId: state.portalId,
    token,
    state,
    restored,
    connectWebhooks(config) {
      void emitter?.close();
      emitter = new WebhookEmitter(state.changes, state.portalId, config, () => state.store.now());
      return emitter;
    },
    webhooksIdle: async () => {
      await emitter?.idle();
    },
    webhookDeliveries: () => emitter?.deliveries ?? [],
    save: async () => {
      await saver?.save();
    },
    async close() {
      await emitter?.close();
      await saver?.save();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
