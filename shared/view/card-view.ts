import { formatterFor, type Formatter } from '../i18n/format.ts';
import { messagesFor } from '../i18n/index.ts';
import type { Locale } from '../i18n/locale.ts';
import type { KpiId, Messages } from '../i18n/messages.ts';
import type { Evaluation } from '../journey/evaluate.ts';
import type { WhatIf } from '../journey/what-if.ts';
import { STAGE_IDS, compareStages, stageIndex, type HealthId, type PartnerType, type StageId } from '../journey/stages.ts';
import { playbookFor, type StagePlaybook } from '../playbook/playbook.ts';

export type StageChangeSource = 'manual' | 'sync' | 'crm-edit';

export interface StageHistoryEntry {
  readonly at: string;
  readonly from: StageId | null;
  readonly to: StageId;
  readonly source: StageChangeSource;
  readonly actor: string;
  readonly reason: string;
}

export interface CardViewInput {
  readonly locale: Locale;
  readonly partnerName: string;
  readonly partnerType: PartnerType;
  /** The evaluation, computed in the same locale. */
  readonly evaluation: Evaluation;
  /** The stage people and the sync agreed on; the suggestion when there is none yet. */
  readonly officialStage?: StageId | null;
  readonly history?: readonly StageHistoryEntry[];
  readonly completedActionIds?: readonly string[];
}

export type TagVariant = 'success' | 'warning' | 'danger' | 'info' | 'default';

export interface CardView {
  readonly locale: Locale;
  readonly partnerName: string;
  readonly partnerTypeLabel: string;
  readonly stepNames: readonly string[];
  readonly stageIds: readonly StageId[];
  /** Index 0–3 of the official stage (the cards' step indicator). */
  readonly currentStep: number;
  readonly suggestedStep: number;
  readonly stage: { readonly id: StageId; readonly label: string; readonly tagline: string };
  readonly suggestion: { readonly id: StageId; readonly label: string; readonly differs: boolean; readonly higher: boolean };
  readonly health: { readonly id: HealthId; readonly label: string; readonly variant: TagVariant };
  readonly evidenceTitle: string;
  readonly evidence: readonly { readonly label: string; readonly met: boolean; readonly progress: number }[];
  readonly kpis: readonly { readonly id: KpiId; readonly label: string; readonly value: string }[];
  readonly actions: readonly {
    readonly id: string;
    readonly priority: number;
    readonly title: string;
    readonly reason: string;
    readonly done: boolean;
  }[];
  readonly history: readonly {
    readonly at: string;
    readonly change: string;
    readonly source: string;
    readonly actor: string;
    readonly reason: string;
  }[];
  readonly playbook: StagePlaybook;
}

/** The tag colour of each health state, for views that show a health without a full card view. */
export const HEALTH_VARIANTS: Record<HealthId, TagVariant> = { healthy: 'success', at_risk: 'warning', inactive: 'danger' };

/** The KPIs a card shows, in order. */
export const CARD_KPIS: readonly KpiId[] = [
  'wonRevenue12m',
  'wonDeals12m',
  'winRate12m',
  'openDeals',
  'openPipeline',
  'daysSinceLastActivity',
  'daysInProgram',
  'daysToFirstWin',
];

/** Turns an evaluation into exactly what both cards render, in one locale. */
export function buildCardView(input: CardViewInput): CardView {
  const messages = messagesFor(input.locale);
  const fmt = formatterFor(input.locale);
  const evaluation = input.evaluation;
  const official = input.officialStage ?? evaluation.suggestedStage;
  const suggested = evaluation.suggestedStage;
  const done = new Set(input.completedActionIds ?? []);
  const evidenceStage = evaluation.nextStage ?? suggested;
  return {
    locale: input.locale,
    partnerName: input.partnerName,
    partnerTypeLabel: messages.partnerTypes[input.partnerType],
    stepNames: STAGE_IDS.map((id) => messages.stageNames[id]),
    stageIds: STAGE_IDS,
    currentStep: stageIndex(official),
    suggestedStep: stageIndex(suggested),
    stage: { id: official, label: messages.stageNames[official], tagline: messages.stageTaglines[official] },
    suggestion: {
      id: suggested,
      label: messages.stageNames[suggested],
      differs: suggested !== official,
      higher: compareStages(suggested, official) > 0,
    },
    health: { id: evaluation.health, label: messages.healthNames[evaluation.health], variant: HEALTH_VARIANTS[evaluation.health] },
    evidenceTitle: evaluation.nextStage
      ? messages.ui.nextStageEvidence(messages.stageNames[evidenceStage])
      : messages.ui.keepStageEvidence(messages.stageNames[evidenceStage]),
    evidence: evaluation.evidence.map((c) => ({
      label: c.label,
      met: c.met,
      progress: c.required === 0 ? 1 : Math.min(1, c.actual / c.required),
    })),
    kpis: CARD_KPIS.map((id) => ({ id, label: messages.kpiLabels[id], value: formatKpi(id, evaluation.kpis[id], fmt, messages) })),
    actions: evaluation.actions.map((a) => ({ ...a, done: done.has(a.id) })),
    history: (input.history ?? []).map((entry) => ({
      at: formatDateTime(entry.at, input.locale),
      change: `${entry.from ? messages.stageNames[entry.from] : messages.ui.notApplicable} → ${messages.stageNames[entry.to]}`,
      source: messages.ui.sources[entry.source],
      actor: entry.actor,
      reason: entry.reason,
    })),
    playbook: playbookFor(input.locale)[official],
  };
}

export function formatKpi(id: KpiId, value: number | null, fmt: Formatter, messages: Messages): string {
  if (value === null) return messages.ui.notApplicable;
  switch (id) {
    case 'wonRevenue12m':
    case 'wonRevenuePrev12m':
    case 'openPipeline':
      return fmt.amount(value);
    case 'winRate12m':
      return fmt.percent(value);
    case 'daysSinceLastActivity':
    case 'daysToFirstWin':
    case 'daysInProgram':
      return messages.ui.days(value, fmt);
    default:
      return fmt.number(value);
  }
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
}

/** "Closing this deal moves Acme to Acceleration." */
export function describeWhatIf(
  whatIf: Pick<WhatIf, 'stageBefore' | 'stageAfter' | 'moves'>,
  partnerName: string,
  locale: Locale,
): string {
  const messages = messagesFor(locale);
  const from = messages.stageNames[whatIf.stageBefore];
  const to = messages.stageNames[whatIf.stageAfter];
  return whatIf.moves === 'none' ? messages.ui.whatIfSame(partnerName, from) : messages.ui.whatIf(partnerName, from, to);
}
