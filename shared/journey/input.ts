import { z } from 'zod';
import { parseIsoDate } from '../time/iso-date.ts';
import { DEAL_STATUSES, PARTNER_TYPES, STAGE_IDS } from './stages.ts';
import { rulesDocumentSchema } from './rules.ts';

/** An ISO-8601 date or date-time, kept as text; `isoDateMs` reads it. */
export const isoDateText = z
  .string({ error: 'must be an ISO-8601 date or date-time string' })
  .refine((text) => parseIsoDate(text) !== null, {
    error: (issue) => `"${String(issue.input)}" is not an ISO-8601 date or date-time (e.g. 2026-06-30 or 2026-06-30T14:00:00Z)`,
  });

const amount = z
  .number({ error: 'must be a number' })
  .nonnegative({ error: 'must not be negative' });

export const partnerFactsSchema = z.object({
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  type: z.enum(PARTNER_TYPES, { error: `must be one of ${PARTNER_TYPES.join(', ')}` }),
  joinedAt: isoDateText,
  certifications: z.number().int({ error: 'must be a whole number' }).nonnegative({ error: 'must not be negative' }).default(0),
  hasJointBusinessPlan: z.boolean({ error: 'must be true or false' }).default(false),
  lastActivityAt: isoDateText.nullish(),
  /** The official stage, when the caller knows it (the engine then flags a suggestion below it for review). */
  stage: z.enum(STAGE_IDS, { error: `must be one of ${STAGE_IDS.join(', ')}` }).nullish(),
});

export const dealFactsSchema = z
  .object({
    id: z.string().min(1).optional(),
    createdAt: isoDateText.optional(),
    registeredAt: isoDateText.nullish(),
    closedAt: isoDateText.nullish(),
    status: z.enum(DEAL_STATUSES, { error: `must be one of ${DEAL_STATUSES.join(', ')}` }),
    amount: amount.nullish(),
  })
  .superRefine((deal, ctx) => {
    if (deal.status === 'won' && !deal.closedAt) {
      ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'is required when status is "won"' });
    }
    if (!deal.createdAt && !deal.closedAt && deal.status !== 'open') {
      ctx.addIssue({ code: 'custom', path: ['createdAt'], message: 'is required (or closedAt)' });
    }
  });

export const MAX_DEALS_PER_PARTNER = 100_000;

export const evaluationInputSchema = z.object({
  asOf: isoDateText.optional(),
  partner: partnerFactsSchema,
  deals: z.array(dealFactsSchema).max(MAX_DEALS_PER_PARTNER).default([]),
  rules: rulesDocumentSchema.optional(),
});

export type EvaluationInput = z.input<typeof evaluationInputSchema>;
export type ParsedEvaluationInput = z.output<typeof evaluationInputSchema>;
export type PartnerFacts = z.output<typeof partnerFactsSchema>;
export type DealFacts = z.output<typeof dealFactsSchema>;
