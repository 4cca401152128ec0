import type { RateWindow } from './sandbox-options.ts';

/** A rolling window of accepted request times, per token, like HubSpot's rate-limit policies. */
export class RollingWindow {
  readonly window: RateWindow;
  private readonly hits: number[] = [];

  constructor(window: RateWindow) {
    this.window = window;
  }

  /** Records a hit at `now` unless the window is full; returns the milliseconds until a slot frees when it is. */
  tryAcquire(now: number): { ok: true; remaining: number } | { ok: false; waitMs: number } {
    this.evict(now);
    if (this.hits.length >= this.window.max) {
      const oldest = this.hits[0] ?? now;
      return { ok: false, waitMs: Math.max(1, oldest + this.window.windowMs - now) };
    }
    this.hits.push(now);
    return { ok: true, remaining: this.window.max - this.hits.length };
  }

  private evict(now: number): void {
    while (this.hits.length > 0 && (this.hits[0] ?? 0) <= now - this.window.windowMs) this.hits.shift();
  }
}
