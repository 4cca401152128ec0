import { computeJourney, describeJourney, prepareFacts, type Evaluation, type Journey } from '../../shared/journey/evaluate.ts';
import type { ParsedEvaluationInput } from '../../shared/journey/input.ts';
import { resolveThresholds, type RulesDocument } from '../../shared/journey/rules.ts';
import type { PartnerType } from '../../shared/journey/stages.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { StoredDeal, StoredPartner } from '../storage/journey-store.ts';

export type CurrentPartner = StoredPartner & { readonly type: PartnerType };

export function isCurrentPartner(partner: StoredPartner | null | undefined): partner is CurrentPartner {
  return partner !== null && partner !== undefined && partner.type !== null;
}

/** The engine's input for a stored partner; an empty partner-since date falls back to the day we first saw it. */
export function partnerInput(partner: CurrentPartner, deals: readonly StoredDeal[]): ParsedEvaluationInput {
  return {
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
}

/** The locale-free journey (for lists and snapshots, where no text is needed). */
export function journeyOf(input: ParsedEvaluationInput, now: number, rules: RulesDocument | undefined): Journey {
  return computeJourney(prepareFacts(input, now), resolveThresholds(rules, input.partner.type));
}

export function evaluationOf(input: ParsedEvaluationInput, now: number, rules: RulesDocument | undefined, locale: Locale): Evaluation {
  return describeJourney(journeyOf(input, now, rules), locale);
}
