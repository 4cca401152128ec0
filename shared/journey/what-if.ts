import { asOfInstant, parseIsoDate, toIsoDate, toIsoDateTime } from '../time/iso-date.ts';
import { evaluate, type EvaluateOptions, type Evaluation } from './evaluate.ts';
import type { ParsedEvaluationInput } from './input.ts';
import { compareStages, type StageId } from './stages.ts';

/** A hypothetical: this deal (an open one, or a new one) closes won. */
export interface DealWonChange {
  readonly dealId: string;
  /** The amount it closes at; defaults to the deal's own amount. */
  readonly amount?: number | undefined;
  /** When it closes; defaults to `asOf`. */
  readonly closedAt?: string | undefined;
}

export interface WhatIf {
  readonly dealId: string;
  readonly closedAt: string;
  readonly amount: number;
  readonly before: Evaluation;
  readonly after: Evaluation;
  readonly stageBefore: StageId;
  readonly stageAfter: StageId;
  readonly moves: 'up' | 'down' | 'none';
}

/**
 * Evaluates the partner twice at the same instant: as things are, and with the deal closed won.
 * When the deal closes after `asOf`, both sides are evaluated at the closing date so only the deal differs.
 */
export function whatIfDealWon(input: ParsedEvaluationInput, change: DealWonChange, options: EvaluateOptions): WhatIf {
  const asOfText = input.asOf ?? toIsoDateTime(options.now);
  const closing = change.closedAt ? parseIsoDate(change.closedAt) : null;
  const closingText = closing ? (closing.dateOnly ? toIsoDate(closing.ms) : toIsoDateTime(closing.ms)) : asOfText;
  const asOfParsed = parseIsoDate(asOfText);
  const later = closing && asOfParsed && asOfInstant(closing) > asOfInstant(asOfParsed);
  const asOf = later ? closingText : asOfText;
  const existing = input.deals.find((deal) => deal.id === change.dealId);
  const amount = change.amount ?? existing?.amount ?? 0;
  const closedDeal = {
    id: change.dealId,
    createdAt: existing?.createdAt ?? closingText,
    registeredAt: existing?.registeredAt ?? null,
    status: 'won' as const,
    closedAt: closingText,
    amount,
  };
  const beforeInput = { ...input, asOf };
  const afterInput = {
    ...input,
    asOf,
    deals: existing
      ? input.deals.map((deal) => (deal.id === change.dealId ? closedDeal : deal))
      : [...input.deals, closedDeal],
  };
  const before = evaluate(beforeInput, options);
  const after = evaluate(afterInput, options);
  const delta = compareStages(after.suggestedStage, before.suggestedStage);
  return {
    dealId: change.dealId,
    closedAt: closingText,
    amount,
    before,
    after,
    stageBefore: before.suggestedStage,
    stageAfter: after.suggestedStage,
    moves: delta > 0 ? 'up' : delta < 0 ? 'down' : 'none',
  };
}
