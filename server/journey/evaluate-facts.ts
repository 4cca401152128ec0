import { z } from 'zod';
import { evaluate, type Evaluation } from '../../shared/journey/evaluate.ts';
import { dealFactsSchema, evaluationInputSchema, isoDateText } from '../../shared/journey/input.ts';
import type { RulesDocument } from '../../shared/journey/rules.ts';
import { whatIfDealWon, type WhatIf } from '../../shared/journey/what-if.ts';
import { LOCALES, type Locale } from '../../shared/i18n/locale.ts';
import { AppError } from '../errors/app-error.ts';

/** Per request, so one call cannot hold the event loop for long. */
export const MAX_EVALUATE_DEALS = 5_000;

export const evaluateRequestSchema = evaluationInputSchema.extend({
  deals: z.array(dealFactsSchema).max(MAX_EVALUATE_DEALS, { error: `must hold at most ${MAX_EVALUATE_DEALS} deals` }).default([]),
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).optional(),
  whatIf: z
    .strictObject({
      dealId: z.string({ error: 'must be the id of a deal (open, or a new one)' }).min(1),
      amount: z.number({ error: 'must be a number' }).nonnegative({ error: 'must not be negative' }).optional(),
      closedAt: isoDateText.optional(),
    })
    .optional(),
});

export type EvaluateRequest = z.output<typeof evaluateRequestSchema>;

/** Rejects an oversized deal list before parsing it deal by deal. */
export function assertDealCount(body: unknown): void {
  const deals = (body as { deals?: unknown } | null)?.deals;
  if (Array.isArray(deals) && deals.length > MAX_EVALUATE_DEALS) {
    throw new AppError('payload_too_large', `at most ${MAX_EVALUATE_DEALS} deals per request`, {
      problems: [{ field: 'deals', problem: `holds ${deals.length} deals; at most ${MAX_EVALUATE_DEALS} are accepted per request` }],
    });
  }
}

/** DESIGN.md §3 evaluation of posted facts (no tenant data), or the what-if of one deal closing won. */
export function evaluateFacts(
  request: EvaluateRequest,
  options: { readonly now: number; readonly locale: Locale; readonly rules: RulesDocument | undefined },
): Evaluation | WhatIf {
  const { whatIf, locale, ...input } = request;
  const settings = { now: options.now, locale: locale ?? options.locale, ...(options.rules ? { rules: options.rules } : {}) };
  return whatIf ? whatIfDealWon(input, whatIf, settings) : evaluate(input, settings);
}
