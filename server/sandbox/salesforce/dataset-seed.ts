import type { Dataset } from '../../demo/dataset.ts';
import type { SandboxSeed } from './seed.ts';

/** The vendor-neutral dataset as Accounts and Opportunities: dataset ids become the seed keys. */
export function seedFromDataset(dataset: Dataset, options: { readonly customers?: number } = {}): SandboxSeed {
  return {
    partners: dataset.partners.map((p) => ({
      key: p.id,
      name: p.name,
      type: p.type,
      joinedAt: p.joinedAt,
      certifications: p.certifications,
      hasJointBusinessPlan: p.hasJointBusinessPlan,
      lastActivityAt: p.lastActivityAt,
    })),
    deals: dataset.deals.map((d) => ({
      key: d.id,
      name: d.name,
      partnerKey: d.partnerId,
      createdAt: d.createdAt,
      closedAt: d.closedAt,
      status: d.status,
      amount: d.amount,
      registeredAt: d.registeredAt,
    })),
    customers: options.customers ?? 20,
  };
}
