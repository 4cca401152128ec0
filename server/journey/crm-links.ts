import type { CrmAdapter } from '../crm/crm-adapter.ts';

/** The CRM connections a stage change writes through, one per tenant. */
export interface CrmLinks {
  adapterFor(tenant: string): CrmAdapter | null;
  /** Runs CRM work for a tenant after any sync in flight (the sync service's tenant queue). */
  exclusive<T>(tenant: string, work: () => Promise<T>): Promise<T>;
}

export const NO_CRM_LINKS: CrmLinks = {
  adapterFor: () => null,
  exclusive: (_tenant, work) => work(),
};

/** Links built from adapters whose tenants are known, optionally serialised through the sync's queue. */
export function crmLinks(
  adapters: ReadonlyMap<string, CrmAdapter>,
  exclusive: CrmLinks['exclusive'] = NO_CRM_LINKS.exclusive,
): CrmLinks {
  return { adapterFor: (tenant) => adapters.get(tenant) ?? null, exclusive };
}
