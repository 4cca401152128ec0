import type { SandboxWebhooks } from './webhook-emitter.ts';

/** What a test or the demo can configure on the HubSpot API sandbox. */

export interface RateWindow {
  readonly max: number;
  readonly windowMs: number;
}

export interface SandboxRateLimits {
  /** Every request except searches (HubSpot's TEN_SECONDLY_ROLLING policy); default 100 per 10 s. */
  readonly general?: RateWindow | false;
  /** Search requests (the SECONDLY policy); default 4 per second. */
  readonly search?: RateWindow | false;
  /** Requests per sandbox lifetime before the DAILY policy answers 429; off by default. */
  readonly daily?: number | false;
  /** Add `Retry-After` (whole seconds until a slot frees) to these 429s; HubSpot does not promise it. */
  readonly retryAfter?: boolean;
}

export interface SandboxFaults {
  /** Seed of the fault dice; the same seed and the same request order give the same faults. */
  readonly seed?: number;
  /** Share of requests answered 429 (TEN_SECONDLY_ROLLING, or SECONDLY for searches). */
  readonly rate429?: number;
  /** Share of requests answered with a 5xx status. */
  readonly rate5xx?: number;
  /** The 5xx statuses to pick from; default [503]. */
  readonly statuses5xx?: readonly number[];
  /** Share of requests delayed, and by how long. */
  readonly latency?: { readonly rate: number; readonly minMs: number; readonly maxMs: number };
  /** When set, rate-limit answers carry `Retry-After` with this many seconds. */
  readonly retryAfterSeconds?: number;
}

export interface SeedRecord {
  readonly id?: string;
  /** Property values as HubSpot stores them (strings); dates may be ISO or epoch ms. */
  readonly properties: Readonly<Record<string, string | null | undefined>>;
}

export interface SeedDeal extends SeedRecord {
  /** Companies linked to the deal with the user-defined "Partner" label (needs the partner-journey schema). */
  readonly partnerCompanyIds?: readonly string[];
  /** Companies linked with the plain (unlabeled) association only. */
  readonly companyIds?: readonly string[];
}

export interface SandboxSeed {
  readonly companies?: readonly SeedRecord[];
  readonly deals?: readonly SeedDeal[];
}

export interface HubspotSandboxOptions {
  readonly host?: string;
  readonly port?: number;
  readonly portalId?: number;
  /** The bearer token the sandbox accepts; any other answers 401. */
  readonly token?: string;
  /** Scopes granted to the token; default: every scope the sandbox knows. */
  readonly scopes?: readonly string[];
  /** Declare our property group, properties and the "Partner" label at start, as `setup` would. */
  readonly partnerJourneySchema?: boolean;
  readonly seed?: SandboxSeed;
  readonly rateLimits?: SandboxRateLimits;
  readonly faults?: SandboxFaults;
  /** Results one search query may page through (HubSpot: 10,000). */
  readonly searchResultCap?: number;
  /** Associations returned per input by the v4 batch read before paging. */
  readonly associationPageSize?: number;
  /** Milliseconds since the epoch; default Date.now. Every write stamps hs_lastmodifieddate with it. */
  readonly clock?: () => number;
  /** A JSON file the portal is loaded from at start (when present) and saved to after API writes and at close. */
  readonly stateFile?: string;
  /** Send the app's webhooks for changes made after start. */
  readonly webhooks?: SandboxWebhooks;
}

export const SANDBOX_DEFAULTS = {
  host: '127.0.0.1',
  portalId: 40_000_001,
  token: 'pat-sandbox-token',
  general: { max: 100, windowMs: 10_000 },
  search: { max: 4, windowMs: 1_000 },
  searchResultCap: 10_000,
  associationPageSize: 500,
} as const;
