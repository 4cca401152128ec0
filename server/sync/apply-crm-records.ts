import type { CrmDeal, CrmPartner, PartnerOutputs } from '../crm/crm-adapter.ts';
import type { PartnerFactsUpsert, StoredDeal } from '../storage/journey-store.ts';
import { CLEARED_WHEN_NOT_PARTNER } from './desired-outputs.ts';
import { reconcilePartners } from './reconcile-partners.ts';
import type { SyncContext } from './sync-context.ts';

/**
 * The one path every sync takes (backfill page, incremental page, webhook): store what the CRM
 * said, then reconcile every partner it touches.
 */
export async function applyCrmRecords(
  ctx: SyncContext,
  partners: readonly CrmPartner[],
  deals: readonly CrmDeal[],
  options: { readonly fetchDealsOfNewPartners?: boolean } = {},
): Promise<void> {
  const { store, tenant } = ctx;
  const now = new Date(ctx.now()).toISOString();
  const affected = new Set<string>();
  const observed = new Map<string, PartnerOutputs>();

  const known = new Map((await store.getPartners(tenant, partners.map((p) => p.id))).map((p) => [p.partnerId, p]));
  const relevant = partners.filter((p) => p.type !== null || known.has(p.id));
  // A record that just became a partner brings deals the store has never seen. They are stored
  // before the partner itself, so a run killed in between still treats the partner as new.
  const becamePartners = relevant.filter((p) => p.type !== null && !known.get(p.id)?.type).map((p) => p.id);
  const allDeals =
    options.fetchDealsOfNewPartners !== false && becamePartners.length > 0
      ? [...deals, ...(await ctx.adapter.dealsOfPartners(becamePartners))]
      : deals;

  if (allDeals.length > 0) {
    const previous = await store.getDeals(tenant, allDeals.map((d) => d.id));
    for (const deal of previous) for (const id of deal.partnerIds) affected.add(id);
    for (const partner of relevant) affected.add(partner.id);
    // The change feed brings every deal of the CRM; one that never had a partner is none of our
    // business (the engine never reads it, and the store would grow with the whole pipeline).
    const storedIds = new Set(previous.map((d) => d.dealId));
    const ours = allDeals.filter((d) => d.partnerIds.length > 0 || storedIds.has(d.id));
    await linkUnknownPartners(ctx, ours, affected, observed, now);
    const live = ours.filter((d) => !d.deleted);
    const gone = ours.filter((d) => d.deleted).map((d) => d.id);
    if (live.length > 0) await store.upsertDeals(tenant, live.map(toStoredDeal));
    if (gone.length > 0) await store.deleteDeals(tenant, gone);
    for (const deal of live) for (const id of deal.partnerIds) affected.add(id);
    ctx.report.dealsRead += allDeals.length;
  }

  if (relevant.length > 0) await store.upsertPartners(tenant, relevant.map((p) => toFacts(p, now)));
  for (const partner of relevant) {
    affected.add(partner.id);
    observed.set(partner.id, partner.outputs);
  }
  ctx.report.partnersRead += partners.length;

  const stored = new Set((await store.getPartners(tenant, [...affected])).map((p) => p.partnerId));
  await reconcilePartners(ctx, [...affected].filter((id) => stored.has(id)), observed);
}

/** A deal may point at a partner the store has not seen yet (created since the last partner page). */
async function linkUnknownPartners(
  ctx: SyncContext,
  deals: readonly CrmDeal[],
  affected: Set<string>,
  observed: Map<string, PartnerOutputs>,
  now: string,
): Promise<void> {
  const linked = [...new Set(deals.flatMap((d) => d.partnerIds))].filter((id) => !affected.has(id));
  if (linked.length === 0) return;
  const storedIds = new Set((await ctx.store.getPartners(ctx.tenant, linked)).map((p) => p.partnerId));
  const missing = linked.filter((id) => !storedIds.has(id));
  if (missing.length === 0) return;
  const fetched = (await ctx.adapter.getPartners(missing)).filter((p) => p.type !== null);
  if (fetched.length === 0) return;
  await ctx.store.upsertPartners(ctx.tenant, fetched.map((p) => toFacts(p, now)));
  for (const partner of fetched) observed.set(partner.id, partner.outputs);
  ctx.report.partnersRead += fetched.length;
}

