import type { FieldSpec, FieldType, SObjectSchema } from './org-schema.ts';

/**
 * The org the sandbox pretends to be: Account and Opportunity with their standard fields, plus
 * the Partner Journey fields as describe shows them once `extensions/salesforce` is deployed and
 * the permission set assigned. Options bend it into the orgs the setup check must recognise.
 */
export interface OrgShape {
  /** PRM enabled: Opportunity.PartnerAccountId exists. */
  readonly partnerAccountField?: boolean;
  /** false: our metadata was never deployed. */
  readonly partnerJourneyFields?: boolean;
  /** Per field (`Account.PJ_Stage__c`): missing, read-only for the running user, another type or other values. */
  readonly fieldOverrides?: Readonly<Record<string, FieldOverride>>;
}

export interface FieldOverride {
  readonly missing?: boolean;
  readonly updateable?: boolean;
  readonly type?: FieldType;
  readonly picklistValues?: readonly string[];
}

const STAGES = [
  ['recruit', 'Recruit & onboard'],
  ['activate', 'First revenue'],
  ['accelerate', 'Acceleration'],
  ['mature', 'Maturity'],
] as const;
const HEALTH = [['healthy', 'Healthy'], ['at_risk', 'At risk'], ['inactive', 'Inactive']] as const;
const PARTNER_TYPES = [['technology', 'Technology'], ['channel', 'Channel'], ['strategic', 'Strategic']] as const;
export const OPPORTUNITY_STAGES = [
  ['Prospecting', false, false],
  ['Qualification', false, false],
  ['Negotiation/Review', false, false],
  ['Closed Won', true, true],
  ['Closed Lost', true, false],
] as const;

type Spec = Omit<FieldSpec, 'custom' | 'createable' | 'nillable'> & Partial<Pick<FieldSpec, 'createable' | 'nillable'>>;

function field(spec: Spec): FieldSpec {
  return {
    createable: spec.updateable,
    nillable: spec.type !== 'boolean' && spec.type !== 'id',
    ...spec,
    custom: spec.name.endsWith('__c'),
  };
}

const system = (name: string, label: string, type: FieldType): FieldSpec => field({ name, label, type, updateable: false });
const picklist = (name: string, label: string, values: readonly (readonly [string, string])[], restricted: boolean): FieldSpec =>
  field({ name, label, type: 'picklist', updateable: true, length: 255, restrictedPicklist: restricted, picklistValues: values.map(([value, l]) => ({ value, label: l })) });

function commonFields(): FieldSpec[] {
  return [
    field({ name: 'Id', label: 'Record ID', type: 'id', updateable: false, nillable: false }),
    system('IsDeleted', 'Deleted', 'boolean'),
    system('CreatedDate', 'Created Date', 'datetime'),
    system('LastModifiedDate', 'Last Modified Date', 'datetime'),
    field({ name: 'LastModifiedById', label: 'Last Modified By ID', type: 'reference', updateable: false, referenceTo: ['User'] }),
    system('SystemModstamp', 'System Modstamp', 'datetime'),
    system('LastActivityDate', 'Last Activity', 'date'),
  ];
}

