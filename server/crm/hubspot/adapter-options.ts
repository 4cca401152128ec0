import { z } from 'zod';
import { LOCALES } from '../../../shared/i18n/locale.ts';
import { describeIssues } from '../../../shared/validation/issues.ts';
import { AppError } from '../../errors/app-error.ts';

export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

export const hubspotAdapterOptionsSchema = z.object({
  /** HUBSPOT_ACCESS_TOKEN: the private app's token. */
  accessToken: z.string().trim().min(1, { error: 'is required (the private app access token)' }),
  /** HUBSPOT_BASE_URL: the real API unless pointed at the sandbox. */
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(HUBSPOT_API_BASE_URL),
  /** Language of setup labels and problems. */
  locale: z.enum(LOCALES).default('en'),
  /** Our client-side budget; defaults stay under a Free/Starter private app's limits. */
  limits: z
    .object({
      requests: positiveInt.default(100),
      windowMs: positiveInt.default(10_000),
      searches: positiveInt.default(4),
      searchWindowMs: positiveInt.default(1_000),
    })
    .prefault({}),
  retry: z
    .object({
      /** Attempts per call, the first one included. */
      maxAttempts: positiveInt.max(50).default(10),
      /** 5xx / network backoff: base × 2^(attempt-1), capped. */
      baseDelayMs: nonNegativeInt.default(500),
      maxDelayMs: nonNegativeInt.default(30_000),
      /** Waits after a 429 without Retry-After, by policy. */
      tenSecondlyWaitMs: nonNegativeInt.default(10_000),
      secondlyWaitMs: nonNegativeInt.default(1_000),
      /** A Retry-After longer than this is not waited for: the call fails as rate_limited / crm_unavailable. */
      maxRetryAfterMs: nonNegativeInt.default(60_000),
      /** The SDK has no timeout of its own (hubspot-api-nodejs#387). */
      requestTimeoutMs: positiveInt.default(30_000),
    })
    .prefault({}),
  /** Batch reads in flight at once during a backfill (the limiter still decides when each goes). */
  concurrency: positiveInt.max(10).default(4),
});

export type HubspotAdapterConfig = z.output<typeof hubspotAdapterOptionsSchema>;

/** Something that happened to one HTTP request, for counters and benchmarks. */
export interface HubspotRequestEvent {
  readonly operation: string;
  readonly attempt: number;
  /** `ok`, or why the attempt will be retried / failed. */
  readonly outcome: 'ok' | 'rate_limited' | 'transient' | 'final';
}

export type HubspotAdapterOptions = z.input<typeof hubspotAdapterOptionsSchema> & {
  readonly onRequest?: (event: HubspotRequestEvent) => void;
};

export function parseAdapterOptions(options: HubspotAdapterOptions): HubspotAdapterConfig {
  const result = hubspotAdapterOptionsSchema.safeParse(options);
  if (!result.success) {
    throw new AppError('misconfigured', 'The HubSpot adapter settings are invalid', { problems: describeIssues(result.error, 'hubspot') });
  }
  return result.data;
}
