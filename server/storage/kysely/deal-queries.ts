import type { Kysely, Selectable } from 'kysely';
import type { DealStatus } from '../../../shared/journey/stages.ts';
import type { StoredDeal } from '../journey-store.ts';
import type { Database, DealsTable } from './database.ts';
import { dedupeLast } from './partner-queries.ts';
import { chunks } from './run-in-transaction.ts';

/** Callers run this in a transaction: a deal and its partner links change together. */
export async function upsertDeals(db: Kysely<Database>, tenant: string, deals: readonly StoredDeal[]): Promise<void> {
  for (const batch of chunks(dedupeLast(deals, (d) => d.dealId), 500)) {
    await db
      .insertInto('deals')
      .values(
        batch.map((d) => ({
          tenant_id: tenant,
          deal_id: d.dealId,
          name: d.name,
          created_at: d.createdAt,
          closed_at: d.closedAt,
          status: d.status,
          amount: d.amount,
          registered_at: d.registeredAt,
          crm_modified_at: d.crmModifiedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'deal_id']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          created_at: eb.ref('excluded.created_at'),
          closed_at: eb.ref('excluded.closed_at'),
          status: eb.ref('excluded.status'),
          amount: eb.ref('excluded.amount'),
          registered_at: eb.ref('excluded.registered_at'),
          crm_modified_at: eb.ref('excluded.crm_modified_at'),
        })),
      )
      .execute();
    await db
      .deleteFrom('deal_partners')
      .where('tenant_id', '=', tenant)
      .where('deal_id', 'in', batch.map((d) => d.dealId))
      .execute();
    const links = batch.flatMap((d) => [...new Set(d.partnerIds)].map((partnerId) => ({ tenant_id: tenant, deal_id: d.dealId, partner_id: partnerId })));
    for (const linkBatch of chunks(links, 1000)) await db.insertInto('deal_partners').values(linkBatch).execute();
  }
}

export async function deleteDeals(db: Kysely<Database>, tenant: string, dealIds: readonly string[]): Promise<void> {
  for (const batch of chunks([...new Set(dealIds)])) {
    await db.deleteFrom('deals').where('tenant_id', '=', tenant).where('deal_id', 'in', batch).execute();
  }
}

export async function getDeals(db: Kysely<Database>, tenant: string, dealIds: readonly string[]): Promise<StoredDeal[]> {
  const out: StoredDeal[] = [];
  for (const batch of chunks([...new Set(dealIds)])) {
    const rows = await db.selectFrom('deals').selectAll().where('tenant_id', '=', tenant).where('deal_id', 'in', batch).execute();
    out.push(...(await withPartners(db, tenant, rows)));
  }
  return out;
}

export async function dealsOfPartners(
  db: Kysely<Database>,
  tenant: string,
  partnerIds: readonly string[],
): Promise<Map<string, StoredDeal[]>> {
  const byPartner = new Map<string, StoredDeal[]>(partnerIds.map((id) => [id, []]));
  for (const batch of chunks([...new Set(partnerIds)])) {
    const dealIds = await db
      .selectFrom('deal_partners')
      .select('deal_id')
      .distinct()
      .where('tenant_id', '=', tenant)
      .where('partner_id', 'in', batch)
      .execute();
    const deals = await getDeals(db, tenant, dealIds.map((r) => r.deal_id));
    const wanted = new Set(batch);
    for (const deal of deals) {
      for (const partnerId of deal.partnerIds) if (wanted.has(partnerId)) byPartner.get(partnerId)?.push(deal);
    }
  }
  for (const deals of byPartner.values()) deals.sort((a, b) => (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0));
  return byPartner;
}

async function withPartners(db: Kysely<Database>, tenant: string, rows: readonly Selectable<DealsTable>[]): Promise<StoredDeal[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('deal_partners')
    .select(['deal_id', 'partner_id'])
    .where('tenant_id', '=', tenant)
    .where('deal_id', 'in', rows.map((r) => r.deal_id))
    .orderBy('partner_id')
    .execute();
  const partnersOf = new Map<string, string[]>();
  for (const link of links) {
    const list = partnersOf.get(link.deal_id) ?? [];
    list.push(link.partner_id);
    partnersOf.set(link.deal_id, list);
  }
  return rows.map((row) => ({
    dealId: row.deal_id,
    name: row.name,
    partnerIds: partnersOf.get(row.deal_id) ?? [],
    createdAt: row.created_at,
    closedAt: row.closed_at,
    status: row.status as DealStatus,
    amount: row.amount,
    registeredAt: row.registered_at,
    crmModifiedAt: row.crm_modified_at,
  }));
}
