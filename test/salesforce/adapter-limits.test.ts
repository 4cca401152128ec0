import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors/app-error.ts';
import { adapterFor, manualClock, withSandbox } from './support/harness.ts';
import { buildSeed } from './support/seed.ts';

const seed = buildSeed({ partners: 10, deals: 30 });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('Salesforce API limits (real jsforce against the sandbox)', () => {
  it('When Salesforce answers REQUEST_LIMIT_EXCEEDED, then the adapter stops with rate_limited and a back-off, without retrying', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { rateLimitBackoffMs: 600_000 });
      await adapter.tenantId();
      sandbox.state.faults.queue('request-limit');
      const error = await failure(adapter.pagePartners(null));
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBe(600_000);
      expect(error.message).toMatch(/REQUEST_LIMIT_EXCEEDED/);
      expect(sandbox.state.requests().filter((r) => r.status === 403)).toHaveLength(1);
      expect((await adapter.pagePartners(null)).items).toHaveLength(10);
    });
  });

  it('When the org runs out of its daily allocation, then Salesforce refuses every call and the adapter reports rate_limited', async () => {
    await withSandbox({ seed, dailyApiLimit: 1_000, apiUsed: 1_000 }, async (sandbox) => {
      const error = await failure(adapterFor(sandbox, { apiBudgetShare: 1 }).pagePartners(null));
      expect(error.code).toBe('rate_limited');
    });
  });

  it('When usage passes the configured share of the daily allocation, then the adapter stops before the next call and says why', async () => {
    await withSandbox({ seed, dailyApiLimit: 10_000, apiUsed: 4_996 }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { pageSize: 2 });
      let pages = 0;
      let after: string | null = null;
      const error = await failure(
        (async () => {
          do {
            const page = await adapter.pagePartners(after);
            pages += 1;
            after = page.next;
          } while (after !== null);
        })(),
      );
      expect(pages).toBe(4);
      expect(adapter.apiUsage()).toEqual({ used: 5_000, limit: 10_000 });
      expect(error.code).toBe('rate_limited');
      expect(error.message).toMatch(/5,000 of 10,000 daily Salesforce API calls used \(50%\).*up to 50% \(SALESFORCE_API_BUDGET\)/);
      const writes = await failure(adapter.writePartnerOutputs([{ partnerId: sandbox.state.idOf('p0'), outputs: { stage: 'recruit' } }]));
      expect(writes.code).toBe('rate_limited');
      expect(sandbox.state.apiUsage().used).toBe(5_000);
    });
  });

  it('When the back-off after a budget stop has passed, then one call goes through to learn whether usage fell', async () => {
    const clock = manualClock();
    await withSandbox({ seed, dailyApiLimit: 1_000, apiUsed: 499, clock: clock.now }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { clock: clock.now, rateLimitBackoffMs: 900_000 });
      await adapter.pagePartners(null);
      expect((await failure(adapter.pagePartners(null))).code).toBe('rate_limited');
      sandbox.state.setApiUsage(100);
      clock.advance(899_000);
      expect((await failure(adapter.pagePartners(null))).code).toBe('rate_limited');
      clock.advance(1_000);
      expect((await adapter.pagePartners(null)).items).toHaveLength(10);
      expect(adapter.apiUsage()).toEqual({ used: 101, limit: 1_000 });
      expect((await adapter.pagePartners(null)).items).toHaveLength(10);
    });
  });

  it('When a budget share is set higher, then the adapter keeps going below it', async () => {
    await withSandbox({ seed, dailyApiLimit: 10_000, apiUsed: 6_000 }, async (sandbox) => {
      const adapter = adapterFor(sandbox, { apiBudgetShare: 0.8 });
      expect((await adapter.pagePartners(null)).items).toHaveLength(10);
      expect((await adapter.dealsOfPartners([sandbox.state.idOf('p1')])).length).toBeGreaterThan(0);
    });
  });

  it('When a read meets a transient 503, then jsforce retries the GET and the read succeeds; a write answered 503 is reported as crm_unavailable', async () => {
    await withSandbox({ seed }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      await adapter.tenantId();
      sandbox.state.faults.queue('unavailable');
      expect((await adapter.pagePartners(null)).items).toHaveLength(10);
      expect(sandbox.state.requests().filter((r) => r.status === 503)).toHaveLength(1);
      sandbox.state.faults.queue('unavailable');
      const error = await failure(adapter.writePartnerOutputs([{ partnerId: sandbox.state.idOf('p0'), outputs: { stage: 'recruit' } }]));
      expect(error.code).toBe('crm_unavailable');
    });
  });
});
