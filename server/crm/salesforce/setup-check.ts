import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { SetupReport } from '../crm-adapter.ts';
import { EXPECTED_FIELDS, OPPORTUNITY_FIELDS, PARTNER_LOOKUP_FIELD, type ExpectedField } from './partner-journey-fields.ts';
import type { PartnerField } from './record-queries.ts';

const describeSchema = z.object({
  name: z.string(),
  fields: z.array(
    z
      .object({
        name: z.string(),
        type: z.string(),
        updateable: z.boolean(),
        picklistValues: z.array(z.object({ value: z.string(), active: z.boolean().default(true) }).loose()).nullish(),
        referenceTo: z.array(z.string()).nullish(),
      })
      .loose(),
  ),
});

export type DescribedObject = z.output<typeof describeSchema>;
type DescribedField = DescribedObject['fields'][number];

export function parseDescribe(raw: unknown): DescribedObject {
  const parsed = describeSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('crm_unavailable', 'Salesforce answered describe with something that is not an sObject description');
  return parsed.data;
}

const DEPLOY = 'deploy extensions/salesforce (sf project deploy start --source-dir extensions/salesforce/force-app)';
const PERMISSION = 'assign the permission set Partner_Journey to the integration user (sf org assign permset --name Partner_Journey)';

/** Where each deal's partner comes from: PRM's PartnerAccountId when the org has it, else our lookup. */
export function partnerFieldOf(opportunity: DescribedObject): PartnerField | null {
  if (opportunity.fields.some((f) => f.name === OPPORTUNITY_FIELDS.prmPartner)) return OPPORTUNITY_FIELDS.prmPartner;
  if (opportunity.fields.some((f) => f.name === OPPORTUNITY_FIELDS.partnerLookup)) return OPPORTUNITY_FIELDS.partnerLookup;
  return null;
}

/**
 * Compares describe (what the running user can see and edit) with the fields the sync needs.
 * Nothing is created: the fields ship as metadata. Problems say what is wrong and how to fix it.
 */
export function checkSetup(account: DescribedObject, opportunity: DescribedObject): SetupReport {
  const unchanged: string[] = [];
  const problems: string[] = [];
  const objects = { Account: account, Opportunity: opportunity };
  const expected = [...EXPECTED_FIELDS];
  const partnerField = partnerFieldOf(opportunity);
  if (partnerField === OPPORTUNITY_FIELDS.prmPartner) unchanged.push('Opportunity.PartnerAccountId (the deal partner, from partner relationship management)');
  else expected.push(PARTNER_LOOKUP_FIELD);
  for (const want of expected) {
    const found = objects[want.object].fields.find((f) => f.name === want.name);
    const issues = found ? fieldIssues(want, found) : [`is missing or not visible to the running user: ${DEPLOY}, then ${PERMISSION}`];
    if (issues.length === 0) unchanged.push(`${want.object}.${want.name}`);
    else problems.push(...issues.map((issue) => `${want.object}.${want.name} (${want.label}) ${issue}`));
  }
  return { created: [], unchanged, problems };
}

function fieldIssues(want: ExpectedField, found: DescribedField): string[] {
  if (!want.types.includes(found.type)) {
    return [`is a ${found.type} field but must be ${want.types.join(' or ')}: delete it in Setup → Object Manager → ${want.object} → Fields & Relationships, then ${DEPLOY}`];
  }
  const issues: string[] = [];
  if (want.picklist) {
    const active = (found.picklistValues ?? []).filter((p) => p.active).map((p) => p.value);
    const missing = want.picklist.filter((v) => !active.includes(v));
    const unknown = active.filter((v) => !want.picklist?.includes(v));
    if (missing.length > 0) issues.push(`lacks the picklist values ${missing.join(', ')}: add them with these exact API names (Setup → Object Manager → ${want.object} → ${want.name} → Values) or ${DEPLOY}`);
    if (unknown.length > 0) issues.push(`has picklist values the journey does not know (${unknown.join(', ')}): deactivate them, since records holding them cannot be synced`);
  }
  if (want.referenceTo && !(found.referenceTo ?? []).includes(want.referenceTo)) {
    issues.push(`must be a lookup to ${want.referenceTo} (it points to ${(found.referenceTo ?? []).join(', ') || 'nothing'}): ${DEPLOY}`);
  }
  if (want.writtenBySync && !found.updateable) issues.push(`is read-only for the running user, and the sync writes it: ${PERMISSION}`);
  return issues;
}
