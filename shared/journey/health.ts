import { isBelowShareOf } from './amounts.ts';
import type { Kpis } from './metrics.ts';
import type { Thresholds } from './rules.ts';
import type { HealthId, StageId } from './stages.ts';

export const HEALTH_SIGNALS = ['inactive', 'quiet', 'revenue_drop', 'slow_start'] as const;
export type HealthSignal = (typeof HEALTH_SIGNALS)[number];

export interface HealthAssessment {
  readonly health: HealthId;
  /** Why the partner is not healthy, in the order the rules check them; empty when healthy. */
  readonly signals: readonly HealthSignal[];
}

export function assessHealth(stage: StageId, kpis: Kpis, rules: Thresholds): HealthAssessment {
  if (kpis.daysSinceLastActivity >= rules.health.inactiveDays) return { health: 'inactive', signals: ['inactive'] };
  const signals: HealthSignal[] = [];
  if (kpis.daysSinceLastActivity >= rules.health.atRiskDays) signals.push('quiet');
  if (
    (stage === 'accelerate' || stage === 'mature') &&
    isBelowShareOf(kpis.wonRevenue12m, rules.health.revenueDropRatio, kpis.wonRevenuePrev12m)
  ) {
    signals.push('revenue_drop');
  }
  if (stage === 'recruit' && kpis.daysInProgram > rules.health.recruitMaxDays) signals.push('slow_start');
  return { health: signals.length > 0 ? 'at_risk' : 'healthy', signals };
}
