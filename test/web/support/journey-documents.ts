import { journeyResponseSchema, partnerListItemSchema, type JourneyResponse, type PartnerJourney, type PartnerListItem, type Role } from '../../../shared/api/journey-api.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { evaluate } from '../../../shared/journey/evaluate.ts';
import { evaluationInputSchema, type ParsedEvaluationInput } from '../../../shared/journey/input.ts';
import { whatIfDealWon } from '../../../shared/journey/what-if.ts';
import { SCENARIO_AS_OF, type DealRecord, type PartnerRecord } from './card-scenario.ts';

const NOW = Date.parse(`${SCENARIO_AS_OF}T12:00:00Z`);

function engineInput(partner: PartnerRecord, deals: readonly DealRecord[]): ParsedEvaluationInput {
  return evaluationInputSchema.parse({
    asOf: SCENARIO_AS_OF,
    partner: {
      id: partner.id,
      name: partner.name,
      type: partner.type,
      joinedAt: partner.joinedAt,
      certifications: partner.certifications,
      hasJointBusinessPlan: partner.hasJointBusinessPlan,
      lastActivityAt: partner.lastActivityAt,
      stage: partner.officialStage,
    },
    deals: deals
      .filter((d) => d.partnerIds.includes(partner.id))
      .map(({ id, createdAt, registeredAt, closedAt, status, amount }) => ({ id, createdAt, registeredAt, closedAt, status, amount })),
  });
}

/** The journey document of one partner, evaluated by the real engine in the viewer's locale. */
export function partnerJourney(partner: PartnerRecord, deals: readonly DealRecord[], locale: Locale): PartnerJourney {
  const evaluation = evaluate(engineInput(partner, deals), { now: NOW, locale });
  const last = partner.history.at(-1);
  return {
    partner: {
      id: partner.id,
      name: partner.name,
      type: partner.type,
      joinedAt: partner.joinedAt,
      joinedAtInferred: false,
      certifications: partner.certifications,
      hasJointBusinessPlan: partner.hasJointBusinessPlan,
    },
    officialStage: partner.officialStage,
    stageChangedAt: last?.at ?? null,
    stageChangedBy: last?.actor ?? null,
    evaluation: { ...evaluation, evidence: [...evaluation.evidence], actions: [...evaluation.actions], healthSignals: [...evaluation.healthSignals] },
    history: partner.history.map((entry) => ({ ...entry })),
    completedActionIds: [...partner.completedActionIds],
    syncedAt: `${SCENARIO_AS_OF}T06:00:00Z`,
  };
}

export function partnerResponse(partner: PartnerRecord, deals: readonly DealRecord[], locale: Locale, role: Role): JourneyResponse {
  return journeyResponseSchema.parse({ kind: 'partner', locale, role, journey: partnerJourney(partner, deals, locale) });
}

/** A deal with each of its partners and the engine's what-if of the deal closing won. */
export function dealResponse(
  deal: DealRecord,
  partners: readonly PartnerRecord[],
  deals: readonly DealRecord[],
  locale: Locale,
  role: Role,
): JourneyResponse {
  const entries = partners
    .filter((p) => deal.partnerIds.includes(p.id))
    .map((p) => {
      const whatIf = deal.status === 'open' ? whatIfDealWon(engineInput(p, deals), { dealId: deal.id }, { now: NOW, locale }) : null;
      return {
        journey: partnerJourney(p, deals, locale),
        whatIf: whatIf && {
          dealId: whatIf.dealId,
          amount: whatIf.amount,
          closedAt: whatIf.closedAt,
          stageBefore: whatIf.stageBefore,
          stageAfter: whatIf.stageAfter,
          moves: whatIf.moves,
        },
      };
    });
  return journeyResponseSchema.parse({
    kind: 'deal',
    locale,
    role,
    deal: { id: deal.id, name: deal.name, status: deal.status, amount: deal.amount, closedAt: deal.closedAt ?? null },
    partners: entries,
  });
}

export function listItem(partner: PartnerRecord, deals: readonly DealRecord[]): PartnerListItem {
  const evaluation = evaluate(engineInput(partner, deals), { now: NOW, locale: 'en' });
  return partnerListItemSchema.parse({
    id: partner.id,
    name: partner.name,
    type: partner.type,
    officialStage: partner.officialStage,
    suggestedStage: evaluation.suggestedStage,
    health: evaluation.health,
  });
}
