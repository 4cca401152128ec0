import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LimitWindow {
  readonly max: number;
  readonly windowMs: number;
}

export type RequestKind = 'general' | 'search';

/**
 * Counts a request as occupying its window from the moment it is sent until `windowMs` after its
 * answer arrived. HubSpot counts arrivals, and every arrival lies between those two instants, so
 * however latency varies the portal never sees more than `max` of ours in any window.
 */
class Window {
  readonly limit: LimitWindow;
  inFlight = 0;
  private readonly finished: number[] = [];

  constructor(limit: LimitWindow) {
    this.limit = limit;
  }

  /** 0 when a slot is free now; otherwise ms until one may be (Infinity: wait for an answer). */
  waitMs(now: number): number {
    while (this.finished.length > 0 && (this.finished[0] ?? 0) <= now - this.limit.windowMs) this.finished.shift();
    if (this.inFlight + this.finished.length < this.limit.max) return 0;
    const oldest = this.finished[0];
    return oldest === undefined ? Number.POSITIVE_INFINITY : oldest + this.limit.windowMs - now;
  }

  finish(now: number): void {
    this.inFlight -= 1;
    this.finished.push(now);
  }
}

/** Our own client-side budget: every request in the general window, searches also in theirs. */
export class RequestLimiter {
  private readonly general: Window;
  private readonly search: Window;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private answered: { promise: Promise<void>; resolve: () => void } = deferred();

  constructor(limits: { general: LimitWindow; search: LimitWindow }) {
    this.general = new Window(limits.general);
    this.search = new Window(limits.search);
  }

  /** Waits for a slot (first come, first served); call the returned function when the answer is in. */
  acquire(kind: RequestKind): Promise<() => void> {
    const windows = kind === 'search' ? [this.general, this.search] : [this.general];
    const turn = this.queue.then(async () => {
      await this.waitForSlot(windows);
      for (const w of windows) w.inFlight += 1;
    });
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn.then(() => {
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const now = performance.now();
        for (const w of windows) w.finish(now);
        const { resolve } = this.answered;
        this.answered = deferred();
        resolve();
      };
    });
  }

  /** Holds every request back for `ms` (after HubSpot said the portal's budget is spent). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
  }

  private async waitForSlot(windows: readonly Window[]): Promise<void> {
    for (;;) {
      const now = performance.now();
      const wait = Math.max(this.pausedUntil - now, ...windows.map((w) => w.waitMs(now)));
      if (wait <= 0) return;
      if (Number.isFinite(wait)) await sleep(Math.ceil(wait));
      else await this.answered.promise;
    }
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
