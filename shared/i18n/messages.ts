import type { ActionId } from '../journey/actions.ts';
import type { HealthSignal } from '../journey/health.ts';
import type { Kpis } from '../journey/metrics.ts';
import type { Thresholds } from '../journey/rules.ts';
import type { Criterion, CriterionId } from '../journey/stage-rules.ts';
import type { HealthId, PartnerType, StageId } from '../journey/stages.ts';
import type { Formatter } from './format.ts';

/** What a reason may cite: the partner's figures, the thresholds they were judged by, the evidence. */
export interface ReasonFacts {
  readonly stage: StageId;
  readonly officialStage: StageId | null;
  readonly kpis: Kpis;
  readonly rules: Thresholds;
  readonly signals: readonly HealthSignal[];
  readonly certifications: number;
  readonly evidence: readonly Criterion[];
  readonly fmt: Formatter;
}

export interface ActionText {
  readonly title: string;
  readonly reason: (facts: ReasonFacts) => string;
}

export type KpiId = keyof Kpis;

export interface Messages {
  readonly stageNames: Record<StageId, string>;
  readonly stageTaglines: Record<StageId, string>;
  readonly healthNames: Record<HealthId, string>;
  readonly partnerTypes: Record<PartnerType, string>;
  readonly healthSignal: Record<HealthSignal, (facts: ReasonFacts) => string>;
  readonly criterion: Record<CriterionId, (c: Criterion, stageName: string, fmt: Formatter) => string>;
  readonly kpiLabels: Record<KpiId, string>;
  readonly actions: Record<ActionId, ActionText>;
  readonly ui: UiText;
}

/** The fixed words of the cards. */
export interface UiText {
  readonly suggested: string;
  readonly officialStage: string;
  readonly nextStageEvidence: (stageName: string) => string;
  readonly keepStageEvidence: (stageName: string) => string;
  readonly nextActions: string;
  readonly noActions: string;
  readonly kpis: string;
  readonly history: string;
  readonly noHistory: string;
  readonly changeStage: string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly save: string;
  readonly markDone: string;
  readonly markUndone: string;
  readonly done: string;
  readonly whatIf: (partner: string, from: string, to: string) => string;
  readonly whatIfSame: (partner: string, stage: string) => string;
  readonly syncedValues: string;
  readonly notApplicable: string;
  readonly days: (n: number, fmt: Formatter) => string;
  readonly sources: Record<'manual' | 'sync' | 'crm-edit', string>;
  readonly playbook: string;
  readonly keyQuestions: string;
  readonly consider: string;
  readonly potentialActions: string;
  /** History reasons the service writes itself. */
  readonly syncInitialReason: (stage: string) => string;
  readonly syncPromotionReason: (stage: string, evidence: string) => string;
  readonly crmEditReason: (crm: string) => string;
}
