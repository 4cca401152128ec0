/**
 * Runs work for one tenant one at a time (a scheduled sync, a webhook batch, a card's stage
 * change write-back), so two runs never interleave their reads and writes of the same partners.
 */
export class TenantQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(tenant: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(tenant) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    const tail = next.catch(() => undefined);
    this.#tails.set(tenant, tail);
    void tail.then(() => {
      if (this.#tails.get(tenant) === tail) this.#tails.delete(tenant);
    });
    return next;
  }

  /** Resolves when everything queued so far has finished. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()]);
  }
}
