import type { CrmAdapter, OutputUpdate } from '../../../server/crm/crm-adapter.ts';
import type { JourneyStore } from '../../../server/storage/journey-store.ts';

/** Thrown where the process would have died. */
export class Killed extends Error {
  constructor(at: string) {
    super(`killed at ${at}`);
    this.name = 'Killed';
  }
}

const ADAPTER_CALLS = ['pagePartners', 'dealsOfPartners', 'changedPartners', 'changedDeals', 'getPartners', 'getDeals', 'writePartnerOutputs'] as const;
const STORE_WRITES = ['upsertPartners', 'upsertDeals', 'deleteDeals', 'saveEvaluations', 'changeStage', 'recordCrmOutputs', 'saveCursor'] as const;

export interface KillPlan {
  /** The step (1-based, CRM calls and store writes counted together) where the run dies. */
  readonly at: number;
  /** Die just before the step takes effect, or just after it did (its result never seen). */
  readonly when: 'before' | 'after';
}

/**
 * Wraps a run's CRM adapter and store so that the run dies at one step: every CRM call and
 * every store write is a step. With no plan, it only counts steps and records the writes the
 * CRM accepted, so a killed-then-resumed run can be compared with an uninterrupted one.
 */
export class KillSwitch {
  steps = 0;
  /** Each step's name, in order. */
  readonly log: string[] = [];
  readonly writes: OutputUpdate[] = [];
  readonly #plan: KillPlan | null;

  constructor(plan: KillPlan | null = null) {
    this.#plan = plan;
  }

  adapter(inner: CrmAdapter): CrmAdapter {
    return wrap(inner, ADAPTER_CALLS, (name, call) => (...args) =>
      this.#step(name, async () => {
        const result = await call(...args);
        if (name === 'writePartnerOutputs') this.#recordWrites(args[0] as readonly OutputUpdate[], result as { written: readonly string[] });
        return result;
      }),
    );
  }

  store(inner: JourneyStore): JourneyStore {
    return wrap(inner, STORE_WRITES, (name, call) => (...args) => this.#step(name, () => call(...args)));
  }

  async #step<T>(name: string, run: () => Promise<T>): Promise<T> {
    this.steps += 1;
    this.log.push(name);
    const dies = this.#plan !== null && this.steps === this.#plan.at;
    if (dies && this.#plan?.when === 'before') throw new Killed(`${name} (before)`);
    const result = await run();
    if (dies) throw new Killed(`${name} (after)`);
    return result;
  }

  #recordWrites(updates: readonly OutputUpdate[], report: { written: readonly string[] }): void {
    const written = new Set(report.written);
    this.writes.push(...updates.filter((u) => written.has(u.partnerId)));
  }
}

/** Written values as `partner.field=value` lines, sorted: equal lists mean the CRM received the same writes. */
export function writeLines(writes: readonly OutputUpdate[], keyOf: (id: string) => string): string[] {
  return writes.flatMap((w) => Object.entries(w.outputs).map(([field, value]) => `${keyOf(w.partnerId)}.${field}=${JSON.stringify(value)}`)).sort();
}

type Call = (...args: unknown[]) => Promise<unknown>;

/** A proxy whose named methods go through `around`; everything else reaches the target itself (private fields included). */
function wrap<T extends object>(target: T, names: readonly string[], around: (name: string, call: Call) => Call): T {
  const wrapped = new Map(names.map((name) => [name, around(name, (Reflect.get(target, name) as Call).bind(target))]));
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'string' && wrapped.has(property)) return wrapped.get(property);
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as Call).bind(object) : value;
    },
  });
}
