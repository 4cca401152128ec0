import { seededRandom } from '../../../server/sandbox/salesforce/random.ts';
import type { SandboxSeed, SeedDeal, SeedPartner } from '../../../server/sandbox/salesforce/seed.ts';
import { PARTNER_TYPES } from '../../../shared/journey/stages.ts';

const DAY = 86_400_000;

/** A deterministic seed: the same arguments always give the same partners and deals. */
export function buildSeed(options: { partners: number; deals: number; seed?: number; asOf?: string; nonPartners?: number }): SandboxSeed {
  const random = seededRandom(options.seed ?? 7);
  const asOf = Date.parse(options.asOf ?? '2026-06-30T00:00:00Z');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const partners: SeedPartner[] = [];
  for (let i = 0; i < options.partners; i += 1) {
    partners.push({
      key: `p${i}`,
      name: `Partner ${i}`,
      type: PARTNER_TYPES[i % PARTNER_TYPES.length] ?? 'channel',
      joinedAt: day(asOf - Math.floor(100 + random() * 700) * DAY),
      certifications: Math.floor(random() * 4),
      hasJointBusinessPlan: random() < 0.4,
      lastActivityAt: day(asOf - Math.floor(random() * 120) * DAY),
    });
  }
  for (let i = 0; i < (options.nonPartners ?? 0); i += 1) {
    partners.push({ key: `n${i}`, name: `Prospect ${i}`, type: null, joinedAt: null });
  }
  const deals: SeedDeal[] = [];
  for (let i = 0; i < options.deals; i += 1) {
    const created = asOf - Math.floor(random() * 700) * DAY;
    const roll = random();
    const status = roll < 0.45 ? 'won' : roll < 0.7 ? 'lost' : 'open';
    deals.push({
      key: `d${i}`,
      name: `Deal ${i}`,
      partnerKey: options.partners === 0 ? null : `p${Math.floor(random() * options.partners)}`,
      createdAt: new Date(created).toISOString(),
      closedAt: status === 'open' ? null : day(Math.min(asOf, created + Math.floor(random() * 90) * DAY)),
      status,
      amount: Math.round(1_000 + random() * 40_000),
      registeredAt: random() < 0.6 ? new Date(created + Math.floor(random() * 20) * DAY).toISOString() : null,
    });
  }
  return { partners, deals };
}
