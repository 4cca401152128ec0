import { ACCOUNT_INPUT_FIELDS, ACCOUNT_OUTPUT_FIELDS, ACCOUNT_QUERY_FIELDS, OPPORTUNITY_BASE_FIELDS } from './partner-journey-fields.ts';
import { soql, soqlJoin, soqlName, soqlNames, type SoqlFragment } from './soql.ts';

export type PartnerField = 'PartnerAccountId' | 'PJ_Partner_Account__c';

export function opportunityFields(partnerField: PartnerField): readonly string[] {
  return [...OPPORTUNITY_BASE_FIELDS, partnerField];
}

const ACCOUNT_COLUMNS = soqlNames(ACCOUNT_QUERY_FIELDS);
const IS_PARTNER = soql`${soqlName(ACCOUNT_INPUT_FIELDS.type)} != ${null}`;
/** A former partner keeps the outputs the sync wrote, so "no longer a partner" is still seen. */
const WAS_PARTNER = soql`(${IS_PARTNER} OR ${soqlName(ACCOUNT_OUTPUT_FIELDS.suggestedStage)} != ${null} OR ${soqlName(ACCOUNT_OUTPUT_FIELDS.stage)} != ${null})`;

function where(conditions: readonly (SoqlFragment | null)[]): SoqlFragment {
  const present = conditions.filter((c): c is SoqlFragment => c !== null);
  return present.length === 0 ? soql`` : soql` WHERE ${soqlJoin(present, ' AND ')}`;
}

/** Backfill: partners in Id order after a keyset mark. */
export function partnersPageQuery(afterId: string | null, limit: number): SoqlFragment {
  return soql`SELECT ${ACCOUNT_COLUMNS} FROM Account${where([IS_PARTNER, afterId === null ? null : soql`Id > ${afterId}`])} ORDER BY Id LIMIT ${limit}`;
}

/** Incremental: partners and former partners changed after the mark (run through queryAll, so deletes show). */
export function changedAccountsQuery(since: SoqlFragment | null, limit: number): SoqlFragment {
  return soql`SELECT ${ACCOUNT_COLUMNS} FROM Account${where([WAS_PARTNER, since])} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
}

/** Incremental: every opportunity changed after the mark, linked or not (a link may just have been removed). */
export function changedOpportunitiesQuery(partnerField: PartnerField, since: SoqlFragment | null, limit: number): SoqlFragment {
  return soql`SELECT ${soqlNames(opportunityFields(partnerField))} FROM Opportunity${where([since])} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
}

/** Backfill: opportunities of these partners, in Id order after a keyset mark. */
export function dealsOfPartnersQuery(partnerField: PartnerField, partnerIds: readonly string[], afterId: string | null, limit: number): SoqlFragment {
  const link = soql`${soqlName(partnerField)} IN ${partnerIds}`;
  return soql`SELECT ${soqlNames(opportunityFields(partnerField))} FROM Opportunity${where([link, afterId === null ? null : soql`Id > ${afterId}`])} ORDER BY Id LIMIT ${limit}`;
}
