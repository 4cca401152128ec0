import { afterEach, describe, expect, it } from 'vitest';
import { createHubspotAdapter } from '../../server/crm/hubspot/hubspot-adapter.ts';
import { AppError } from '../../server/errors/app-error.ts';
import { startHubspotSandbox } from '../../server/sandbox/hubspot/index.ts';
import { backfill, portalSeed, QUICK_RETRY, ROUTES, startHarness, type Harness } from './support.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function arrivals(h: Harness, route: string): number[] {
  return h.sandbox.state.requests.filter((r) => r.route === route).map((r) => r.at);
}

describe('HubSpot request discipline', () => {
  it('When HubSpot answers 429 TEN_SECONDLY_ROLLING with Retry-After, then the call waits that long and succeeds', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 1, dealsPerPartner: 1 }) });
    harness.sandbox.state.enqueueFault({ route: ROUTES.batchRead, status: 429, policyName: 'TEN_SECONDLY_ROLLING', retryAfterSeconds: 1 });
    const [deal] = await harness.adapter.getDeals(['9000001']);
    expect(deal?.id).toBe('9000001');
    const [first, second] = arrivals(harness, ROUTES.batchRead);
    expect(second! - first!).toBeGreaterThanOrEqual(1000);
    expect(harness.events.filter((e) => e.operation === 'read deals in batch').map((e) => e.outcome)).toEqual(['rate_limited', 'ok']);
  });

  it('When a search hits the SECONDLY policy without Retry-After, then it waits the configured secondly pause', async () => {
    harness = await startHarness({}, { retry: { ...QUICK_RETRY, secondlyWaitMs: 300 } });
    harness.sandbox.state.enqueueFault({ route: ROUTES.search, status: 429, policyName: 'SECONDLY' });
    await harness.adapter.pagePartners(null);
    const [first, second] = arrivals(harness, ROUTES.search);
    expect(second! - first!).toBeGreaterThanOrEqual(300);
  });

  it('When the DAILY limit is reached, then the call fails as rate_limited at once', async () => {
    harness = await startHarness();
    harness.sandbox.state.enqueueFault({ status: 429, policyName: 'DAILY', times: 5 });
    const error = await harness.adapter.pagePartners(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('DAILY') });
    expect(harness.sandbox.state.countRequests()).toBe(1);
  });

  it('When HubSpot answers 503 then 502, then the call is retried with backoff and succeeds', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 2, dealsPerPartner: 0 }) });
    harness.sandbox.state.enqueueFault({ route: ROUTES.search, status: 503 });
    harness.sandbox.state.enqueueFault({ route: ROUTES.search, status: 502 });
    const page = await harness.adapter.pagePartners(null);
    expect(page.items).toHaveLength(2);
    expect(harness.sandbox.state.requests.map((r) => r.status)).toEqual([503, 502, 200]);
  });

  it('When HubSpot stays unavailable, then the call fails as crm_unavailable after the configured attempts', async () => {
    harness = await startHarness({}, { retry: { ...QUICK_RETRY, maxAttempts: 3 } });
    harness.sandbox.state.enqueueFault({ status: 500, times: 10 });
    await expect(harness.adapter.getPartners(['1000001'])).rejects.toMatchObject({ code: 'crm_unavailable' });
    expect(harness.sandbox.state.countRequests()).toBe(3);
  });

  it('When a Retry-After is longer than we are willing to wait, then the call fails with retryAfterMs instead of blocking', async () => {
    harness = await startHarness({}, { retry: { ...QUICK_RETRY, maxRetryAfterMs: 2_000 } });
    harness.sandbox.state.enqueueFault({ status: 429, retryAfterSeconds: 3600 });
    await expect(harness.adapter.getPartners(['1000001'])).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 3_600_000 });
  });

  it('When the token is wrong, then the adapter reports unauthorized without retrying', async () => {
    const sandbox = await startHubspotSandbox();
    try {
      const adapter = createHubspotAdapter({ accessToken: 'pat-wrong', baseUrl: sandbox.baseUrl, retry: QUICK_RETRY });
      await expect(adapter.tenantId()).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('HUBSPOT_ACCESS_TOKEN') });
      expect(sandbox.state.countRequests()).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('When the app lacks a scope, then the adapter reports misconfigured naming the denial', async () => {
    harness = await startHarness({ scopes: ['crm.objects.companies.read'] });
    await expect(harness.adapter.getDeals(['9000001'])).rejects.toMatchObject({ code: 'misconfigured', message: expect.stringContaining('MISSING_SCOPES') });
  });

  it('When the settings are invalid, then creating the adapter fails naming the field', () => {
    expect(() => createHubspotAdapter({ accessToken: ' ', baseUrl: 'ftp://x' })).toThrow(
      expect.objectContaining({
        code: 'misconfigured',
        problems: expect.arrayContaining([expect.objectContaining({ field: 'hubspot.accessToken' }), expect.objectContaining({ field: 'hubspot.baseUrl' })]),
      }),
    );
  });

  it('When a backfill runs under a tight budget, then no window of the portal sees more requests than the budget', async () => {
    const budget = { general: { max: 8, windowMs: 400 }, search: { max: 2, windowMs: 250 } };
    harness = await startHarness(
      { seed: portalSeed({ partners: 450, dealsPerPartner: 4 }), rateLimits: budget },
      { limits: { requests: 8, windowMs: 400, searches: 2, searchWindowMs: 250 } },
    );
    const { partners, deals } = await backfill(harness.adapter);
    expect(partners).toHaveLength(450);
    expect(deals).toHaveLength(1800);
    const state = harness.sandbox.state;
    expect(state.countRequests()).toBeGreaterThan(24);
    expect(state.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(state.maxRequestsInWindow(400, (r) => r.route !== ROUTES.search)).toBeLessThanOrEqual(8);
    expect(state.maxRequestsInWindow(250, (r) => r.route === ROUTES.search)).toBeLessThanOrEqual(2);
  });

  it('When requests are counted, then the adapter count matches what HubSpot received', async () => {
    harness = await startHarness({ seed: portalSeed({ partners: 30, dealsPerPartner: 10 }), faults: { seed: 7, rate429: 0.2, rate5xx: 0.2 } });
    await backfill(harness.adapter);
    expect(harness.events.length).toBe(harness.sandbox.state.countRequests());
    expect(harness.events.filter((e) => e.outcome !== 'ok').length).toBe(harness.sandbox.state.requests.filter((r) => r.status !== 200 && r.status !== 207).length);
  });
});
