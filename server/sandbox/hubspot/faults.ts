import type { SandboxFaults } from './sandbox-options.ts';

/** mulberry32: a small seeded PRNG, so injected faults repeat run after run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A fault a test queues for the next matching request(s). */
export interface ScriptedFault {
  /** Route pattern such as `POST /crm/v3/objects/:type/search`; any route when omitted. */
  readonly route?: string;
  readonly status: number;
  /** For 429: the policy named in the body; default TEN_SECONDLY_ROLLING. */
  readonly policyName?: 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';
  readonly retryAfterSeconds?: number;
  /** How many matching requests get it; default 1. */
  readonly times?: number;
}

export type FaultDecision =
  | { readonly kind: 'none'; readonly delayMs: number }
  | { readonly kind: 'rate_limit'; readonly policyName: 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY'; readonly retryAfterSeconds?: number; readonly delayMs: number }
  | { readonly kind: 'server_error'; readonly status: number; readonly delayMs: number };

export class FaultInjector {
  private config: SandboxFaults;
  private random: () => number;
  private readonly script: { fault: ScriptedFault; left: number }[] = [];

  constructor(config: SandboxFaults = {}) {
    this.config = config;
    this.random = seededRandom(config.seed ?? 1);
  }

  /** Replaces the random fault rates (and reseeds the dice). */
  configure(config: SandboxFaults): void {
    this.config = config;
    this.random = seededRandom(config.seed ?? 1);
  }

  enqueue(fault: ScriptedFault): void {
    this.script.push({ fault, left: fault.times ?? 1 });
  }

  decide(route: string, isSearch: boolean): FaultDecision {
    const scripted = this.takeScripted(route);
    const delayMs = this.delay();
    if (scripted) {
      if (scripted.status === 429) {
        return {
          kind: 'rate_limit',
          policyName: scripted.policyName ?? 'TEN_SECONDLY_ROLLING',
          ...(scripted.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: scripted.retryAfterSeconds }),
          delayMs,
        };
      }
      return { kind: 'server_error', status: scripted.status, delayMs };
    }
    const rate429 = this.config.rate429 ?? 0;
    const rate5xx = this.config.rate5xx ?? 0;
    if (rate429 === 0 && rate5xx === 0) return { kind: 'none', delayMs };
    const roll = this.random();
    if (roll < rate429) {
      const retry = this.config.retryAfterSeconds;
      return {
        kind: 'rate_limit',
        policyName: isSearch ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING',
        ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
        delayMs,
      };
    }
    if (roll < rate429 + rate5xx) {
      const statuses = this.config.statuses5xx ?? [503];
      const status = statuses[Math.floor(this.random() * statuses.length)] ?? 503;
      return { kind: 'server_error', status, delayMs };
    }
    return { kind: 'none', delayMs };
  }

  private takeScripted(route: string): ScriptedFault | undefined {
    const index = this.script.findIndex((s) => s.fault.route === undefined || s.fault.route === route);
    if (index < 0) return undefined;
    const entry = this.script[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.script.splice(index, 1);
    return entry.fault;
  }

  private delay(): number {
    const latency = this.config.latency;
    if (!latency || latency.rate <= 0) return 0;
    if (this.random() >= latency.rate) return 0;
    return Math.round(latency.minMs + this.random() * (latency.maxMs - latency.minMs));
  }
}
