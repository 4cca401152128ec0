import { z } from 'zod';
import { parseIsoDate } from '../time/iso-date.ts';
import { DEAL_STATUSES, PARTNER_TYPES, STAGE_IDS } from './stages.ts';
import { rulesDocumentSchema } from './rules.ts';

/** A field's problem: "is required" when it is missing, `problem` when it holds something else. */
const missingOr =
  (problem: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? 'is required' : problem;

/** An ISO-8601 date or date-time, kept as text; `isoDateMs` reads it. */
export const isoDateText = z
  .string({ error: missingOr('must be an ISO-8601 date or date-time string') })
  .refine((text) => parseIsoDate(text) !== null, {
    error: (issue) => `"${String(issue.input)}" is not an ISO-8601 date or date-time (e.g. 2026-06-30 or 2026-06-30T14:00:00Z)`,
  });

/** Bounded so that sums of up to MAX_DEALS_PER_PARTNER amounts stay finite numbers. */
const amount = z
  .number({ error: 'must be a number' })
  .nonnegative({ error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'must be at most 9007199254740991' });

/** A CRM record id; numeric ids (as HubSpot's are) are read as their text. */
const recordId = z
  .union([z.string().min(1, { error: 'must not be empty' }), z.number().finite()], { error: 'must be a string or a number' })
  .transform(String);

/**
 * Every partner fact but joinedAt is optional, and null means "not known" as an absent field does
 * (CRM exports write empty fields as null). Without a type, no per-type rules apply.
 */
export const partnerFactsSchema = z.object({
  id: recordId.nullish(),
  name: z.string({ error: 'must be a string' }).nullish(),
  type: z.enum(PARTNER_TYPES, { error: `must be one of ${PARTNER_TYPES.join(', ')}` }).nullish(),
  joinedAt: isoDateText,
  certifications: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .nonnegative({ error: 'must not be negative' })
    .nullish()
    .transform((n) => n ?? 0),
  hasJointBusinessPlan: z
    .boolean({ error: 'must be true or false' })
    .nullish()
    .transform((b) => b ?? false),
  lastActivityAt: isoDateText.nullish(),
  /** The official stage, when the caller knows it (the engine then flags a suggestion below it for review). */
  stage: z.enum(STAGE_IDS, { error: `must be one of ${STAGE_IDS.join(', ')}` }).nullish(),
});

export const dealFactsSchema = z
  .object({
    id: recordId.nullish(),
    createdAt: isoDateText.nullish(),
    registeredAt: isoDateText.nullish(),
    closedAt: isoDateText.nullish(),
    status: z.enum(DEAL_STATUSES, { error: missingOr(`must be one of ${DEAL_STATUSES.join(', ')}`) }),
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
  asOf: isoDateText.nullish(),
  partner: partnerFactsSchema,
  deals: z
    .array(dealFactsSchema, { error: 'must be an array of deals' })
    .max(MAX_DEALS_PER_PARTNER, { error: `must hold at most ${MAX_DEALS_PER_PARTNER} deals` })
    .default([]),
  rules: rulesDocumentSchema.optional(),
});

export type EvaluationInput = z.input<typeof evaluationInputSchema>;
export type ParsedEvaluationInput = z.output<typeof evaluationInputSchema>;
export type PartnerFacts = z.output<typeof partnerFactsSchema>;
export type DealFacts = z.output<typeof dealFactsSchema>;
