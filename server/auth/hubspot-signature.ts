import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HubSpot request signature v3: base64(HMAC-SHA256(client secret, method + URL + body + timestamp)),
 * header `X-HubSpot-Request-Timestamp` in epoch milliseconds. Written on node:crypto because the
 * SDK's helper accepts timestamps from the future and compares with `===`.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface HubSpotSignedRequest {
  readonly method: string;
  /** The full URL HubSpot called: public origin + original path and query. */
  readonly url: string;
  readonly rawBody: Buffer;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

export type SignatureVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

export function verifyHubSpotSignatureV3(request: HubSpotSignedRequest, clientSecret: string, now: number): SignatureVerdict {
  const { signature, timestamp } = request;
  if (!signature) return { ok: false, reason: 'the X-HubSpot-Signature-v3 header is missing' };
  if (!timestamp) return { ok: false, reason: 'the X-HubSpot-Request-Timestamp header is missing' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'the request timestamp is not epoch milliseconds' };
  if (Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: 'the request timestamp is more than 5 minutes away from now' };
  }
  if (!BASE64_SHA256.test(signature)) return { ok: false, reason: 'the signature does not match' };
  const given = Buffer.from(signature, 'base64');
  // Compare against every candidate without stopping early, so timing says nothing about which one matched.
  let matched = false;
  for (const url of urlCandidates(request.url)) {
    const expected = signV3(clientSecret, request.method, url, request.rawBody, timestamp);
    matched = timingSafeEqual(expected, given) || matched;
  }
  return matched ? { ok: true } : { ok: false, reason: 'the signature does not match' };
}

export function signV3(clientSecret: string, method: string, url: string, rawBody: Buffer | string, timestamp: string): Buffer {
  return createHmac('sha256', clientSecret)
    .update(`${method.toUpperCase()}${url}`, 'utf8')
    .update(rawBody)
    .update(timestamp, 'utf8')
    .digest();
}

/**
 * HubSpot's documentation has the URI's percent-encoded reserved characters decoded before
 * hashing; `hubspot.fetch` may or may not have encoded them. Accept either spelling of the URL.
 */
const DECODED_BEFORE_HASHING = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

export function urlCandidates(url: string): string[] {
  const decoded = url.replace(DECODED_BEFORE_HASHING, (escape) => decodeURIComponent(escape));
  return decoded === url ? [url] : [url, decoded];
}
