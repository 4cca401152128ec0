import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS, verifyHubSpotSignatureV3, type HubSpotSignedRequest } from '../../server/auth/hubspot-signature.ts';

const NOW = 1_782_820_800_000;

function sdkSigned(method: string, url: string, body: string, secret: string, timestamp: number): HubSpotSignedRequest {
  const signature = Signature.getSignature(method, 'v3', { signature: '', clientSecret: secret, requestBody: body, url, timestamp });
  return { method, url, rawBody: Buffer.from(body, 'utf8'), signature, timestamp: String(timestamp) };
}

describe('HubSpot signature v3 verifier', () => {
  it("accepts the vector from HubSpot's documented algorithm", () => {
    const verdict = verifyHubSpotSignatureV3(
      {
        method: 'POST',
        url: 'https://partners.example.com/api/journey?portalId=123',
        rawBody: Buffer.from('{"stage":"ONBOARD"}'),
        signature: 'ngKB9Y4YfwwfrkOqbxJgmmFeYkzMMiKbeJsI5qXC0j8=',
        timestamp: '1700000000000',
      },
      'test-secret',
      1_700_000_000_000 + 1_000,
    );
    expect(verdict).toEqual({ ok: true });
  });

  it.each([
    ['GET', 'https://partners.example.com/api/v1/hubspot/journey?objectTypeId=0-2&objectId=7&portalId=99&userId=5&userEmail=ana%40example.com&appId=1', ''],
    ['POST', 'https://partners.example.com/api/v1/hubspot/stage?portalId=99&userId=5', '{"objectId":"7","stage":"mature","reason":"Ótimo trimestre — três vitórias"}'],
    ['POST', 'https://partners.example.com/base/path/api?portalId=1', '{"emoji":"🚀","nested":{"a":[1,2,3]}}'],
  ])('accepts requests the HubSpot SDK signed (%s %s)', (method, url, body) => {
    expect(verifyHubSpotSignatureV3(sdkSigned(method, url, body, 'client-secret-1', NOW), 'client-secret-1', NOW)).toEqual({ ok: true });
  });

  it('accepts a URL signed with its reserved characters decoded, as the documentation describes', () => {
    const sent = 'https://p.example.com/api?userEmail=ana%40example.com&objectId=1%3A2';
    const signedAs = 'https://p.example.com/api?userEmail=ana@example.com&objectId=1:2';
    const request = { ...sdkSigned('GET', signedAs, '', 's', NOW), url: sent };
    expect(verifyHubSpotSignatureV3(request, 's', NOW)).toEqual({ ok: true });
  });

  it('rejects another secret, a changed method, URL or body', () => {
    const good = sdkSigned('POST', 'https://p.example.com/api?portalId=1', '{"a":1}', 'secret', NOW);
    const mismatch = { ok: false, reason: 'the signature does not match' };
    expect(verifyHubSpotSignatureV3(good, 'other-secret', NOW)).toEqual(mismatch);
    expect(verifyHubSpotSignatureV3({ ...good, method: 'PUT' }, 'secret', NOW)).toEqual(mismatch);
    expect(verifyHubSpotSignatureV3({ ...good, url: 'https://p.example.com/api?portalId=2' }, 'secret', NOW)).toEqual(mismatch);
    expect(verifyHubSpotSignatureV3({ ...good, rawBody: Buffer.from('{"a":2}') }, 'secret', NOW)).toEqual(mismatch);
    expect(verifyHubSpotSignatureV3({ ...good, signature: 'not base64!' }, 'secret', NOW)).toEqual(mismatch);
  });

  it('accepts timestamps up to 5 minutes away in either direction and rejects anything further', () => {
    const at = (timestamp: number) => sdkSigned('GET', 'https://p.example.com/api', '', 's', timestamp);
    expect(verifyHubSpotSignatureV3(at(NOW - MAX_CLOCK_SKEW_MS), 's', NOW).ok).toBe(true);
    expect(verifyHubSpotSignatureV3(at(NOW + MAX_CLOCK_SKEW_MS), 's', NOW).ok).toBe(true);
    expect(verifyHubSpotSignatureV3(at(NOW - MAX_CLOCK_SKEW_MS - 1), 's', NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/5 minutes/) });
    // The SDK's own helper lets this one through; a replay window must not open towards the future.
    expect(verifyHubSpotSignatureV3(at(NOW + MAX_CLOCK_SKEW_MS + 1), 's', NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/5 minutes/) });
  });

  it('names the missing or malformed header', () => {
    const good = sdkSigned('GET', 'https://p.example.com/api', '', 's', NOW);
    expect(verifyHubSpotSignatureV3({ ...good, signature: undefined }, 's', NOW)).toMatchObject({ reason: expect.stringMatching(/X-HubSpot-Signature-v3/) });
    expect(verifyHubSpotSignatureV3({ ...good, timestamp: undefined }, 's', NOW)).toMatchObject({ reason: expect.stringMatching(/X-HubSpot-Request-Timestamp/) });
    expect(verifyHubSpotSignatureV3({ ...good, timestamp: '17e11' }, 's', NOW)).toMatchObject({ reason: expect.stringMatching(/epoch milliseconds/) });
  });
});
