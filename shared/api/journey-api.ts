import { z } from 'zod';
import { ACTION_IDS } from '../journey/actions.ts';
import { HEALTH_SIGNALS } from '../journey/health.ts';
import { CRITERION_IDS } from '../journey/stage-rules.ts';
import { DEAL_STATUSES, HEALTH_IDS, PARTNER_TYPES, STAGE_IDS } from '../journey/stages.ts';
import { LOCALES } from '../i18n/locale.ts';

/**
 * The JSON the cards and the service exchange. Both sides parse with these schemas, so a card
 * never renders a shape the service did not promise.
 */
export const stageIdSchema = z.enum(STAGE_IDS);
export const stageChangeSourceSchema = z.enum(['manual', 'sync', 'crm-edit']);
export const roleSchema = z.enum(['manager', 'rep']);
export type Role = z.infer<typeof roleSchema>;

const nonNegative = z.number().nonnegative();

export const kpisSchema = z.object({
  wonRevenue12m: nonNegative,
  wonDeals12m: nonNegative,
  wonDealsTotal: nonNegative,
  openDeals: nonNegative,
  openPipeline: nonNegative,
  winRate12m: z.number().min(0).max(1).nullable(),
  daysSinceLastActivity: nonNegative,
  daysToFirstWin: z.number().nullable(),
  daysInProgram: nonNegative,
  wonRevenuePrev12m: nonNegative,
  activeWindows: nonNegative,
});

export const evaluationSchema = z.object({
  asOf: z.string(),
  partnerId: z.string().optional(),
  locale: z.enum(LOCALES),
  suggestedStage: stageIdSchema,
  nextStage: stageIdSchema.nullable(),
  health: z.enum(HEALTH_IDS),
  healthSignals: z.array(z.enum(HEALTH_SIGNALS)),
  evidence: z.array(
    z.object({
      criterion: z.enum(CRITERION_IDS),
      stage: stageIdSchema,
      met: z.boolean(),
      actual: z.number(),
      required: z.number(),
      label: z.string(),
    }),
  ),
  actions: z.array(
    z.object({ id: z.enum(ACTION_IDS), priority: z.number().int().positive(), title: z.string(), reason: z.string() }),
  ),
  kpis: kpisSchema,
});

export const stageHistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  from: stageIdSchema.nullable(),
  to: stageIdSchema,
  source: stageChangeSourceSchema,
  actor: z.string(),
  reason: z.string(),
});

export const partnerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  joinedAt: z.string(),
  /** True when the CRM has no partner-since date and the first day the sync saw the partner stands in. */
  joinedAtInferred: z.boolean(),
  certifications: z.number().int().nonnegative(),
  hasJointBusinessPlan: z.boolean(),
});

export const partnerJourneySchema = z.object({
  partner: partnerSummarySchema,
  officialStage: stageIdSchema,
  stageChangedAt: z.string().nullable(),
  stageChangedBy: z.string().nullable(),
  evaluation: evaluationSchema,
  history: z.array(stageHistoryEntrySchema),
  completedActionIds: z.array(z.string()),
  syncedAt: z.string().nullable(),
});

export const whatIfSummarySchema = z.object({
  dealId: z.string(),
  amount: z.number(),
  closedAt: z.string(),
  stageBefore: stageIdSchema,
  stageAfter: stageIdSchema,
  moves: z.enum(['up', 'down', 'none']),
});

export const dealSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(DEAL_STATUSES),
  amount: z.number().nullable(),
  closedAt: z.string().nullable(),
});

const viewer = { locale: z.enum(LOCALES), role: roleSchema };

export const journeyResponseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partner'), ...viewer, journey: partnerJourneySchema }),
  z.object({
    kind: z.literal('deal'),
    ...viewer,
    deal: dealSummarySchema,
    partners: z.array(z.object({ journey: partnerJourneySchema, whatIf: whatIfSummarySchema.nullable() })),
  }),
]);

export const stageChangeRequestSchema = z.object({
  objectId: z.string().min(1).max(64),
  stage: stageIdSchema,
  reason: z.string().trim().min(3, { error: 'must be at least 3 characters' }).max(500, { error: 'must be at most 500 characters' }),
  /** Makes a retried request harmless; cards send a fresh one per submitted form. (hubspot.fetch cannot send custom headers.) */
  idempotencyKey: z.string().min(8).max(128).optional(),
});

export const actionRequestSchema = z.object({
  objectId: z.string().min(1).max(64),
  actionId: z.enum(ACTION_IDS),
  done: z.boolean(),
});

export const partnerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  officialStage: stageIdSchema,
  suggestedStage: stageIdSchema,
  health: z.enum(HEALTH_IDS),
});

export type Evaluation = z.infer<typeof evaluationSchema>;
export type PartnerJourney = z.infer<typeof partnerJourneySchema>;
export type WhatIfSummary = z.infer<typeof whatIfSummarySchema>;
export type JourneyResponse = z.infer<typeof journeyResponseSchema>;
export type StageChangeRequest = z.infer<typeof stageChangeRequestSchema>;
export type ActionRequest = z.infer<typeof actionRequestSchema>;
export type PartnerListItem = z.infer<typeof partnerListItemSchema>;

/** An RFC 9457 problem document, as every error of the service is returned. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
