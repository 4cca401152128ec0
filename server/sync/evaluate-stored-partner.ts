import { describeJourney, type Evaluation, type Journey } from '../../shared/journey/evaluate.ts';
import type { RulesDocument } from '../../shared/journey/rules.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { journeyOf, partnerInput, type CurrentPartner } from '../journey/partner-evaluation.ts';
import type { StoredDeal } from '../storage/journey-store.ts';

export interface EvaluationSettings {
  readonly now: number;
  readonly locale: Locale;
  readonly rules?: RulesDocument | undefined;
}

export interface StoredPartnerEvaluation {
  readonly journey: Journey;
  readonly evaluation: Evaluation;
}

/** Evaluates a partner from the facts last synced, keeping both the locale-free journey and its text. */
export function evaluateStoredPartner(
  partner: CurrentPartner,
  deals: readonly StoredDeal[],
  settings: EvaluationSettings,
): StoredPartnerEvaluation {
  const journey = journeyOf(partnerInput(partner, deals), settings.now, settings.rules);
  return { journey, evaluation: describeJourney(journey, settings.locale) };
}

/** What a history row keeps of the evaluation at the moment of a stage change. */
export function evidenceSnapshot(evaluation: Evaluation): Record<string, unknown> {
  return {
    asOf: evaluation.asOf,
    suggestedStage: evaluation.suggestedStage,
    health: evaluation.health,
    evidence: evaluation.evidence.map(({ criterion, stage, met, actual, required }) => ({ criterion, stage, met, actual, required })),
    kpis: evaluation.kpis,
  };
}
