import type { DesignCase } from './case-types.ts';

/** Where DESIGN.md leaves a choice: what the engine does, and why that reading. */
export const choiceCases: readonly DesignCase[] = [
  {
    file: 'choice-open-deal-past-close-date',
    why: "an open deal's closedAt is only its expected close (the CRM adapters drop it too): no activity, so the last activity is 100 days old",
    stage: 'activate',
    health: 'inactive',
    actions: ['any.reengage-inactive', 'activate.support-first-negotiations'],
    kpis: { daysSinceLastActivity: 100, openDeals: 1 },
  },
  {
    file: 'choice-lost-deal-without-close-date',
    why: 'a lost deal without closedAt is still a deal (no first-deal nudge) and its createdAt is activity, but it is in no 12-month figure',
    stage: 'recruit',
    health: 'healthy',
    actions: ['recruit.share-learning-path', 'recruit.agree-success-metrics'],
    kpis: { winRate12m: null, daysSinceLastActivity: 40 },
  },
  {
    file: 'choice-partner-without-type',
    why: 'without a type no per-type rules apply; the defaults give the same result as DESIGN.md\'s example',
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.sales-training', 'activate.share-roi-plan'],
  },
  {
    file: 'choice-date-only-asof-with-times',
    why: 'a date-only asOf is the whole UTC day: a win at 23:30 that day counts, a win on the day 365 days before (even at 23:59) does not',
    stage: 'activate',
    health: 'healthy',
    actions: [],
    kpis: { wonRevenue12m: 1100, wonDeals12m: 2, wonDealsTotal: 3, daysSinceLastActivity: 0, daysInProgram: 759 },
  },
  {
    file: 'choice-datetime-asof',
    why: 'a date-time asOf is that instant: wins at 13:00 a year back and 11:59 today count, 11:00 a year back and 12:30 today do not',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { wonDeals12m: 3, wonRevenue12m: 30000, wonDealsTotal: 4, openDeals: 1, daysSinceLastActivity: 0 },
  },
];

