import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';

/** A failed answer in the SDK's ApiException shape, for calls made outside the generated APIs. */
export class HttpFailure extends Error {
  readonly code: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(code: number, body: unknown, headers: Record<string, string>) {
    super(`HubSpot answered HTTP ${code}`);
    this.code = code;
    this.body = body;
    this.headers = headers;
  }
}

/** A request that took longer than our own timeout (the SDK has none). */
export class RequestTimeout extends Error {}

const apiExceptionSchema = z.object({
  code: z.number().int(),
  body: z.unknown(),
  headers: z.record(z.string(), z.string()).optional(),
});

const errorBodySchema = z
  .object({
    message: z.string().optional(),
    category: z.string().optional(),
    subCategory: z.string().optional(),
    policyName: z.string().optional(),
    correlationId: z.string().optional(),
    errors: z.array(z.object({ message: z.string().optional(), context: z.record(z.string(), z.unknown()).optional() }).loose()).optional(),
  })
  .loose();

export type ErrorBody = z.infer<typeof errorBodySchema>;

export type Failure =
  | { readonly kind: 'rate_limited'; readonly policyName: string | null; readonly retryAfterMs: number | null; readonly body: ErrorBody }
  | { readonly kind: 'transient'; readonly status: number | null; readonly retryAfterMs: number | null; readonly body: ErrorBody }
  | { readonly kind: 'final'; readonly status: number; readonly body: ErrorBody };

/** `Retry-After` as delta-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string> | undefined, now = Date.now()): number | null {
  const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
  if (raw === undefined || raw.trim() === '') return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Sorts what a call threw into: retry by policy, retry with backoff, or give up. */
export function classifyFailure(error: unknown): Failure {
  const parsed = apiExceptionSchema.safeParse(error);
  if (!parsed.success) {
    // No HTTP answer at all: a refused or reset connection, DNS, or our own timeout.
    return { kind: 'transient', status: null, retryAfterMs: null, body: { message: error instanceof Error ? error.message : String(error) } };
  }
  const { code, headers } = parsed.data;
  const body = errorBodySchema.safeParse(parsed.data.body);
  const errorBody: ErrorBody = body.success ? body.data : {};
  const wait = retryAfterMs(headers);
  if (code === 429) return { kind: 'rate_limited', policyName: errorBody.policyName ?? null, retryAfterMs: wait, body: errorBody };
  // 423: HubSpot locks a record for ~2 s under heavy writes; 477: portal migration with Retry-After.
  if (code >= 500 || code === 423 || code === 477) return { kind: 'transient', status: code, retryAfterMs: wait ?? (code === 423 ? 2_000 : null), body: errorBody };
  return { kind: 'final', status: code, body: errorBody };
}

function detail(body: ErrorBody): string {
  const parts = [body.category, body.message].filter((p): p is string => typeof p === 'string' && p !== '');
  const correlation = body.correlationId ? ` (correlationId ${body.correlationId})` : '';
  return parts.length > 0 ? `${parts.join(': ')}${correlation}` : `no detail${correlation}`;
}

/** What a final answer means for us; the cause carries status and category, never headers or tokens. */
export function finalError(operation: string, status: number, body: ErrorBody): AppError {
  const cause = { status, category: body.category, subCategory: body.subCategory, correlationId: body.correlationId };
  switch (status) {
    case 401:
      return new AppError('unauthorized', `HubSpot refused the access token while trying to ${operation} (HTTP 401); check HUBSPOT_ACCESS_TOKEN`, { cause });
    case 403:
      return new AppError('misconfigured', `HubSpot denied "${operation}" (HTTP 403, ${detail(body)}); grant the app the scopes listed in the README`, { cause });
    case 404:
      return new AppError('not_found', `HubSpot found nothing to ${operation} (HTTP 404, ${detail(body)})`, { cause });
    case 409:
      return new AppError('conflict', `HubSpot reported a conflict while trying to ${operation} (HTTP 409, ${detail(body)})`, { cause });
    default:
      return new AppError('misconfigured', `HubSpot rejected "${operation}" (HTTP ${status}, ${detail(body)})`, { cause });
  }
}

export function exhaustedError(operation: string, failure: Failure, attempts: number): AppError {
  if (failure.kind === 'rate_limited') {
    return new AppError('rate_limited', `HubSpot rate limit (${failure.policyName ?? 'unnamed policy'}) still reached after ${attempts} attempts to ${operation}`, {
      ...(failure.retryAfterMs === null ? {} : { retryAfterMs: failure.retryAfterMs }),
      cause: { policyName: failure.policyName, correlationId: failure.body.correlationId },
    });
  }
  const status = failure.status;
  return new AppError('crm_unavailable', `HubSpot is unavailable: ${attempts} attempts to ${operation} failed (last: ${status === null ? 'no answer' : `HTTP ${status}`}, ${detail(failure.body)})`, {
    ...(failure.kind !== 'final' && failure.retryAfterMs !== null ? { retryAfterMs: failure.retryAfterMs } : {}),
    cause: { status, correlationId: failure.body.correlationId },
  });
}

/** The HTTP status behind an AppError raised here, when there was an answer. */
export function httpStatusOf(error: AppError): number | undefined {
  const cause = error.cause;
  if (typeof cause === 'object' && cause !== null && 'status' in cause && typeof cause.status === 'number') return cause.status;
  return undefined;
}
