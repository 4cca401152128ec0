import { hubspot } from '@hubspot/ui-extensions';
import { z } from 'zod';
import {
  journeyResponseSchema,
  problemSchema,
  type ActionRequest,
  type JourneyResponse,
  type Problem,
  type StageChangeRequest,
} from './vendor/shared/api/journey-api.ts';
import type { Locale } from './vendor/shared/i18n/locale.ts';

/** Why a call gave no journey: the card falls back to the record's synced values for all but `problem`. */
export type CallFailure =
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'invalid-response'; readonly detail: string };

export type CallOutcome = { readonly ok: true; readonly response: JourneyResponse } | { readonly ok: false; readonly failure: CallFailure };

export interface JourneyClient {
  load(): Promise<CallOutcome>;
  changeStage(request: StageChangeRequest): Promise<CallOutcome>;
  setActionDone(request: ActionRequest): Promise<CallOutcome>;
}

export interface JourneyClientOptions {
  readonly serviceOrigin: string;
  readonly objectTypeId: string;
  readonly objectId: string;
  /** Sent so the service writes reasons and labels in the viewer's language. */
  readonly locale: Locale;
  readonly timeoutMs: number;
}

type Method = 'GET' | 'POST';

/**
 * All calls to the service go through hubspot.fetch, which signs them (v3) and adds the portal and
 * user. Every answer is parsed with the shared schemas, so the card never renders a shape the
 * service did not promise.
 */
export function createJourneyClient(options: JourneyClientOptions): JourneyClient {
  const url = (path: string, query: Record<string, string>) => {
    const target = new URL(path, options.serviceOrigin);
    for (const [key, value] of Object.entries({ ...query, locale: options.locale })) target.searchParams.set(key, value);
    return target.toString();
  };
  const call = (method: Method, target: string, body?: Record<string, unknown>) => callService(method, target, body, options.timeoutMs);
  return {
    load: () => call('GET', url('/api/v1/hubspot/journey', { objectTypeId: options.objectTypeId, objectId: options.objectId })),
    changeStage: (request) => call('POST', url('/api/v1/hubspot/stage', {}), { ...request }),
    setActionDone: (request) => call('POST', url('/api/v1/hubspot/actions', {}), { ...request }),
  };
}

async function callService(method: Method, url: string, body: Record<string, unknown> | undefined, timeoutMs: number): Promise<CallOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const request = hubspot.fetch(url, { method, timeout: timeoutMs, ...(body ? { body } : {}) });
    const response = await Promise.race([request, timedOut]);
    if (response === 'timeout') return { ok: false, failure: { kind: 'timeout' } };
    return await readAnswer(response);
  } catch {
    return { ok: false, failure: { kind: 'unreachable' } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * HubSpot's proxy does not pass a failing answer through: for an upstream 3xx–5xx it answers with
 * its own envelope carrying the service's body in `responseBody` (see AppProxyService in
 * @hubspot/ui-extensions-dev-server, which mirrors the production proxy).
 */
const proxyErrorSchema = z.object({
  status: z.literal('error'),
  responseBody: z.unknown().optional(),
});

function unwrapProxyError(json: unknown): { readonly upstream: unknown } | null {
  const envelope = proxyErrorSchema.safeParse(json);
  if (!envelope.success) return null;
  const body = envelope.data.responseBody;
  if (typeof body !== 'string') return { upstream: body };
  try {
    return { upstream: JSON.parse(body) as unknown };
  } catch {
    return { upstream: null };
  }
}

function failureFrom(body: unknown): CallOutcome {
  const problem = problemSchema.safeParse(body);
  // A 4xx is the service telling the card something; anything else means it is not answering.
  return problem.success && problem.data.status < 500
    ? { ok: false, failure: { kind: 'problem', problem: problem.data } }
    : { ok: false, failure: { kind: 'unreachable' } };
}

async function readAnswer(response: Response): Promise<CallOutcome> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return response.ok
      ? { ok: false, failure: { kind: 'invalid-response', detail: 'the body is not JSON' } }
      : { ok: false, failure: { kind: 'unreachable' } };
  }
  const proxied = unwrapProxyError(json);
  if (proxied) return failureFrom(proxied.upstream);
  if (!response.ok) return failureFrom(json);
  const parsed = journeyResponseSchema.safeParse(json);
  if (parsed.success) return { ok: true, response: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, failure: { kind: 'invalid-response', detail: first ? `${first.path.join('.')}: ${first.message}` : 'unexpected shape' } };
}
