import type { DesignCase } from './case-types.ts';

/** Hand-written histories about health, activity dates, facts after asOf and rule overrides (see stage-cases.ts for the dates). */
export const healthAndRulesCases: readonly DesignCase[] = [
  {
    file: 'activate-quiet-44-days',
    why: '44 days since the last activity: still healthy',
    stage: 'activate',
    health: 'healthy',
    actions: [],
    kpis: { daysSinceLastActivity: 44 },
  },
  {
    file: 'activate-quiet-45-days',
    why: '45 days since the last activity: at risk',
    stage: 'activate',
    health: 'at_risk',
    actions: ['any.check-in-at-risk'],
    kpis: { daysSinceLastActivity: 45 },
  },
  {
    file: 'activate-quiet-89-days',
    why: '89 days: at risk, not yet inactive',
    stage: 'activate',
    health: 'at_risk',
    actions: ['any.check-in-at-risk'],
  },
  {
    file: 'activate-quiet-90-days',
    why: '90 days: inactive, re-engage first',
    stage: 'activate',
    health: 'inactive',
    actions: ['any.reengage-inactive'],
    kpis: { daysSinceLastActivity: 90 },
  },
  {
    file: 'activity-from-late-registration',
    why: 'lastActivityAt is 200 days old but a deal was registered 10 days ago: that is the last activity; the 90-day registration lag is late',
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.support-first-negotiations', 'activate.sales-training', 'activate.reward-early-registration'],
    kpis: { daysSinceLastActivity: 10 },
  },
  {
    file: 'future-facts-ignored',
    why: 'a win closing after asOf, a deal created after asOf and a future lastActivityAt do not count: recruit, last activity the deal created 20 days ago',
    stage: 'recruit',
    health: 'healthy',
    actions: ['recruit.share-learning-path', 'recruit.agree-success-metrics'],
    kpis: { wonDealsTotal: 0, wonRevenue12m: 0, daysSinceLastActivity: 20 },
  },
  {
    file: 'rules-inline-override',
    why: 'the input lowers Acceleration to 2 wins in 12m: the two inside the 12 months (40,000) are enough',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.build-joint-plan', 'accelerate.certify-team', 'accelerate.target-campaigns'],
  },
  {
    file: 'activate-open-unregistered',
    rules: 'rules/technology-fast-track.json',
    why: 'the rules file lowers Acceleration for technology partners to 1 win and 10,000: one win of 15,000 is enough; 10 days quiet is under the new 29-day limit',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.certify-team', 'accelerate.target-campaigns'],
  },
  {
    file: 'activate-first-win',
    rules: 'rules/technology-fast-track.json',
    why: 'a channel partner keeps the default stage rules, but the global 29-day at-risk limit applies: 29 days quiet is at risk',
    stage: 'activate',
    health: 'at_risk',
    actions: ['any.check-in-at-risk', 'activate.sales-training', 'activate.share-roi-plan'],
  },
];

/**
 * Where DESIGN.md leaves a reading open, the engine's choice (see prepareFacts and time/iso-date.ts).
 */
