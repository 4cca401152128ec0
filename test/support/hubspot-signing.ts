import { Signature } from '@hubspot/api-client';

/**
 * Calls a service the way `hubspot.fetch` does: identity parameters appended to the query, and
 * the request signed with v3 by the HubSpot SDK's own `Signature.getSignature` (an implementation
 * independent of the verifier under test).
 */
export interface HubSpotCall {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  /** Query parameters in order, identity parameters included (repeat a name to duplicate it). */
  readonly query?: readonly (readonly [string, string])[];
  readonly body?: unknown;
  readonly secret: string;
  readonly timestamp: number;
  /** The origin the signature covers (PUBLIC_BASE_URL); defaults to the origin the request goes to. */
  readonly signedOrigin?: string;
  /** Changes applied after signing, to tamper with the request. */
  readonly tamper?: { readonly body?: string; readonly query?: readonly (readonly [string, string])[]; readonly headers?: Record<string, string | null> };
}

export function identity(portalId: string, userId: string, userEmail = `user${userId}@example.com`): [string, string][] {
  return [
    ['portalId', portalId],
    ['userId', userId],
    ['userEmail', userEmail],
    ['appId', '4242'],
  ];
}

export function hubspotHeaders(call: HubSpotCall, origin: string): { url: string; init: RequestInit } {
  const method = call.method ?? 'GET';
  const pathAndQuery = (query: readonly (readonly [string, string])[] | undefined) =>
    `${call.path}${query && query.length > 0 ? `?${new URLSearchParams(query.map(([k, v]) => [k, v])).toString()}` : ''}`;
  const signedPath = pathAndQuery(call.query);
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const signature = Signature.getSignature(method, 'v3', {
    signature: '',
    clientSecret: call.secret,
    requestBody: body,
    url: `${call.signedOrigin ?? origin}${signedPath}`,
    timestamp: call.timestamp,
  });
  const headers: Record<string, string> = {
    'X-HubSpot-Signature-v3': signature,
    'X-HubSpot-Request-Timestamp': String(call.timestamp),
  };
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  for (const [name, value] of Object.entries(call.tamper?.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const sentPath = call.tamper?.query ? pathAndQuery(call.tamper.query) : signedPath;
  const sentBody = call.tamper?.body ?? body;
  return { url: `${origin}${sentPath}`, init: { method, headers, ...(method === 'POST' ? { body: sentBody } : {}) } };
}

export function hubspotFetch(origin: string, call: HubSpotCall): Promise<Response> {
  const { url, init } = hubspotHeaders(call, origin);
  return fetch(url, init);
}
