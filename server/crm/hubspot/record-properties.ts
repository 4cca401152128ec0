import type { PartnerOutputs } from '../crm-adapter.ts';
import { COMPANY_PROPERTIES } from './property-definitions.ts';

/** What we ask HubSpot for on every company read (DESIGN.md §4 inputs and outputs). */
export const COMPANY_READ_PROPERTIES: readonly string[] = [
  'name',
  'notes_last_updated',
  'hs_lastmodifieddate',
  ...COMPANY_PROPERTIES.map((p) => p.name),
];

export const DEAL_READ_PROPERTIES: readonly string[] = [
  'dealname',
  'amount',
  'createdate',
  'closedate',
  'hs_is_closed_won',
  'hs_is_closed',
  'hs_lastmodifieddate',
  'pj_registered_at',
];

/** Our output fields, by their HubSpot property (the sync writes only these). */
export const OUTPUT_PROPERTY: Readonly<Record<keyof PartnerOutputs, string>> = {
  stage: 'pj_stage',
  suggestedStage: 'pj_suggested_stage',
  health: 'pj_health',
  stageChangedAt: 'pj_stage_changed_at',
  stageChangedBy: 'pj_stage_changed_by',
  nextAction: 'pj_next_action',
  wonRevenue12m: 'pj_won_revenue_12m',
  wonDeals12m: 'pj_won_deals_12m',
};

export const PARTNER_TYPE_PROPERTY = 'pj_partner_type';
/** A former partner keeps the stage the sync wrote, which is how incremental search still finds it. */
export const FORMER_PARTNER_MARKER = 'pj_stage';
export const MODIFIED_PROPERTY = 'hs_lastmodifieddate';
export const ID_PROPERTY = 'hs_object_id';
