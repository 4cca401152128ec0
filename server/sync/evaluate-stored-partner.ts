import { computeJourney, describeJourney, prepareFacts, type Evaluation, type Journey } from '../../shared/journey/evaluate.ts';
import type { ParsedEvaluationInput } from '../../shared/journey/input.ts';
import { resolveThresholds, type RulesDocument } from '../../shared/journey/rules.ts';
import type { PartnerType } from '../../shared/journey/stages.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { StoredDeal, StoredPartner } from '../storage/journey-store.ts';

export interface EvaluationSettings {
  readonly now: number;
  readonly locale: Locale;
  readonly rules?: RulesDocument | undefined;
}

export interface StoredPartnerEvaluation {
  readonly journey: Journey;
  readonly evaluation: Evaluation;
}

/** Evaluates a partner from the facts last synced; joinedAt falls back to the day the sync first saw it. */
export function evaluateStoredPartner(
  partner: StoredPartner & { readonly type: PartnerType },
  deals: readonly StoredDeal[],
  settings: EvaluationSettings,
): StoredPartnerEvaluation {
  const input: ParsedEvaluationInput = {
    partner: {
      id: partner.partnerId,
      name: partner.name,
      type: partner.type,
      joinedAt: partner.joinedAt ?? partner.firstSeenAt,
      certifications: partner.certifications,
      hasJointBusinessPlan: partner.hasJointBusinessPlan,
      lastActivityAt: partner.lastActivityAt,
      stage: partner.officialStage,
    },
    deals: deals.map((deal) => ({
      id: deal.dealId,
      createdAt: deal.createdAt,
      registeredAt: deal.registeredAt,
      closedAt: deal.closedAt,
      status: deal.status,
      amount: deal.amount,
    })),
  };
  const facts = prepareFacts(input, settings.now);
  const journey = computeJourney(facts, resolveThresholds(settings.rules, partner.type));
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
