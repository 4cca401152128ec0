import type { Kpis } from './metrics.ts';
import type { Thresholds } from './rules.ts';
import { nextStage, type StageId } from './stages.ts';

export const CRITERION_IDS = ['wonDealsTotal', 'wonDeals12m', 'wonRevenue12m', 'activeWindows', 'daysInProgram'] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** One requirement of a stage, measured: met when actual ≥ required. */
export interface Criterion {
  readonly criterion: CriterionId;
  readonly stage: StageId;
  readonly met: boolean;
  readonly actual: number;
  readonly required: number;
}

function measure(stage: StageId, criterion: CriterionId, actual: number, required: number): Criterion {
  return { criterion, stage, met: actual >= required, actual, required };
}

/** The requirements of a stage; a stage also requires what the stage before it requires. */
export function stageCriteria(stage: StageId, kpis: Kpis, rules: Thresholds): Criterion[] {
  switch (stage) {
    case 'recruit':
      return [];
    case 'activate':
      return [measure('activate', 'wonDealsTotal', kpis.wonDealsTotal, rules.activate.minWonDeals)];
    case 'accelerate':
      return [
        ...stageCriteria('activate', kpis, rules),
        measure('accelerate', 'wonDeals12m', kpis.wonDeals12m, rules.accelerate.minWonDeals12m),
        measure('accelerate', 'wonRevenue12m', kpis.wonRevenue12m, rules.accelerate.minWonRevenue12m),
      ];
    case 'mature':
      return [
        ...stageCriteria('accelerate', kpis, rules),
        measure('mature', 'wonRevenue12m', kpis.wonRevenue12m, rules.mature.minWonRevenue12m),
        measure('mature', 'activeWindows', kpis.activeWindows, rules.mature.windows),
        measure('mature', 'daysInProgram', kpis.daysInProgram, rules.mature.minDaysInProgram),
      ];
  }
}

export function suggestStage(kpis: Kpis, rules: Thresholds): StageId {
  const reached = (stage: StageId) => stageCriteria(stage, kpis, rules).every((c) => c.met);
  if (reached('mature')) return 'mature';
  if (reached('accelerate')) return 'accelerate';
  if (reached('activate')) return 'activate';
  return 'recruit';
}

/**
 * The evidence a card shows for a stage: the requirements the next stage adds and how far the
 * partner is (for the last stage, what keeps the partner there). Requirements inherited from
 * earlier stages are already met by a partner at `stage`, so they are left out.
 */
export function stageEvidence(stage: StageId, kpis: Kpis, rules: Thresholds): Criterion[] {
  const target = nextStage(stage) ?? stage;
  return stageCriteria(target, kpis, rules).filter((c) => c.stage === target);
}
