interface Lane {
  /** Work waiting for its turn, first come first served. */
  readonly waiting: (() => void)[];
}

/**
 * Runs work for one tenant one at a time (a sync run, a webhook batch, a card's stage change
 * write-back), so two of them never interleave their reads and writes of the same partners.
 *
 * A long run (a first backfill takes minutes under HubSpot's rate limit) calls `yield` at points
 * where its work so far is committed — after each page — so a manager's stage change waiting
 * behind it goes first instead of waiting for the whole run.
 */
export class TenantQueue {
  readonly #lanes = new Map<string, Lane>();
  readonly #drained: (() => void)[] = [];

  async run<T>(tenant: string, work: () => Promise<T>): Promise<T> {
    await this.#acquire(tenant);
    try {
      return await work();
    } finally {
      this.#release(tenant);
    }
  }

  /** From inside running work: lets the work queued behind it for this tenant run first, then resumes. */
  async yield(tenant: string): Promise<void> {
    const lane = this.#lanes.get(tenant);
    if (!lane || lane.waiting.length === 0) return;
    this.#release(tenant);
    await this.#acquire(tenant);
  }

  /** Resolves when everything queued so far has finished. */
  async idle(): Promise<void> {
    while (this.#lanes.size > 0) await new Promise<void>((resolve) => this.#drained.push(resolve));
  }

  #acquire(tenant: string): Promise<void> {
    const lane = this.#lanes.get(tenant);
    if (!lane) {
      this.#lanes.set(tenant, { waiting: [] });
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => lane.waiting.push(resolve));
  }

  /** Hands the tenant to the next waiting work, or frees it. */
  #release(tenant: string): void {
    const lane = this.#lanes.get(tenant);
    const next = lane?.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.#lanes.delete(tenant);
    if (this.#lanes.size === 0) for (const resolve of this.#drained.splice(0)) resolve();
  }
}
