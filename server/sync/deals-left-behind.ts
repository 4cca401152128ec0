import type { CrmDeal } from '../crm/crm-adapter.ts';
import type { SyncContext } from './sync-context.ts';

/**
 * Deals the store links to these partners that the CRM did not list with them: unlinked or
 * deleted since, which HubSpot's change feed never reports (search skips archived records, and
 * association changes leave `hs_lastmodifieddate` alone). The backfill reads them again
 * (`applyCrmRecordsById`), so those the CRM no longer has leave the store.
 */
export async function dealIdsLeftBehind(ctx: SyncContext, partnerIds: readonly string[], listed: readonly CrmDeal[]): Promise<string[]> {
  if (partnerIds.length === 0) return [];
  const seen = new Set(listed.map((d) => d.id));
  const missing = new Set<string>();
  for (const deals of (await ctx.store.dealsOfPartners(ctx.tenant, partnerIds)).values()) {
    for (const deal of deals) if (!seen.has(deal.dealId)) missing.add(deal.dealId);
  }
  return [...missing];
}
