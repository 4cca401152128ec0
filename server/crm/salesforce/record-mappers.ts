import { z } from 'zod';
import { HEALTH_IDS, PARTNER_TYPES, STAGE_IDS, type DealStatus } from '../../../shared/journey/stages.ts';
import { describeIssues } from '../../../shared/validation/issues.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CrmDeal, CrmPartner } from '../crm-adapter.ts';

/** Salesforce datetimes come as `2026-06-30T14:00:00.000+0000`; we keep ISO with `Z`. */
const sfDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/, { error: 'must be a Salesforce datetime' })
  .transform((text) => new Date(Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))).toISOString());
const sfDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a Salesforce date (YYYY-MM-DD)' });
const id = z.string().regex(/^[a-zA-Z0-9]{18}$/, { error: 'must be an 18-character Salesforce id' });
const picklist = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` }).nullable().default(null);
const nullableNumber = z.number({ error: 'must be a number' }).nullable().default(null);

const accountSchema = z.object({
  Id: id,
  Name: z.string().nullable().default(null),
  IsDeleted: z.boolean().default(false),
  SystemModstamp: sfDateTime,
  LastActivityDate: sfDate.nullable().default(null),
  PJ_Partner_Type__c: picklist(PARTNER_TYPES),
  PJ_Partner_Since__c: sfDate.nullable().default(null),
  PJ_Certifications__c: nullableNumber,
  PJ_Joint_Business_Plan__c: z.boolean().nullable().default(false),
  PJ_Stage__c: picklist(STAGE_IDS),
  PJ_Suggested_Stage__c: picklist(STAGE_IDS),
  PJ_Health__c: picklist(HEALTH_IDS),
  PJ_Stage_Changed_At__c: sfDateTime.nullable().default(null),
  PJ_Stage_Changed_By__c: z.string().nullable().default(null),
  PJ_Next_Action__c: z.string().nullable().default(null),
  PJ_Won_Revenue_12m__c: nullableNumber,
  PJ_Won_Deals_12m__c: nullableNumber,
});

const opportunitySchema = z.object({
  Id: id,
  Name: z.string().nullable().default(null),
  IsDeleted: z.boolean().default(false),
  SystemModstamp: sfDateTime,
  CreatedDate: sfDateTime,
  CloseDate: sfDate.nullable().default(null),
  Amount: nullableNumber,
  IsClosed: z.boolean(),
  IsWon: z.boolean(),
  PJ_Registered_At__c: sfDateTime.nullable().default(null),
  PartnerAccountId: id.nullable().optional(),
  PJ_Partner_Account__c: id.nullable().optional(),
});

function parseRecord<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const recordId = typeof raw === 'object' && raw !== null && 'Id' in raw ? String((raw as { Id: unknown }).Id) : 'unknown id';
  throw new AppError('misconfigured', `Salesforce returned a ${what} (${recordId}) that does not fit the Partner Journey fields; run "partner-journey setup --crm salesforce"`, {
    problems: describeIssues(result.error, what),
  });
}

/** An Account as the journey sees it (DESIGN.md §4); a deleted Account is no longer a partner. */
export function toCrmPartner(raw: unknown): CrmPartner {
  const a = parseRecord(accountSchema, raw, 'Account');
  return {
    id: a.Id,
    name: a.Name ?? '',
    type: a.IsDeleted ? null : a.PJ_Partner_Type__c,
    joinedAt: a.PJ_Partner_Since__c,
    certifications: Math.max(0, Math.round(a.PJ_Certifications__c ?? 0)),
    hasJointBusinessPlan: a.PJ_Joint_Business_Plan__c ?? false,
    lastActivityAt: a.LastActivityDate,
    outputs: {
      stage: a.PJ_Stage__c,
      suggestedStage: a.PJ_Suggested_Stage__c,
      health: a.PJ_Health__c,
      stageChangedAt: a.PJ_Stage_Changed_At__c,
      stageChangedBy: a.PJ_Stage_Changed_By__c,
      nextAction: a.PJ_Next_Action__c,
      wonRevenue12m: a.PJ_Won_Revenue_12m__c,
      wonDeals12m: a.PJ_Won_Deals_12m__c,
    },
    modifiedAt: a.SystemModstamp,
  };
}

/**
 * An Opportunity with its partner read from the field describe chose. An open opportunity's
 * CloseDate is only the expected close, so it is not a closedAt.
 */
export function toCrmDeal(raw: unknown, partnerField: 'PartnerAccountId' | 'PJ_Partner_Account__c'): CrmDeal {
  const o = parseRecord(opportunitySchema, raw, 'Opportunity');
  const status: DealStatus = o.IsWon ? 'won' : o.IsClosed ? 'lost' : 'open';
  const partner = o[partnerField] ?? null;
  return {
    id: o.Id,
    name: o.Name ?? '',
    partnerIds: partner === null ? [] : [partner],
    createdAt: o.CreatedDate,
    closedAt: status === 'open' ? null : o.CloseDate,
    status,
    amount: o.Amount,
    registeredAt: o.PJ_Registered_At__c,
    modifiedAt: o.SystemModstamp,
    deleted: o.IsDeleted,
  };
}
