import { evaluate, type Evaluation } from '../../shared/journey/evaluate.ts';
import { evaluationInputSchema, type EvaluationInput } from '../../shared/journey/input.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { RulesDocument } from '../../shared/journey/rules.ts';
import { DAY_MS } from '../../shared/time/iso-date.ts';

export const AS_OF = '2026-06-30';
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);

/** The calendar date `n` days before AS_OF (negative n: after). */
export function daysAgo(n: number): string {
  return new Date(AS_OF_MS - n * DAY_MS).toISOString().slice(0, 10);
}

type DealInput = NonNullable<EvaluationInput['deals']>[number];
type PartnerInput = EvaluationInput['partner'];

let dealSeq = 0;

export function wonDeal(closedDaysAgo: number, amount = 10_000, extra: Partial<DealInput> = {}): DealInput {
  dealSeq += 1;
  const closed = daysAgo(closedDaysAgo);
  return { id: `won-${dealSeq}`, createdAt: closed, registeredAt: closed, closedAt: closed, status: 'won', amount, ...extra };
}

export function lostDeal(closedDaysAgo: number, amount = 10_000, extra: Partial<DealInput> = {}): DealInput {
  dealSeq += 1;
  const closed = daysAgo(closedDaysAgo);
  return { id: `lost-${dealSeq}`, createdAt: closed, registeredAt: closed, closedAt: closed, status: 'lost', amount, ...extra };
}

export function openDeal(createdDaysAgo: number, amount = 10_000, extra: Partial<DealInput> = {}): DealInput {
  dealSeq += 1;
  const created = daysAgo(createdDaysAgo);
  return { id: `open-${dealSeq}`, createdAt: created, registeredAt: created, status: 'open', amount, ...extra };
}

export function partner(overrides: Partial<PartnerInput> = {}): PartnerInput {
  return {
    id: 'p1',
    name: 'Acme',
    type: 'channel',
    joinedAt: daysAgo(500),
    certifications: 2,
    hasJointBusinessPlan: true,
    lastActivityAt: daysAgo(1),
    ...overrides,
  };
}

export interface Scenario {
  partner?: Partial<PartnerInput>;
  deals?: DealInput[];
  rules?: RulesDocument;
  asOf?: string;
}

export function run(scenario: Scenario, locale: Locale = 'en', fileRules?: RulesDocument): Evaluation {
  const input = evaluationInputSchema.parse({
    asOf: scenario.asOf ?? AS_OF,
    partner: partner(scenario.partner),
    deals: scenario.deals ?? [],
    ...(scenario.rules ? { rules: scenario.rules } : {}),
  });
  return evaluate(input, { now: Date.parse('2030-01-01T00:00:00Z'), locale, ...(fileRules ? { rules: fileRules } : {}) });
}

/** Won deals that satisfy every maturity requirement at AS_OF (one per 91-day window, 120,000 in 12 months). */
export function matureDeals(amountEach = 30_000): DealInput[] {
  return [10, 100, 190, 280].map((d) => wonDeal(d, amountEach));
}

export function actionIds(evaluation: Evaluation): string[] {
  return evaluation.actions.map((a) => a.id);
}
