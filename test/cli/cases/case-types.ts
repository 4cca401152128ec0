/** A hand-written history and what DESIGN.md §3 says `evaluate` must print for it. */
export interface Expected {
  readonly stage: 'recruit' | 'activate' | 'accelerate' | 'mature';
  readonly health: 'healthy' | 'at_risk' | 'inactive';
  readonly actions: readonly string[];
  readonly kpis?: Record<string, number | null>;
}

export interface DesignCase extends Expected {
  readonly file: string;
  readonly why: string;
  readonly rules?: string;
}
