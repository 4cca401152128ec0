import type { PartnerOutputs } from '../crm-adapter.ts';
import { HEALTH_IDS, PARTNER_TYPES, STAGE_IDS } from '../../../shared/journey/stages.ts';

/** DESIGN.md §4: our fields in Salesforce (a public contract: admins use these names). */
export const ACCOUNT_INPUT_FIELDS = {
  type: 'PJ_Partner_Type__c',
  joinedAt: 'PJ_Partner_Since__c',
  certifications: 'PJ_Certifications__c',
  hasJointBusinessPlan: 'PJ_Joint_Business_Plan__c',
} as const;

export const ACCOUNT_OUTPUT_FIELDS: Readonly<Record<keyof PartnerOutputs, string>> = {
  stage: 'PJ_Stage__c',
  suggestedStage: 'PJ_Suggested_Stage__c',
  health: 'PJ_Health__c',
  stageChangedAt: 'PJ_Stage_Changed_At__c',
  stageChangedBy: 'PJ_Stage_Changed_By__c',
  nextAction: 'PJ_Next_Action__c',
  wonRevenue12m: 'PJ_Won_Revenue_12m__c',
  wonDeals12m: 'PJ_Won_Deals_12m__c',
};

export const OPPORTUNITY_FIELDS = {
  registeredAt: 'PJ_Registered_At__c',
  partnerLookup: 'PJ_Partner_Account__c',
  /** Present only in orgs with partner relationship management (PRM). */
  prmPartner: 'PartnerAccountId',
} as const;

/** Text outputs are cut to the field length we ship, so a long action title never fails a write. */
export const TEXT_OUTPUT_LENGTH = 255;

export const ACCOUNT_QUERY_FIELDS = [
  'Id',
  'Name',
  'IsDeleted',
  'SystemModstamp',
  'LastActivityDate',
  ...Object.values(ACCOUNT_INPUT_FIELDS),
  ...Object.values(ACCOUNT_OUTPUT_FIELDS),
] as const;

export const OPPORTUNITY_BASE_FIELDS = ['Id', 'Name', 'IsDeleted', 'SystemModstamp', 'CreatedDate', 'CloseDate', 'Amount', 'IsClosed', 'IsWon', OPPORTUNITY_FIELDS.registeredAt] as const;

/** What the setup check expects of each field: describe type(s), picklist values, and whether the sync writes it. */
export interface ExpectedField {
  readonly object: 'Account' | 'Opportunity';
  readonly name: string;
  readonly label: string;
  readonly types: readonly string[];
  readonly picklist?: readonly string[];
  readonly referenceTo?: string;
  readonly writtenBySync: boolean;
}

const account = (name: string, label: string, types: readonly string[], writtenBySync: boolean, picklist?: readonly string[]): ExpectedField => ({
  object: 'Account',
  name,
  label,
  types,
  writtenBySync,
  ...(picklist ? { picklist } : {}),
});

const NUMBER = ['double', 'int'];

export const EXPECTED_FIELDS: readonly ExpectedField[] = [
  account(ACCOUNT_INPUT_FIELDS.type, 'Partner Type', ['picklist'], false, PARTNER_TYPES),
  account(ACCOUNT_INPUT_FIELDS.joinedAt, 'Partner Since', ['date'], false),
  account(ACCOUNT_INPUT_FIELDS.certifications, 'Partner Certifications', NUMBER, false),
  account(ACCOUNT_INPUT_FIELDS.hasJointBusinessPlan, 'Joint Business Plan', ['boolean'], false),
  account(ACCOUNT_OUTPUT_FIELDS.stage, 'Partner Journey Stage', ['picklist'], true, STAGE_IDS),
  account(ACCOUNT_OUTPUT_FIELDS.suggestedStage, 'Suggested Journey Stage', ['picklist'], true, STAGE_IDS),
  account(ACCOUNT_OUTPUT_FIELDS.health, 'Partner Health', ['picklist'], true, HEALTH_IDS),
  account(ACCOUNT_OUTPUT_FIELDS.stageChangedAt, 'Stage Changed At', ['datetime'], true),
  account(ACCOUNT_OUTPUT_FIELDS.stageChangedBy, 'Stage Changed By', ['string'], true),
  account(ACCOUNT_OUTPUT_FIELDS.nextAction, 'Next Partner Action', ['string', 'textarea'], true),
  account(ACCOUNT_OUTPUT_FIELDS.wonRevenue12m, 'Partner Won Revenue (12 months)', ['currency', 'double'], true),
  account(ACCOUNT_OUTPUT_FIELDS.wonDeals12m, 'Partner Won Deals (12 months)', NUMBER, true),
  { object: 'Opportunity', name: OPPORTUNITY_FIELDS.registeredAt, label: 'Deal Registered At', types: ['datetime'], writtenBySync: false },
];

/** Needed only where the org has no PartnerAccountId. */
export const PARTNER_LOOKUP_FIELD: ExpectedField = {
  object: 'Opportunity',
  name: OPPORTUNITY_FIELDS.partnerLookup,
  label: 'Partner Account',
  types: ['reference'],
  referenceTo: 'Account',
  writtenBySync: false,
};
