import type { HealthAssessment } from './health.ts';
import type { Metrics } from './metrics.ts';
import type { Thresholds } from './rules.ts';
import { compareStages, type StageId } from './stages.ts';

export const ACTION_IDS = [
  'any.reengage-inactive',
  'any.check-in-at-risk',
  'any.review-stage',
  'recruit.share-learning-path',
  'recruit.agree-success-metrics',
  'recruit.register-first-deal',
  'recruit.review-fit',
  'activate.support-first-negotiations',
  'activate.sales-training',
  'activate.share-roi-plan',
  'activate.reward-early-registration',
  'accelerate.build-joint-plan',
  'accelerate.follow-up-stalled-deals',
  'accelerate.certify-team',
  'accelerate.target-campaigns',
  'mature.review-kpis',
  'mature.promote-top-partner',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export interface ActionContext {
  readonly stage: StageId;
  readonly officialStage: StageId | null;
  readonly health: HealthAssessment;
  readonly metrics: Metrics;
  readonly certifications: number;
  readonly hasJointBusinessPlan: boolean;
  readonly rules: Thresholds;
}

type Trigger = (ctx: ActionContext) => boolean;

const onlyIn =
  (stage: StageId, when: Trigger = () => true): Trigger =>
  (ctx) =>
    ctx.stage === stage && when(ctx);

/** When each action applies (DESIGN.md §3); the order of this table is the order of the catalogue. */
const TRIGGERS: Record<ActionId, Trigger> = {
  'any.reengage-inactive': (ctx) => ctx.health.health === 'inactive',
  'any.check-in-at-risk': (ctx) => ctx.health.health === 'at_risk',
  'any.review-stage': (ctx) => ctx.officialStage !== null && compareStages(ctx.stage, ctx.officialStage) < 0,
  'recruit.share-learning-path': onlyIn('recruit', (ctx) => ctx.certifications === 0),
  'recruit.agree-success-metrics': onlyIn('recruit', (ctx) => !ctx.hasJointBusinessPlan),
  'recruit.register-first-deal': onlyIn(
    'recruit',
    (ctx) => ctx.metrics.dealCount === 0 && ctx.metrics.kpis.daysInProgram >= ctx.rules.recruit.registerFirstDealAfterDays,
  ),
  'recruit.review-fit': onlyIn('recruit', (ctx) => ctx.metrics.kpis.daysInProgram > ctx.rules.recruit.reviewFitAfterDays),
  'activate.support-first-negotiations': onlyIn('activate', (ctx) => ctx.metrics.kpis.openDeals > 0),
  'activate.sales-training': onlyIn('activate', (ctx) => ctx.certifications === 0),
  'activate.share-roi-plan': onlyIn('activate', (ctx) => !ctx.hasJointBusinessPlan),
  'activate.reward-early-registration': onlyIn('activate', (ctx) => ctx.metrics.hasLateRegistration),
  'accelerate.build-joint-plan': onlyIn('accelerate', (ctx) => !ctx.hasJointBusinessPlan),
  'accelerate.follow-up-stalled-deals': onlyIn('accelerate', (ctx) => ctx.metrics.hasStalledOpenDeal),
  'accelerate.certify-team': onlyIn(
    'accelerate',
    (ctx) => ctx.certifications < ctx.rules.accelerate.targetCertifications,
  ),
  'accelerate.target-campaigns': onlyIn('accelerate', (ctx) => ctx.health.health === 'healthy'),
  'mature.review-kpis': onlyIn('mature'),
  'mature.promote-top-partner': onlyIn('mature', (ctx) => ctx.health.health === 'healthy'),
};

/** The actions that apply, in priority order (the `any.*` actions first, then the stage's, in catalogue order). */
export function selectActions(ctx: ActionContext): ActionId[] {
  return ACTION_IDS.filter((id) => TRIGGERS[id](ctx));
}

export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && (ACTION_IDS as readonly string[]).includes(value);
}