function accountFields(withOurs: boolean): FieldSpec[] {
  const standard = [
    ...commonFields(),
    field({ name: 'Name', label: 'Account Name', type: 'string', updateable: true, length: 255, nillable: false }),
    field({ name: 'Type', label: 'Account Type', type: 'picklist', updateable: true, length: 255, restrictedPicklist: false, picklistValues: [{ value: 'Customer', label: 'Customer' }, { value: 'Partner', label: 'Partner' }] }),
  ];
  if (!withOurs) return standard;
  return [
    ...standard,
    picklist('PJ_Partner_Type__c', 'Partner Type', PARTNER_TYPES, true),
    field({ name: 'PJ_Partner_Since__c', label: 'Partner Since', type: 'date', updateable: true }),
    field({ name: 'PJ_Certifications__c', label: 'Partner Certifications', type: 'double', updateable: true, precision: 4, scale: 0 }),
    field({ name: 'PJ_Joint_Business_Plan__c', label: 'Joint Business Plan', type: 'boolean', updateable: true }),
    picklist('PJ_Stage__c', 'Partner Journey Stage', STAGES, true),
    picklist('PJ_Suggested_Stage__c', 'Suggested Journey Stage', STAGES, true),
    picklist('PJ_Health__c', 'Partner Health', HEALTH, true),
    field({ name: 'PJ_Stage_Changed_At__c', label: 'Stage Changed At', type: 'datetime', updateable: true }),
    field({ name: 'PJ_Stage_Changed_By__c', label: 'Stage Changed By', type: 'string', updateable: true, length: 255 }),
    field({ name: 'PJ_Next_Action__c', label: 'Next Partner Action', type: 'string', updateable: true, length: 255 }),
    field({ name: 'PJ_Won_Revenue_12m__c', label: 'Partner Won Revenue (12 months)', type: 'currency', updateable: true, precision: 16, scale: 2 }),
    field({ name: 'PJ_Won_Deals_12m__c', label: 'Partner Won Deals (12 months)', type: 'double', updateable: true, precision: 6, scale: 0 }),
  ];
}

function opportunityFields(withOurs: boolean, withPartnerAccount: boolean): FieldSpec[] {
  const fields = [
    ...commonFields(),
    field({ name: 'Name', label: 'Name', type: 'string', updateable: true, length: 120, nillable: false }),
    field({ name: 'AccountId', label: 'Account ID', type: 'reference', updateable: true, referenceTo: ['Account'] }),
    field({ name: 'StageName', label: 'Stage', type: 'picklist', updateable: true, length: 255, nillable: false, restrictedPicklist: false, picklistValues: OPPORTUNITY_STAGES.map(([value]) => ({ value, label: value })) }),
    field({ name: 'Amount', label: 'Amount', type: 'currency', updateable: true, precision: 18, scale: 2 }),
    field({ name: 'CloseDate', label: 'Close Date', type: 'date', updateable: true, nillable: false }),
    system('IsClosed', 'Closed', 'boolean'),
    system('IsWon', 'Won', 'boolean'),
  ];
  if (withPartnerAccount) fields.push(field({ name: 'PartnerAccountId', label: 'Partner Account ID', type: 'reference', updateable: true, referenceTo: ['Account'] }));
  if (withOurs) {
    fields.push(
      field({ name: 'PJ_Registered_At__c', label: 'Deal Registered At', type: 'datetime', updateable: true }),
      field({ name: 'PJ_Partner_Account__c', label: 'Partner Account', type: 'reference', updateable: true, referenceTo: ['Account'] }),
    );
  }
  return fields;
}

function applyOverrides(object: string, fields: FieldSpec[], overrides: Readonly<Record<string, FieldOverride>>): FieldSpec[] {
  return fields.flatMap((spec): FieldSpec[] => {
    const override = overrides[`${object}.${spec.name}`];
    if (!override) return [spec];
    if (override.missing) return [];
    return [
      {
        ...spec,
        ...(override.type ? { type: override.type } : {}),
        ...(override.updateable === undefined ? {} : { updateable: override.updateable, createable: override.updateable }),
        ...(override.picklistValues ? { picklistValues: override.picklistValues.map((value) => ({ value, label: value })) } : {}),
      },
    ];
  });
}

export function buildOrgObjects(shape: OrgShape = {}): Map<string, SObjectSchema> {
  const ours = shape.partnerJourneyFields ?? true;
  const overrides = shape.fieldOverrides ?? {};
  const objects: SObjectSchema[] = [
    { name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', fields: applyOverrides('Account', accountFields(ours), overrides) },
    {
      name: 'Opportunity',
      label: 'Opportunity',
      labelPlural: 'Opportunities',
      keyPrefix: '006',
      fields: applyOverrides('Opportunity', opportunityFields(ours, shape.partnerAccountField ?? false), overrides),
    },
  ];
  return new Map(objects.map((o) => [o.name, o]));
}
