import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../shared/api/journey-api.ts';
import { DEMO_TENANT, seedDemo } from '../support/seed-store.ts';
import { hubspotFetch, identity } from '../support/hubspot-signing.ts';
import { startTestService, TEST_NOW, type TestService } from '../support/test-service.ts';

let service: TestService;
let healthy = true;
beforeAll(async () => {
  service = await startTestService({
    demoTenant: DEMO_TENANT,
    hubspotClientSecret: 'super-secret-client-value',
    ready: async () => {
      if (!healthy) throw new Error('database down');
    },
  });
  await seedDemo(service.store, DEMO_TENANT, TEST_NOW);
});
afterAll(async () => {
  await service?.close();
});

describe('service basics', () => {
  it('answers /healthz while up and /readyz only while the database answers', async () => {
    expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    healthy = false;
    try {
      const response = await fetch(`${service.url}/readyz`);
      expect(response.status).toBe(503);
      expect(problemSchema.parse(await response.json()).detail).toBe('the database is not reachable');
    } finally {
      healthy = true;
    }
  });

  it('answers unknown routes with a 404 problem document carrying the request id', async () => {
    const response = await fetch(`${service.url}/nope`, { headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(problemSchema.parse(await response.json())).toMatchObject({ status: 404, requestId: 'trace-abc-123', type: 'urn:partner-journey:problem:not-found' });
  });

  it('answers a body over a route’s own limit with a 413 problem document naming that limit', async () => {
    const canvas = await fetch(`${service.url}/salesforce/canvas`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `signed_request=${'a'.repeat(100_000)}`,
    });
    expect(canvas.status).toBe(413);
    expect(problemSchema.parse(await canvas.json())).toMatchObject({
      detail: 'the request body is larger than 80 KB',
      errors: [{ field: '(body)', problem: 'must be at most 80 KB' }],
    });
    const json = await fetch(`${service.url}/api/v1/evaluate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    });
    expect(json.status).toBe(413);
    expect(problemSchema.parse(await json.json()).errors).toEqual([{ field: '(body)', problem: 'must be at most 1 MB' }]);
  });

  it('makes up a request id when the caller sends none or a malformed one', async () => {
    const response = await fetch(`${service.url}/healthz`, { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends helmet’s security headers', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('never writes tokens, signatures, secrets or signed requests to the log', async () => {
    const session = (await (await fetch(`${service.url}/preview/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'manager' }),
    })).json()) as { token: string };
    await fetch(`${service.url}/api/v1/card/partners?signed_request=canvas-secret-payload`, { headers: { Authorization: `Bearer ${session.token}` } });
    const signed = await hubspotFetch(service.url, {
      path: '/api/v1/hubspot/journey',
      query: [['objectTypeId', '0-2'], ['objectId', 'p-001'], ...identity('77', '1')],
      secret: 'super-secret-client-value',
      timestamp: service.clock.now,
    });
    // Verified, then not found: portal 77 has no partners.
    expect(signed.status).toBe(404);
    const badSignature = await hubspotFetch(service.url, {
      path: '/api/v1/hubspot/journey',
      query: identity('77', '1'),
      secret: 'wrong',
      timestamp: service.clock.now,
    });
    expect(badSignature.status).toBe(401);
    service.deps.logger.info({ hubspot: { clientSecret: 'super-secret-client-value' }, token: session.token }, 'probe');
    const logs = service.logs();
    expect(logs).toContain('"msg":"probe"');
    expect(logs).toContain('HubSpot request rejected');
    for (const secret of [session.token, 'super-secret-client-value', 'canvas-secret-payload', 'user1@example.com']) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/[A-Za-z0-9+/]{43}=/);
  });
});
