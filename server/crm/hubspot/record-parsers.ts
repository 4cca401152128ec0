import { z } from 'zod';
import { HEALTH_IDS, PARTNER_TYPES, STAGE_IDS } from '../../../shared/journey/stages.ts';
import { parseIsoDate, toIsoDate, toIsoDateTime } from '../../../shared/time/iso-date.ts';
import { describeIssues, type FieldProblem } from '../../../shared/validation/issues.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CrmDeal, CrmPartner } from '../crm-adapter.ts';

/**
 * HubSpot sends every property as a string (or null when unset, "" once cleared). These schemas
 * turn them into typed facts and name the record and property when a value cannot be read.
 */
const blank = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

function instantMs(text: string): number | null {
  if (/^-?\d+$/.test(text)) return Number(text);
  return parseIsoDate(text)?.ms ?? null;
}

const dateTimeValue = z.string().transform((text, ctx) => {
  const ms = instantMs(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date-time` });
    return z.NEVER;
  }
  return toIsoDateTime(ms);
});

const dateValue = z.string().transform((text, ctx) => {
  const ms = instantMs(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date` });
    return z.NEVER;
  }
  return toIsoDate(ms);
});

const numberValue = z.string().transform((text, ctx) => {
  const n = Number(text);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a number` });
    return z.NEVER;
  }
  return n;
});

const boolValue = z.enum(['true', 'false'], { error: 'must be "true" or "false"' }).transform((v) => v === 'true');

const optional = <T extends z.ZodType<unknown, string>>(schema: T) => blank.pipe(schema.nullable());
const oneOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  optional(z.enum(values, { error: (issue) => `"${String(issue.input)}" is not one of ${values.join(', ')}` }));

const sdkRecord = z.object({
  id: z.string().regex(/^\d+$/, { error: 'must be a numeric HubSpot id' }),
  createdAt: z.date(),
  updatedAt: z.date(),
  archived: z.boolean().optional(),
});

const companySchema = sdkRecord.extend({
  properties: z.object({
    name: blank,
    pj_partner_type: oneOf(PARTNER_TYPES),
    pj_partner_since: optional(dateValue),
    pj_certifications: optional(numberValue.pipe(z.number().int({ error: 'must be a whole number' }).nonnegative({ error: 'must not be negative' }))),
    pj_joint_business_plan: optional(boolValue),
    notes_last_updated: optional(dateTimeValue),
    pj_stage: oneOf(STAGE_IDS),
    pj_suggested_stage: oneOf(STAGE_IDS),
    pj_health: oneOf(HEALTH_IDS),
    pj_stage_changed_at: optional(dateTimeValue),
    pj_stage_changed_by: blank,
    pj_next_action: blank,
    pj_won_revenue_12m: optional(numberValue),
    pj_won_deals_12m: optional(numberValue),
    hs_lastmodifieddate: optional(dateTimeValue),
  }),
});

const dealSchema = sdkRecord.extend({
  properties: z.object({
    dealname: blank,
    amount: optional(numberValue),
    createdate: optional(dateTimeValue),
    closedate: optional(dateTimeValue),
    hs_is_closed_won: optional(boolValue),
    hs_is_closed: optional(boolValue),
    hs_lastmodifieddate: optional(dateTimeValue),
    pj_registered_at: optional(dateTimeValue),
  }),
});

function toPartner(record: z.output<typeof companySchema>): CrmPartner {
  const p = record.properties;
  return {
    id: record.id,
    name: p.name ?? '',
    type: p.pj_partner_type,
    joinedAt: p.pj_partner_since,
    certifications: p.pj_certifications ?? 0,
    hasJointBusinessPlan: p.pj_joint_business_plan ?? false,
    lastActivityAt: p.notes_last_updated,
    outputs: {
      stage: p.pj_stage,
      suggestedStage: p.pj_suggested_stage,
      health: p.pj_health,
      stageChangedAt: p.pj_stage_changed_at,
      stageChangedBy: p.pj_stage_changed_by,
      nextAction: p.pj_next_action,
      wonRevenue12m: p.pj_won_revenue_12m,
      wonDeals12m: p.pj_won_deals_12m,
    },
    modifiedAt: p.hs_lastmodifieddate ?? toIsoDateTime(record.updatedAt.getTime()),
  };
}

function toDeal(record: z.output<typeof dealSchema>, partnerIds: readonly string[]): CrmDeal {
  const p = record.properties;
  const status = p.hs_is_closed_won ? 'won' : p.hs_is_closed ? 'lost' : 'open';
  return {
    id: record.id,
    name: p.dealname ?? '',
    partnerIds,
    createdAt: p.createdate ?? toIsoDateTime(record.createdAt.getTime()),
    // An open deal's closedate is only the expected close, not a fact about the partner.
    closedAt: status === 'open' ? null : p.closedate,
    status,
    amount: p.amount,
    registeredAt: p.pj_registered_at,
    modifiedAt: p.hs_lastmodifieddate ?? toIsoDateTime(record.updatedAt.getTime()),
    deleted: record.archived === true,
  };
}

function parseAll<S extends z.ZodType, T>(schema: S, records: readonly unknown[], noun: string, build: (parsed: z.output<S>) => T): T[] {
  const problems: FieldProblem[] = [];
  const out: T[] = [];
  for (const record of records) {
    const result = schema.safeParse(record);
    if (result.success) {
      out.push(build(result.data));
    } else {
      const id = (record as { id?: unknown } | null)?.id;
      problems.push(...describeIssues(result.error, `${noun} ${typeof id === 'string' ? id : '?'}`));
    }
  }
  if (problems.length > 0) {
    throw new AppError('invalid_input', `HubSpot sent ${noun} records the journey cannot read; fix the values named below in HubSpot`, { problems });
  }
  return out;
}

export function parseCompanies(records: readonly unknown[]): CrmPartner[] {
  return parseAll(companySchema, records, 'company', toPartner);
}

/** `partnerIds` maps a deal id to the companies linked with the "Partner" label. */
export function parseDeals(records: readonly unknown[], partnerIds: ReadonlyMap<string, readonly string[]>): CrmDeal[] {
  return parseAll(dealSchema, records, 'deal', (deal) => toDeal(deal, partnerIds.get(deal.id) ?? []));
}
