import type { Evaluation } from '../../shared/journey/evaluate.ts';
import type { StageId } from '../../shared/journey/stages.ts';
import { OUTPUT_FIELDS, type PartnerOutputs } from '../crm/crm-adapter.ts';

/** Longest next-action text written to the CRM (HubSpot single-line text and Salesforce Text(255)). */
export const NEXT_ACTION_MAX = 255;

export interface OfficialStageState {
  readonly stage: StageId;
  readonly changedAt: string | null;
  readonly changedBy: string | null;
}

/** What the CRM should hold for our fields, given the evaluation and the official stage. */
export function desiredOutputs(evaluation: Evaluation, official: OfficialStageState): PartnerOutputs {
  const top = evaluation.actions[0];
  return {
    stage: official.stage,
    suggestedStage: evaluation.suggestedStage,
    health: evaluation.health,
    stageChangedAt: official.changedAt,
    stageChangedBy: official.changedBy,
    nextAction: top ? truncate(top.title, NEXT_ACTION_MAX) : null,
    wonRevenue12m: Math.round(evaluation.kpis.wonRevenue12m * 100) / 100,
    wonDeals12m: evaluation.kpis.wonDeals12m,
  };
}

/** Outputs the sync owns, cleared when a record stops being a partner (the stage, shared with people, stays). */
export const CLEARED_WHEN_NOT_PARTNER: Partial<PartnerOutputs> = {
  suggestedStage: null,
  health: null,
  nextAction: null,
  wonRevenue12m: null,
  wonDeals12m: null,
};

/** Only the fields whose value differs from what the CRM holds. */
export function changedOutputs(desired: Partial<PartnerOutputs>, current: PartnerOutputs): Partial<PartnerOutputs> {
  const changed: Record<string, unknown> = {};
  for (const field of OUTPUT_FIELDS) {
    if (!(field in desired)) continue;
    const want = desired[field];
    if (!sameValue(want ?? null, current[field])) changed[field] = want ?? null;
  }
  return changed as Partial<PartnerOutputs>;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    return /^\d{4}-\d{2}-\d{2}T/.test(a) && /^\d{4}-\d{2}-\d{2}T/.test(b) && ta === tb;
  }
  return false;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
