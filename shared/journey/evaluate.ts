import { formatterFor } from '../i18n/format.ts';
import { messagesFor } from '../i18n/index.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ReasonFacts } from '../i18n/messages.ts';
import { asOfInstant, parseIsoDate, toIsoDate, toIsoDateTime } from '../time/iso-date.ts';
import { selectActions, type ActionId } from './actions.ts';
import { assessHealth, type HealthSignal } from './health.ts';
import type { ParsedEvaluationInput } from './input.ts';
import { computeMetrics, type DealAtAsOf, type Kpis, type Metrics, type PartnerAtAsOf } from './metrics.ts';
import { combineRules, resolveThresholds, type RulesDocument, type Thresholds } from './rules.ts';
import { stageEvidence, suggestStage, type Criterion } from './stage-rules.ts';
import { nextStage, type HealthId, type PartnerType, type StageId } from './stages.ts';

/** A partner's facts as they stood at one instant, ready for the rules. */
export interface JourneyFacts {
  readonly asOf: number;
  readonly asOfText: string;
  readonly partner: PartnerAtAsOf & {
    readonly id: string | undefined;
    readonly type: PartnerType | null;
    readonly stage: StageId | null;
  };
  readonly deals: readonly DealAtAsOf[];
}

/** The locale-free result of the rules. */
export interface Journey {
  readonly suggestedStage: StageId;
  readonly health: HealthId;
  readonly healthSignals: readonly HealthSignal[];
  readonly evidence: readonly Criterion[];
  readonly actionIds: readonly ActionId[];
  readonly metrics: Metrics;
  readonly thresholds: Thresholds;
  readonly facts: JourneyFacts;
}

export interface EvidenceItem extends Criterion {
  readonly label: string;
}

export interface ActionItem {
  readonly id: ActionId;
  readonly priority: number;
  readonly title: string;
  readonly reason: string;
}

/** The DESIGN.md §3 output document (fields may be added, never renamed). */
export interface Evaluation {
  readonly asOf: string;
  readonly partnerId?: string;
  readonly locale: Locale;
  readonly suggestedStage: StageId;
  readonly nextStage: StageId | null;
  readonly health: HealthId;
  readonly healthSignals: readonly HealthSignal[];
  readonly evidence: readonly EvidenceItem[];
  readonly actions: readonly ActionItem[];
  readonly kpis: Kpis;
}

export interface EvaluateOptions {
  /** Epoch ms used when the input has no `asOf`. */
  readonly now: number;
  readonly locale?: Locale;
  /** Rules loaded by the caller (a rules file); the input's own `rules` are layered on top. */
  readonly rules?: RulesDocument;
}

export function evaluate(input: ParsedEvaluationInput, options: EvaluateOptions): Evaluation {
  const facts = prepareFacts(input, options.now);
  const thresholds = resolveThresholds(combineRules(options.rules, input.rules), facts.partner.type);
  return describeJourney(computeJourney(facts, thresholds), options.locale ?? 'en');
}

/**
 * Replays the deals up to `asOf`, reading what DESIGN.md §3 leaves open this way:
 * - a deal created after `asOf` is left out; a close or registration after `asOf` had not happened
 *   yet, so at `asOf` the deal was open or unregistered;
 * - an open deal's closedAt is only its expected close (the CRM adapters drop it too): it is
 *   neither a close nor activity;
 * - a deal without createdAt was created no later than its first known date (registration or close);
 * - a lost deal without closedAt is still a deal (and its dates are activity) but falls in no
 *   12-month figure.
 */
export function prepareFacts(input: ParsedEvaluationInput, now: number): JourneyFacts {
  const parsedAsOf = input.asOf ? parseIsoDate(input.asOf) : null;
  const asOf = parsedAsOf ? asOfInstant(parsedAsOf) : now;
  const asOfText = parsedAsOf?.dateOnly ? toIsoDate(parsedAsOf.ms) : toIsoDateTime(parsedAsOf?.ms ?? now);
  const ms = (text: string | null | undefined) => (text ? (parseIsoDate(text)?.ms ?? null) : null);
  const deals: DealAtAsOf[] = [];
  input.deals.forEach((deal, index) => {
    const closedAt = deal.status === 'open' ? null : ms(deal.closedAt);
    const registeredAt = ms(deal.registeredAt);
    const createdAt = ms(deal.createdAt) ?? earliest(registeredAt, closedAt);
    if (createdAt !== null && createdAt > asOf) return;
    const closedByAsOf = closedAt !== null && closedAt <= asOf;
    deals.push({
      id: deal.id ?? `deal-${index + 1}`,
      createdAt,
      registeredAt: registeredAt !== null && registeredAt <= asOf ? registeredAt : null,
      closedAt: closedByAsOf ? closedAt : null,
      status: deal.status === 'open' || closedByAsOf || closedAt === null ? deal.status : 'open',
      amount: deal.amount ?? 0,
    });
  });
  const partner = input.partner;
  return {
    asOf,
    asOfText,
    partner: {
      id: partner.id ?? undefined,
      type: partner.type ?? null,
      stage: partner.stage ?? null,
      joinedAt: ms(partner.joinedAt) ?? asOf,
      certifications: partner.certifications,
      hasJointBusinessPlan: partner.hasJointBusinessPlan,
      lastActivityAt: ms(partner.lastActivityAt),
    },
    deals,
  };
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

export function computeJourney(facts: JourneyFacts, thresholds: Thresholds): Journey {
  const metrics = computeMetrics(facts.partner, facts.deals, facts.asOf, thresholds);
  const suggestedStage = suggestStage(metrics.kpis, thresholds);
  const health = assessHealth(suggestedStage, metrics.kpis, thresholds);
  const actionIds = selectActions({
    stage: suggestedStage,
    officialStage: facts.partner.stage,
    health,
    metrics,
    certifications: facts.partner.certifications,
    hasJointBusinessPlan: facts.partner.hasJointBusinessPlan,
    rules: thresholds,
  });
  return {
    suggestedStage,
    health: health.health,
    healthSignals: health.signals,
    evidence: stageEvidence(suggestedStage, metrics.kpis, thresholds),
    actionIds,
    metrics,
    thresholds,
    facts,
  };
}

export function describeJourney(journey: Journey, locale: Locale): Evaluation {
  const messages = messagesFor(locale);
  const fmt = formatterFor(locale);
  const reasonFacts: ReasonFacts = {
    stage: journey.suggestedStage,
    officialStage: journey.facts.partner.stage,
    kpis: journey.metrics.kpis,
    rules: journey.thresholds,
    signals: journey.healthSignals,
    certifications: journey.facts.partner.certifications,
    evidence: journey.evidence,
    fmt,
  };
  return {
    asOf: journey.facts.asOfText,
    ...(journey.facts.partner.id === undefined ? {} : { partnerId: journey.facts.partner.id }),
    locale,
    suggestedStage: journey.suggestedStage,
    nextStage: nextStage(journey.suggestedStage),
    health: journey.health,
    healthSignals: journey.healthSignals,
    evidence: journey.evidence.map((c) => ({
      ...c,
      label: messages.criterion[c.criterion](c, messages.stageNames[c.stage], fmt),
    })),
    actions: journey.actionIds.map((id, index) => ({
      id,
      priority: index + 1,
      title: messages.actions[id].title,
      reason: messages.actions[id].reason(reasonFacts),
    })),
    kpis: { ...journey.metrics.kpis },
  };
}
