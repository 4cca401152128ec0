import type { PartnerJourney, WhatIfSummary } from '../../shared/api/journey-api.ts';
import { whatIfDealWon } from '../../shared/journey/what-if.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { StoredDeal } from '../storage/journey-store.ts';
import type { JourneyDeps } from './journey-deps.ts';
import { evaluationOf, partnerInput, type CurrentPartner } from './partner-evaluation.ts';

/** Everything a card shows about one partner: evaluation at `now`, official stage, history, completed actions. */
export async function buildPartnerJourney(
  deps: JourneyDeps,
  tenant: string,
  partner: CurrentPartner,
  deals: readonly StoredDeal[],
  locale: Locale,
): Promise<PartnerJourney> {
  const [history, completed] = await Promise.all([
    deps.store.stageHistory(tenant, partner.partnerId),
    deps.store.completedActions(tenant, partner.partnerId),
  ]);
  const evaluation = evaluationOf(partnerInput(partner, deals), deps.now(), deps.rules, locale);
  return {
    partner: {
      id: partner.partnerId,
      name: partner.name,
      type: partner.type,
      joinedAt: partner.joinedAt ?? partner.firstSeenAt,
      joinedAtInferred: partner.joinedAt === null,
      certifications: partner.certifications,
      hasJointBusinessPlan: partner.hasJointBusinessPlan,
    },
    officialStage: partner.officialStage ?? evaluation.suggestedStage,
    stageChangedAt: partner.stageChangedAt,
    stageChangedBy: partner.stageChangedBy,
    evaluation: { ...evaluation, healthSignals: [...evaluation.healthSignals], evidence: [...evaluation.evidence], actions: [...evaluation.actions] },
    history: history.map(({ id, at, from, to, source, actor, reason }) => ({ id, at, from, to, source, actor, reason })),
    completedActionIds: [...completed],
    syncedAt: partner.syncedAt,
  };
}

/** What closing this open deal won would do to the partner's suggested stage. */
export function whatIfWon(
  deps: JourneyDeps,
  partner: CurrentPartner,
  deals: readonly StoredDeal[],
  deal: StoredDeal,
  locale: Locale,
): WhatIfSummary | null {
  if (deal.status !== 'open') return null;
  const result = whatIfDealWon(partnerInput(partner, deals), { dealId: deal.dealId }, { now: deps.now(), locale, ...(deps.rules ? { rules: deps.rules } : {}) });
  return {
    dealId: result.dealId,
    amount: result.amount,
    closedAt: result.closedAt,
    stageBefore: result.stageBefore,
    stageAfter: result.stageAfter,
    moves: result.moves,
  };
}
