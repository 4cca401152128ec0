import type { Messages, ReasonFacts } from './messages.ts';

const deals = (n: number, f: ReasonFacts['fmt']) => `${f.number(n)} ${f.plural(n, 'deal', 'deals')}`;
const wonDeals = (n: number, f: ReasonFacts['fmt']) => `${f.number(n)} won ${f.plural(n, 'deal', 'deals')}`;

/** "1 of 3 won deals and 12,000 of 25,000 won revenue" — the unmet evidence for the next stage. */
function missing(facts: ReasonFacts): string {
  const open = facts.evidence.filter((c) => !c.met);
  return open.map((c) => en.criterion[c.criterion](c, en.stageNames[c.stage], facts.fmt)).join('; ');
}

export const en: Messages = {
  stageNames: {
    recruit: 'Recruit & onboard',
    activate: 'First revenue',
    accelerate: 'Acceleration',
    mature: 'Maturity',
  },
  stageTaglines: {
    recruit: 'Attract the right partners and get them up to speed',
    activate: 'Turn a signed partner into one that brings revenue',
    accelerate: 'Invest in the partners who want to grow',
    mature: 'Optimise performance and promote the best',
  },
  healthNames: { healthy: 'Healthy', at_risk: 'At risk', inactive: 'Inactive' },
  partnerTypes: { technology: 'Technology', channel: 'Channel', strategic: 'Strategic' },
  healthSignal: {
    inactive: (f) => `no recorded activity for ${f.fmt.number(f.kpis.daysSinceLastActivity)} days`,
    quiet: (f) =>
      `${f.fmt.number(f.kpis.daysSinceLastActivity)} days since the last activity (at risk from ${f.rules.health.atRiskDays})`,
    revenue_drop: (f) =>
      `won revenue in the last 12 months is ${f.fmt.amount(f.kpis.wonRevenue12m)}, below ${f.fmt.percent(f.rules.health.revenueDropRatio)} of the ${f.fmt.amount(f.kpis.wonRevenuePrev12m)} won the year before`,
    slow_start: (f) =>
      `${f.fmt.number(f.kpis.daysInProgram)} days in the program without a won deal (first revenue usually comes within 9–12 months)`,
  },
  criterion: {
    wonDealsTotal: (c, stage, f) => `${f.number(c.actual)} of ${f.number(c.required)} won ${f.plural(c.required, 'deal', 'deals')} needed for ${stage}`,
    wonDeals12m: (c, stage, f) =>
      `${f.number(c.actual)} of ${f.number(c.required)} won ${f.plural(c.required, 'deal', 'deals')} in the last 12 months needed for ${stage}`,
    wonRevenue12m: (c, stage, f) =>
      `${f.amount(c.actual)} of ${f.amount(c.required)} won revenue in the last 12 months needed for ${stage}`,
    activeWindows: (c, stage, f) =>
      `${f.number(c.actual)} of ${f.number(c.required)} recent quarters with a won deal needed for ${stage}`,
    daysInProgram: (c, stage, f) => `${f.number(c.actual)} of ${f.number(c.required)} days in the program needed for ${stage}`,
  },
  kpiLabels: {
    wonRevenue12m: 'Won revenue (12 months)',
    wonDeals12m: 'Won deals (12 months)',
    wonDealsTotal: 'Won deals (all time)',
    openDeals: 'Open deals',
    openPipeline: 'Open pipeline',
    winRate12m: 'Win rate (12 months)',
    daysSinceLastActivity: 'Days since last activity',
    daysToFirstWin: 'Days to first win',
    daysInProgram: 'Days in the program',
    wonRevenuePrev12m: 'Won revenue (previous 12 months)',
    activeWindows: 'Quarters with a win (last 4)',
  },
  actions: {
    'any.reengage-inactive': {
      title: 'Re-engage this inactive partner',
      reason: (f) =>
        `No recorded activity for ${f.fmt.number(f.kpis.daysSinceLastActivity)} days (inactive from ${f.rules.health.inactiveDays}). Alert the account manager, reach out to the partner and send a short survey to learn what would bring them back.`,
    },
    'any.check-in-at-risk': {
      title: 'Check in before the partner drifts away',
      reason: (f) => `At risk: ${f.signals.map((s) => en.healthSignal[s](f)).join('; ')}.`,
    },
    'any.review-stage': {
      title: 'Review the official stage',
      reason: (f) =>
        `The evidence now points to ${en.stageNames[f.stage]}, below the official stage ${f.officialStage ? en.stageNames[f.officialStage] : ''}. Stages are never lowered automatically: a channel manager should confirm or change it.`,
    },
    'recruit.share-learning-path': {
      title: 'Share the self-paced learning path',
      reason: () =>
        'No certifications yet. Courses and materials the partner can follow alone get them selling without waiting on the account manager.',
    },
    'recruit.agree-success-metrics': {
      title: 'Agree on the metrics that matter',
      reason: () =>
        'No joint business plan yet. Make clear from the start which metrics the partnership will be judged by and the pace expected.',
    },
    'recruit.register-first-deal': {
      title: 'Help register the first deal',
      reason: (f) =>
        `${f.fmt.number(f.kpis.daysInProgram)} days in the program and no deal registered. Walk the partner through registering their first opportunity.`,
    },
    'recruit.review-fit': {
      title: 'Review whether the partner fits',
      reason: (f) =>
        `${f.fmt.number(f.kpis.daysInProgram)} days in the program without a won deal; partnerships usually produce revenue within 9–12 months. Revisit the profile, the value proposition and the investment.`,
    },
    'activate.support-first-negotiations': {
      title: 'Support the first negotiations',
      reason: (f) =>
        `${deals(f.kpis.openDeals, f.fmt)} open, worth ${f.fmt.amount(f.kpis.openPipeline)}. Join the calls and help the partner close them.`,
    },
    'activate.sales-training': {
      title: 'Run a practical sales training',
      reason: () => "No certifications yet. Give the partner's sellers hands-on sales content and training.",
    },
    'activate.share-roi-plan': {
      title: 'Show the partner a simple ROI plan',
      reason: (f) =>
        `No joint business plan yet. A simple plan shows what the partner can earn by selling with us; so far: ${missing(f) || `${wonDeals(f.kpis.wonDeals12m, f.fmt)} in the last 12 months`}.`,
    },
    'activate.reward-early-registration': {
      title: 'Reward early deal registration',
      reason: (f) =>
        `Some deals from the last 12 months were registered late (more than ${f.rules.activate.maxRegistrationLagDays} days after they were created) or not at all. Keep registration simple and reward registering early.`,
    },
    'accelerate.build-joint-plan': {
      title: 'Build a joint business plan',
      reason: (f) =>
        `No joint business plan while growing (${wonDeals(f.kpis.wonDeals12m, f.fmt)}, ${f.fmt.amount(f.kpis.wonRevenue12m)} in 12 months). Set shared targets with responsibilities on both sides.`,
    },
    'accelerate.follow-up-stalled-deals': {
      title: 'Follow up stalled deals',
      reason: (f) =>
        `A deal has been open for more than ${f.rules.accelerate.stalledDealDays} days. Set up a regular deal follow-up with the account manager.`,
    },
    'accelerate.certify-team': {
      title: "Certify the partner's team",
      reason: (f) =>
        `${f.fmt.number(f.certifications)} of ${f.fmt.number(f.rules.accelerate.targetCertifications)} certifications. Structured training with certification prepares the partner's team to serve customers at scale.`,
    },
    'accelerate.target-campaigns': {
      title: 'Bring the partner into targeted campaigns',
      reason: (f) =>
        `Healthy and growing (${f.fmt.amount(f.kpis.wonRevenue12m)} won in 12 months). Alert the partner to launches and offers they can sell, with ready-made marketing content.`,
    },
    'mature.review-kpis': {
      title: 'Review KPIs and the partner ranking',
      reason: (f) =>
        `${wonDeals(f.kpis.wonDeals12m, f.fmt)} and ${f.fmt.amount(f.kpis.wonRevenue12m)} in the last 12 months. Measure the stage KPIs on a regular cadence and compare the partner with the rest of the program.`,
    },
    'mature.promote-top-partner': {
      title: 'Promote as a top partner',
      reason: () => 'A healthy top performer. Feature the partner to customers and route new referrals to them.',
    },
  },
  ui: {
    suggested: 'Suggested',
    officialStage: 'Official stage',
    nextStageEvidence: (stage) => `What ${stage} needs`,
    keepStageEvidence: (stage) => `What keeps the partner in ${stage}`,
    nextActions: 'Next actions',
    noActions: 'Nothing to do right now.',
    kpis: 'Key figures',
    history: 'Stage history',
    noHistory: 'No stage changes yet.',
    changeStage: 'Change stage',
    reason: 'Reason',
    reasonHint: 'Why the stage changes (3–500 characters)',
    save: 'Save stage',
    markDone: 'Mark done',
    markUndone: 'Undo',
    done: 'Done',
    whatIf: (partner, from, to) => `Closing this deal moves ${partner} from ${from} to ${to}.`,
    whatIfSame: (partner, stage) => `Closing this deal keeps ${partner} in ${stage}.`,
    syncedValues: 'The service is unreachable: showing the values last synced to this record.',
    notApplicable: '—',
    days: (n, f) => `${f.number(n)} ${f.plural(n, 'day', 'days')}`,
    sources: { manual: 'Changed by hand', sync: 'Promoted by sync', 'crm-edit': 'Edited in the CRM' },
    playbook: 'Playbook',
    keyQuestions: 'Key questions',
    consider: 'What to consider',
    potentialActions: 'Potential actions',
    syncInitialReason: (stage) => `First journey stage, from the evidence: ${stage}.`,
    syncPromotionReason: (stage, evidence) => `The evidence now meets ${stage}${evidence ? ` (${evidence})` : ''}.`,
    crmEditReason: (crm) => `Stage edited directly in ${crm}.`,
  },
};
