import type { CrmDeal } from '../crm/crm-adapter.ts';
import type { StoredDeal } from '../storage/journey-store.ts';
import type { SyncContext } from './sync-context.ts';

/**
 * Deals the store links to these partners that the CRM did not list with them: unlinked or
 * deleted since, which HubSpot's change feed never reports (search skips archived records, and
 * association changes leave `hs_lastmodifieddate` alone). They are read again; those the CRM no
 * longer has come back marked deleted, so a backfill leaves the store as the CRM is.
 */
export async function dealsLeftBehind(ctx: SyncContext, partnerIds: readonly string[], listed: readonly CrmDeal[]): Promise<CrmDeal[]> {
  if (partnerIds.length === 0) return [];
  const seen = new Set(listed.map((d) => d.id));
  const missing = new Map<string, StoredDeal>();
  for (const deals of (await ctx.store.dealsOfPartners(ctx.tenant, partnerIds)).values()) {
    for (const deal of deals) if (!seen.has(deal.dealId)) missing.set(deal.dealId, deal);
  }
  if (missing.size === 0) return [];
  const reread = await ctx.adapter.getDeals([...missing.keys()]);
  const found = new Set(reread.map((d) => d.id));
  const now = new Date(ctx.now()).toISOString();
  const gone = [...missing.values()].filter((d) => !found.has(d.dealId)).map((d) => asDeleted(d, now));
  return [...reread, ...gone];
}

function asDeleted(deal: StoredDeal, now: string): CrmDeal {
  return {
    id: deal.dealId,
    name: deal.name,
    partnerIds: deal.partnerIds,
    createdAt: deal.createdAt,
    closedAt: deal.closedAt,
    status: deal.status,
    amount: deal.amount,
    registeredAt: deal.registeredAt,
    modifiedAt: deal.crmModifiedAt ?? now,
    deleted: true,
  };
}
