import { DAY_MS, wholeDaysBetween } from '../time/iso-date.ts';
import { fromAmountUnits, toAmountUnits } from './amounts.ts';
import type { DealStatus } from './stages.ts';
import type { Thresholds } from './rules.ts';

/** A deal as it stood at `asOf`: later closes and registrations have not happened yet. */
export interface DealAtAsOf {
  readonly id: string;
  readonly createdAt: number | null;
  readonly registeredAt: number | null;
  readonly closedAt: number | null;
  readonly status: DealStatus;
  readonly amount: number;
}

export interface PartnerAtAsOf {
  readonly joinedAt: number;
  readonly certifications: number;
  readonly hasJointBusinessPlan: boolean;
  readonly lastActivityAt: number | null;
}

export interface Kpis {
  wonRevenue12m: number;
  wonDeals12m: number;
  wonDealsTotal: number;
  openDeals: number;
  openPipeline: number;
  winRate12m: number | null;
  daysSinceLastActivity: number;
  daysToFirstWin: number | null;
  daysInProgram: number;
  /** Won revenue in the 12 months before the last 12 (the baseline of the revenue-drop check). */
  wonRevenuePrev12m: number;
  /** How many of the maturity windows (91 days each by default) hold enough won deals. */
  activeWindows: number;
}

/** Everything the stage, health and action rules read, computed in one pass over the deals. */
export interface Metrics {
  readonly kpis: Kpis;
  readonly lastActivityAt: number;
  readonly dealCount: number;
  readonly hasStalledOpenDeal: boolean;
  readonly hasLateRegistration: boolean;
}

export function computeMetrics(
  partner: PartnerAtAsOf,
  deals: readonly DealAtAsOf[],
  asOf: number,
  rules: Thresholds,
): Metrics {
  const windowStart = asOf - rules.window.days * DAY_MS;
  const previousStart = windowStart - rules.window.days * DAY_MS;
  const windowDealCounts = new Array<number>(rules.mature.windows).fill(0);
  const windowSpan = rules.mature.windowDays * DAY_MS;

  let wonUnits12m = 0;
  let wonDeals12m = 0;
  let lostDeals12m = 0;
  let wonDealsTotal = 0;
  let openDeals = 0;
  let openPipelineUnits = 0;
  let wonUnitsPrev12m = 0;
  let firstWinAt: number | null = null;
  let lastActivityAt = partner.lastActivityAt !== null && partner.lastActivityAt <= asOf ? partner.lastActivityAt : null;
  let hasStalledOpenDeal = false;
  let hasLateRegistration = false;

  for (const deal of deals) {
    for (const at of [deal.createdAt, deal.registeredAt, deal.closedAt]) {
      if (at !== null && at <= asOf && (lastActivityAt === null || at > lastActivityAt)) lastActivityAt = at;
    }
    if (deal.status === 'open') {
      openDeals += 1;
      openPipelineUnits += toAmountUnits(deal.amount);
      if (deal.createdAt !== null && wholeDaysBetween(deal.createdAt, asOf) > rules.accelerate.stalledDealDays) {
        hasStalledOpenDeal = true;
      }
    }
    if (deal.createdAt !== null && deal.createdAt > windowStart && isLateRegistration(deal, rules)) {
      hasLateRegistration = true;
    }
    if (deal.closedAt === null) continue;
    const inWindow = deal.closedAt > windowStart;
    if (deal.status === 'lost') {
      if (inWindow) lostDeals12m += 1;
      continue;
    }
    if (deal.status !== 'won') continue;
    wonDealsTotal += 1;
    if (firstWinAt === null || deal.closedAt < firstWinAt) firstWinAt = deal.closedAt;
    if (inWindow) {
      wonDeals12m += 1;
      wonUnits12m += toAmountUnits(deal.amount);
      const slot = Math.floor((asOf - deal.closedAt) / windowSpan);
      if (slot < windowDealCounts.length) windowDealCounts[slot] = (windowDealCounts[slot] ?? 0) + 1;
    } else if (deal.closedAt > previousStart) {
      wonUnitsPrev12m += toAmountUnits(deal.amount);
    }
  }

  const activityAt = lastActivityAt ?? partner.joinedAt;
  const closed12m = wonDeals12m + lostDeals12m;
  return {
    kpis: {
      wonRevenue12m: fromAmountUnits(wonUnits12m),
      wonDeals12m,
      wonDealsTotal,
      openDeals,
      openPipeline: fromAmountUnits(openPipelineUnits),
      winRate12m: closed12m === 0 ? null : wonDeals12m / closed12m,
      daysSinceLastActivity: Math.max(0, wholeDaysBetween(activityAt, asOf)),
      daysToFirstWin: firstWinAt === null ? null : wholeDaysBetween(partner.joinedAt, firstWinAt),
      daysInProgram: Math.max(0, wholeDaysBetween(partner.joinedAt, asOf)),
      wonRevenuePrev12m: fromAmountUnits(wonUnitsPrev12m),
      activeWindows: windowDealCounts.filter((n) => n >= rules.mature.minWonDealsPerWindow).length,
    },
    lastActivityAt: activityAt,
    dealCount: deals.length,
    hasStalledOpenDeal,
    hasLateRegistration,
  };
}

function isLateRegistration(deal: DealAtAsOf, rules: Thresholds): boolean {
  if (deal.registeredAt === null || deal.createdAt === null) return true;
  return wholeDaysBetween(deal.createdAt, deal.registeredAt) > rules.activate.maxRegistrationLagDays;
}
