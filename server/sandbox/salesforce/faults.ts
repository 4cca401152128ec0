import { seededRandom } from './random.ts';

export interface FaultRates {
  /** Share of records in a collection write answered `UNABLE_TO_LOCK_ROW`. */
  readonly lockRowRate?: number;
  /** Share of REST requests answered 403 `REQUEST_LIMIT_EXCEEDED`. */
  readonly requestLimitRate?: number;
  /** Share of REST requests answered 503. */
  readonly unavailableRate?: number;
  /** Share of REST requests whose session expires just before they arrive (401 `INVALID_SESSION_ID`). */
  readonly sessionExpiryRate?: number;
}

export interface FaultOptions extends FaultRates {
  readonly seed?: number;
}

/** `drop-connection`: the request is carried out, then the connection is cut before the answer. */
export type RequestFault = 'request-limit' | 'unavailable' | 'expire-session' | 'drop-connection';
export type OneShotFault = RequestFault | 'lock-row';

/** Seeded fault injection: the same seed and the same request sequence give the same faults. */
export class Faults {
  private rates: Required<FaultRates>;
  private readonly random: () => number;
  private readonly queued: OneShotFault[] = [];
  private readonly injected = new Map<OneShotFault, number>();

  constructor(options: FaultOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
    this.rates = { lockRowRate: 0, requestLimitRate: 0, unavailableRate: 0, sessionExpiryRate: 0 };
    this.setRates(options);
  }

  setRates(rates: FaultRates): void {
    this.rates = { ...this.rates, ...definedOnly(rates) };
  }

  /** The next `times` occasions of this kind fail, whatever the rates say. */
  queue(kind: OneShotFault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.queued.push(kind);
  }

  /** How many faults of each kind were injected so far. */
  counts(): Readonly<Record<OneShotFault, number>> {
    return {
      'request-limit': this.injected.get('request-limit') ?? 0,
      unavailable: this.injected.get('unavailable') ?? 0,
      'expire-session': this.injected.get('expire-session') ?? 0,
      'drop-connection': this.injected.get('drop-connection') ?? 0,
      'lock-row': this.injected.get('lock-row') ?? 0,
    };
  }

  forRequest(): RequestFault | null {
    const index = this.queued.findIndex((k) => k !== 'lock-row');
    if (index >= 0) return this.note(this.queued.splice(index, 1)[0] as RequestFault);
    if (this.hit(this.rates.sessionExpiryRate)) return this.note('expire-session');
    if (this.hit(this.rates.requestLimitRate)) return this.note('request-limit');
    if (this.hit(this.rates.unavailableRate)) return this.note('unavailable');
    return null;
  }

  lockRow(): boolean {
    const index = this.queued.indexOf('lock-row');
    if (index >= 0) {
      this.queued.splice(index, 1);
      this.note('lock-row');
      return true;
    }
    if (!this.hit(this.rates.lockRowRate)) return false;
    this.note('lock-row');
    return true;
  }

  private hit(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  private note<K extends OneShotFault>(kind: K): K {
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
    return kind;
  }
}

function definedOnly(rates: FaultRates): Partial<Required<FaultRates>> {
  return Object.fromEntries(Object.entries(rates).filter(([key, v]) => key !== 'seed' && typeof v === 'number'));
}
