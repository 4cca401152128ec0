import { z } from 'zod';
import { PARTNER_TYPES, type PartnerType } from './stages.ts';

/**
 * Every number the journey engine decides with. Defaults are DESIGN.md §3; a rules document may
 * override any of them, globally and per partner type.
 */
const number = () => z.number({ error: 'must be a number' });
const count = number().int({ error: 'must be a whole number' }).nonnegative({ error: 'must not be negative' });
const amount = number().nonnegative({ error: 'must not be negative' });
const days = number().int({ error: 'must be a whole number' }).positive({ error: 'must be at least 1' });
const atLeastOne = { error: 'must be at least 1' };

const thresholdsShape = {
  /** The trailing window the "12m" figures use. */
  window: z.strictObject({ days }),
  recruit: z.strictObject({
    registerFirstDealAfterDays: count,
    reviewFitAfterDays: count,
  }),
  activate: z.strictObject({
    minWonDeals: count.min(1, atLeastOne),
    maxRegistrationLagDays: count,
  }),
  accelerate: z.strictObject({
    minWonDeals12m: count,
    minWonRevenue12m: amount,
    stalledDealDays: count,
    targetCertifications: count,
  }),
  mature: z.strictObject({
    minWonRevenue12m: amount,
    windows: count.min(1, atLeastOne).max(12, { error: 'must be at most 12' }),
    windowDays: days,
    minWonDealsPerWindow: count.min(1, atLeastOne),
    minDaysInProgram: count,
  }),
  health: z.strictObject({
    inactiveDays: days,
    atRiskDays: days,
    revenueDropRatio: number()
      .min(0, { error: 'must be between 0 and 1 (0.7 is 70%)' })
      .max(1, { error: 'must be between 0 and 1 (0.7 is 70%)' }),
    recruitMaxDays: count,
  }),
};

export const thresholdsSchema = z.strictObject(thresholdsShape);
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = {
  window: { days: 365 },
  recruit: { registerFirstDealAfterDays: 30, reviewFitAfterDays: 270 },
  activate: { minWonDeals: 1, maxRegistrationLagDays: 14 },
  accelerate: { minWonDeals12m: 3, minWonRevenue12m: 25_000, stalledDealDays: 60, targetCertifications: 2 },
  mature: {
    minWonRevenue12m: 100_000,
    windows: 4,
    windowDays: 91,
    minWonDealsPerWindow: 1,
    minDaysInProgram: 365,
  },
  health: { inactiveDays: 90, atRiskDays: 45, revenueDropRatio: 0.7, recruitMaxDays: 270 },
};

/** The sections a rules document may hold: the stages with thresholds, plus the 12m window and health. */
export const RULE_SECTIONS = Object.keys(thresholdsShape);
const SECTION_KEYS = RULE_SECTIONS;

/** A partial override: any section, any number in it. Unknown sections (e.g. a stage id that does not exist) are rejected. */
const overrideShape = Object.fromEntries(
  Object.entries(thresholdsShape).map(([key, section]) => [key, section.partial().optional()]),
) as { [K in keyof typeof thresholdsShape]: z.ZodOptional<ReturnType<(typeof thresholdsShape)[K]['partial']>> };

const rulesOverrideSchema = z.strictObject(overrideShape);
export type RulesOverride = z.infer<typeof rulesOverrideSchema>;

export const rulesDocumentSchema = z
  .strictObject({
    ...overrideShape,
    partnerTypes: z.strictObject(
      Object.fromEntries(PARTNER_TYPES.map((type) => [type, rulesOverrideSchema.optional()])) as Record<
        PartnerType,
        z.ZodOptional<typeof rulesOverrideSchema>
      >,
    ).optional(),
  })
  .superRefine((doc, ctx) => checkConsistency(doc, ctx));

export type RulesDocument = z.infer<typeof rulesDocumentSchema>;

function checkConsistency(doc: RulesDocument, ctx: z.RefinementCtx): void {
  const resolved = [undefined, ...PARTNER_TYPES].map((type) => ({ type, rules: resolveThresholds(doc, type) }));
  for (const { type, rules } of resolved) {
    const where = type ? `partnerTypes.${type}.` : '';
    if (rules.health.atRiskDays >= rules.health.inactiveDays) {
      ctx.addIssue({
        code: 'custom',
        path: [...(type ? ['partnerTypes', type] : []), 'health', 'atRiskDays'],
        message: `must be below ${where}health.inactiveDays (${rules.health.inactiveDays})`,
      });
    }
    if (rules.mature.windows * rules.mature.windowDays > rules.window.days) {
      ctx.addIssue({
        code: 'custom',
        path: [...(type ? ['partnerTypes', type] : []), 'mature', 'windowDays'],
        message: `mature.windows × mature.windowDays must fit in window.days (${rules.window.days})`,
      });
    }
  }
}

/** The thresholds for one partner: defaults, then the document's global overrides, then its partner-type overrides. */
export function resolveThresholds(doc: RulesDocument | undefined, type: PartnerType | null | undefined): Thresholds {
  const layers: RulesOverride[] = [];
  if (doc) {
    const { partnerTypes, ...global } = doc;
    layers.push(global);
    const typed = type ? partnerTypes?.[type] : undefined;
    if (typed) layers.push(typed);
  }
  return layers.reduce<Thresholds>(mergeOverride, DEFAULT_THRESHOLDS);
}

function mergeOverride(base: Thresholds, override: RulesOverride): Thresholds {
  const merged: Record<string, unknown> = { ...base };
  for (const key of SECTION_KEYS) {
    const section = override[key as keyof RulesOverride];
    if (section) merged[key] = { ...base[key as keyof Thresholds], ...section };
  }
  return merged as Thresholds;
}

/** Layers a second document (e.g. the rules inside one request) over a first (e.g. the server's rules file). */
export function combineRules(base: RulesDocument | undefined, top: RulesDocument | undefined): RulesDocument | undefined {
  if (!base) return top;
  if (!top) return base;
  const { partnerTypes: baseTypes, ...baseGlobal } = base;
  const { partnerTypes: topTypes, ...topGlobal } = top;
  const partnerTypes = Object.fromEntries(
    PARTNER_TYPES.map((type) => [type, combineOverride(baseTypes?.[type], topTypes?.[type])]),
  );
  return { ...combineOverride(baseGlobal, topGlobal), partnerTypes };
}

function combineOverride(a: RulesOverride | undefined, b: RulesOverride | undefined): RulesOverride {
  const out: Record<string, unknown> = {};
  for (const key of SECTION_KEYS) {
    const k = key as keyof RulesOverride;
    if (a?.[k] || b?.[k]) out[key] = { ...a?.[k], ...b?.[k] };
  }
  return out as RulesOverride;
}

/** For error messages: what may appear at a level of a rules document, given the path of an unknown key. */
export function rulesKeyHint(path: readonly PropertyKey[]): string | undefined {
  const sections = `expected one of: ${RULE_SECTIONS.join(', ')}`;
  const i = path.lastIndexOf('rules');
  const rel = i >= 0 ? path.slice(i + 1) : path;
  if (rel.length === 0) return `stage ids and sections: ${RULE_SECTIONS.join(', ')}, partnerTypes`;
  if (rel.length === 1 && rel[0] === 'partnerTypes') return `expected one of: ${PARTNER_TYPES.join(', ')}`;
  if (rel.length === 2 && rel[0] === 'partnerTypes') return sections;
  return undefined;
}