function toFacts(partner: CrmPartner, syncedAt: string): PartnerFactsUpsert {
  return {
    partnerId: partner.id,
    name: partner.name,
    type: partner.type,
    joinedAt: partner.joinedAt,
    certifications: partner.certifications,
    hasJointBusinessPlan: partner.hasJointBusinessPlan,
    lastActivityAt: partner.lastActivityAt,
    crmModifiedAt: partner.modifiedAt,
    syncedAt,
  };
}

function toStoredDeal(deal: CrmDeal): StoredDeal {
  return {
    dealId: deal.id,
    name: deal.name,
    partnerIds: deal.partnerIds,
    createdAt: deal.createdAt,
    closedAt: deal.closedAt,
    status: deal.status,
    amount: deal.amount,
    registeredAt: deal.registeredAt,
    crmModifiedAt: deal.modifiedAt,
  };
}

/**
 * Re-reads these records from the CRM and applies them (a webhook said they changed, or an
 * earlier write failed). Ids the CRM no longer has were deleted or merged away.
 */
export async function applyCrmRecordsById(
  ctx: SyncContext,
  ids: { readonly partnerIds?: readonly string[]; readonly dealIds?: readonly string[] },
): Promise<void> {
  const partnerIds = [...new Set(ids.partnerIds ?? [])];
  const dealIds = [...new Set(ids.dealIds ?? [])];
  const partners = partnerIds.length > 0 ? await ctx.adapter.getPartners(partnerIds) : [];
  const deals = dealIds.length > 0 ? await ctx.adapter.getDeals(dealIds) : [];
  const found = new Set([...partners.map((p) => p.id), ...deals.map((d) => d.id)]);
  await applyCrmRemovals(ctx, {
    partnerIds: partnerIds.filter((id) => !found.has(id)),
    dealIds: dealIds.filter((id) => !found.has(id)),
  });
  await applyCrmRecords(ctx, partners, deals);
}

/**
 * Records the CRM no longer has: their deals stop counting for their partners, and a deleted
 * partner leaves the program. Nothing is written to a deleted record, so its outputs are taken as
 * cleared; its history stays.
 */
export async function applyCrmRemovals(
  ctx: SyncContext,
  gone: { readonly partnerIds: readonly string[]; readonly dealIds: readonly string[] },
): Promise<void> {
  const { store, tenant } = ctx;
  const affected = new Set<string>();
  if (gone.dealIds.length > 0) {
    const previous = await store.getDeals(tenant, gone.dealIds);
    for (const deal of previous) for (const id of deal.partnerIds) affected.add(id);
    if (previous.length > 0) await store.deleteDeals(tenant, previous.map((d) => d.dealId));
  }
  const leaving = (await store.getPartners(tenant, gone.partnerIds)).filter((p) => p.type !== null);
  if (leaving.length > 0) {
    const now = new Date(ctx.now()).toISOString();
    await store.upsertPartners(
      tenant,
      leaving.map((p) => ({
        partnerId: p.partnerId,
        name: p.name,
        type: null,
        joinedAt: p.joinedAt,
        certifications: p.certifications,
        hasJointBusinessPlan: p.hasJointBusinessPlan,
        lastActivityAt: p.lastActivityAt,
        crmModifiedAt: p.crmModifiedAt,
        syncedAt: now,
      })),
    );
    for (const partner of leaving) await store.recordCrmOutputs(tenant, partner.partnerId, CLEARED_WHEN_NOT_PARTNER);
  }
  for (const id of gone.partnerIds) affected.delete(id);
  if (affected.size > 0) await reconcilePartners(ctx, [...affected]);
}
