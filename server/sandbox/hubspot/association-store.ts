import type { HubspotObjectType } from '../../crm/hubspot/property-definitions.ts';

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationType {
  readonly typeId: number;
  readonly category: AssociationCategory;
  readonly label: string | null;
  readonly name: string;
  readonly from: HubspotObjectType;
  readonly to: HubspotObjectType;
  readonly inverseTypeId: number;
}

/** HubSpot's own deal↔company types (unlabeled and primary), as documented. */
const BUILT_IN: readonly AssociationType[] = [
  { typeId: 341, category: 'HUBSPOT_DEFINED', label: null, name: 'deal_to_company_unlabeled', from: 'deals', to: 'companies', inverseTypeId: 342 },
  { typeId: 342, category: 'HUBSPOT_DEFINED', label: null, name: 'company_to_deal_unlabeled', from: 'companies', to: 'deals', inverseTypeId: 341 },
  { typeId: 5, category: 'HUBSPOT_DEFINED', label: 'Primary', name: 'deal_to_company', from: 'deals', to: 'companies', inverseTypeId: 6 },
  { typeId: 6, category: 'HUBSPOT_DEFINED', label: 'Primary', name: 'company_to_deal', from: 'companies', to: 'deals', inverseTypeId: 5 },
];

export const UNLABELED_DEAL_TO_COMPANY = 341;

export interface AssociationSnapshot {
  labels: AssociationType[];
  nextTypeId: number;
  links: { dealId: string; companyId: string; typeIds: number[] }[];
}

/**
 * Deal↔company associations. Each pair holds a set of deal→company typeIds; the company→deal
 * view maps each one to its inverse, so both directions always agree.
 */
export class AssociationStore {
  private readonly types = new Map<number, AssociationType>(BUILT_IN.map((t) => [t.typeId, t]));
  private nextTypeId = 501;
  /** dealId → companyId → deal→company typeIds */
  private readonly byDeal = new Map<string, Map<string, Set<number>>>();
  /** companyId → dealIds */
  private readonly byCompany = new Map<string, Set<string>>();

  typesBetween(from: HubspotObjectType, to: HubspotObjectType): AssociationType[] {
    return [...this.types.values()].filter((t) => t.from === from && t.to === to);
  }

  type(typeId: number): AssociationType | undefined {
    return this.types.get(typeId);
  }

  /** Creates a user-defined label in both directions; returns [forward, inverse]. */
  createLabel(from: HubspotObjectType, to: HubspotObjectType, name: string, label: string, inverseLabel?: string): [AssociationType, AssociationType] {
    const forwardId = this.nextTypeId;
    const inverseId = this.nextTypeId + 1;
    this.nextTypeId += 2;
    const forward: AssociationType = { typeId: forwardId, category: 'USER_DEFINED', label, name, from, to, inverseTypeId: inverseId };
    const inverse: AssociationType = {
      typeId: inverseId,
      category: 'USER_DEFINED',
      label: inverseLabel ?? label,
      name: `${name}_inverse`,
      from: to,
      to: from,
      inverseTypeId: forwardId,
    };
    this.types.set(forwardId, forward);
    this.types.set(inverseId, inverse);
    return [forward, inverse];
  }

  findUserLabel(from: HubspotObjectType, to: HubspotObjectType, label: string): AssociationType | undefined {
    return this.typesBetween(from, to).find((t) => t.category === 'USER_DEFINED' && t.label === label);
  }

  /** Adds typeIds given in the `from`→`to` direction; the unlabeled type is always kept alongside. */
  associate(from: HubspotObjectType, fromId: string, toId: string, typeIds: readonly number[]): void {
    const dealId = from === 'deals' ? fromId : toId;
    const companyId = from === 'deals' ? toId : fromId;
    const dealToCompany = typeIds.map((id) => (from === 'deals' ? id : (this.types.get(id)?.inverseTypeId ?? id)));
    let companies = this.byDeal.get(dealId);
    if (!companies) {
      companies = new Map();
      this.byDeal.set(dealId, companies);
    }
    const set = companies.get(companyId) ?? new Set<number>([UNLABELED_DEAL_TO_COMPANY]);
    for (const id of dealToCompany) set.add(id);
    companies.set(companyId, set);
    let deals = this.byCompany.get(companyId);
    if (!deals) {
      deals = new Set();
      this.byCompany.set(companyId, deals);
    }
    deals.add(dealId);
  }

  /** Removes one label (or, with no typeId, the whole association) between a deal and a company. */
  dissociate(dealId: string, companyId: string, dealToCompanyTypeId?: number): void {
    const companies = this.byDeal.get(dealId);
    const set = companies?.get(companyId);
    if (!companies || !set) return;
    if (dealToCompanyTypeId !== undefined && dealToCompanyTypeId !== UNLABELED_DEAL_TO_COMPANY) {
      set.delete(dealToCompanyTypeId);
      return;
    }
    companies.delete(companyId);
    this.byCompany.get(companyId)?.delete(dealId);
  }

  /** Labels and links as plain data (the demo keeps its portal across restarts). */
  snapshot(): AssociationSnapshot {
    const links: AssociationSnapshot['links'] = [];
    for (const [dealId, companies] of this.byDeal) {
      for (const [companyId, typeIds] of companies) links.push({ dealId, companyId, typeIds: [...typeIds] });
    }
    return { labels: [...this.types.values()].filter((t) => t.category !== 'HUBSPOT_DEFINED'), nextTypeId: this.nextTypeId, links };
  }

  restore(snapshot: AssociationSnapshot): void {
    for (const label of snapshot.labels) this.types.set(label.typeId, label);
    this.nextTypeId = Math.max(this.nextTypeId, snapshot.nextTypeId);
    for (const link of snapshot.links) this.associate('deals', link.dealId, link.companyId, link.typeIds);
  }

  /** Associated ids and typeIds seen from `from`, sorted by id like HubSpot. */
  associationsOf(from: HubspotObjectType, id: string): { toId: string; typeIds: number[] }[] {
    const out: { toId: string; typeIds: number[] }[] = [];
    if (from === 'deals') {
      for (const [companyId, set] of this.byDeal.get(id) ?? []) out.push({ toId: companyId, typeIds: [...set] });
    } else {
      for (const dealId of this.byCompany.get(id) ?? []) {
        const set = this.byDeal.get(dealId)?.get(id);
        if (!set) continue;
        out.push({ toId: dealId, typeIds: [...set].map((t) => this.types.get(t)?.inverseTypeId ?? t) });
      }
    }
    return out.sort((a, b) => Number(a.toId) - Number(b.toId));
  }
}
