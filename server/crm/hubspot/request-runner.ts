import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../errors/app-error.ts';
import type { HubspotAdapterConfig, HubspotRequestEvent } from './adapter-options.ts';
import { classifyFailure, exhaustedError, finalError, RequestTimeout, type Failure } from './hubspot-failures.ts';
import { RequestLimiter, type RequestKind } from './request-limiter.ts';

/**
 * Every HubSpot call goes through here: our limiter first, then the call with a timeout, then
 * retries by what went wrong. The SDK's own retry decorator stays off (see hubspot-client.ts).
 */
export class RequestRunner {
  private readonly limiter: RequestLimiter;
  private readonly retry: HubspotAdapterConfig['retry'];
  private readonly onRequest: ((event: HubspotRequestEvent) => void) | undefined;
  private count = 0;

  constructor(config: HubspotAdapterConfig, onRequest?: (event: HubspotRequestEvent) => void) {
    this.limiter = new RequestLimiter({
      general: { max: config.limits.requests, windowMs: config.limits.windowMs },
      search: { max: config.limits.searches, windowMs: config.limits.searchWindowMs },
    });
    this.retry = config.retry;
    this.onRequest = onRequest;
  }

  /** HTTP requests sent so far, retries included. */
  get requests(): number {
    return this.count;
  }

  /** Runs one API call with retries; `tally.requests` grows by the HTTP requests it took. */
  async run<T>(operation: string, kind: RequestKind, call: () => Promise<T>, tally?: { requests: number }): Promise<T> {
    let last: Failure | undefined;
    for (let attempt = 1; attempt <= this.retry.maxAttempts; attempt += 1) {
      const release = await this.limiter.acquire(kind);
      this.count += 1;
      if (tally) tally.requests += 1;
      let failure: Failure;
      try {
        const result = await this.withTimeout(call());
        this.onRequest?.({ operation, attempt, outcome: 'ok' });
        return result;
      } catch (error) {
        if (error instanceof AppError) throw error;
        failure = classifyFailure(error);
      } finally {
        release();
      }
      this.onRequest?.({ operation, attempt, outcome: failure.kind });
      last = failure;
      if (failure.kind === 'final') throw finalError(operation, failure.status, failure.body);
      await this.backOff(operation, failure, attempt);
    }
    throw exhaustedError(operation, last ?? { kind: 'transient', status: null, retryAfterMs: null, body: {} }, this.retry.maxAttempts);
  }

  private async backOff(operation: string, failure: Exclude<Failure, { kind: 'final' }>, attempt: number): Promise<void> {
    if (failure.kind === 'rate_limited') {
      // DAILY resets at midnight in the portal's time zone: waiting in-process makes no sense.
      if (failure.policyName === 'DAILY') throw exhaustedError(operation, failure, attempt);
      const wait = failure.retryAfterMs ?? (failure.policyName === 'SECONDLY' ? this.retry.secondlyWaitMs : this.retry.tenSecondlyWaitMs);
      if (wait > this.retry.maxRetryAfterMs) throw exhaustedError(operation, failure, attempt);
      // The portal's budget is shared by every call we make: hold them all back, not just this one.
      this.limiter.pause(wait);
      return;
    }
    const backoff = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    const wait = failure.retryAfterMs ?? backoff;
    if (wait > this.retry.maxRetryAfterMs) throw exhaustedError(operation, failure, attempt);
    await sleep(wait);
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimeout(`no answer within ${this.retry.requestTimeoutMs} ms`)), this.retry.requestTimeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
