import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/journey/evaluate.ts';
import { HEALTH_IDS, PARTNER_TYPES, STAGE_IDS } from '../../shared/journey/stages.ts';
import { DAY_MS } from '../../shared/time/iso-date.ts';
import { demoDataset, generateDataset, type Dataset } from '../../server/demo/dataset.ts';
import { DEMO_TENANT, seedDemo } from '../support/seed-store.ts';
import { PROFILES } from '../../server/demo/profiles.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';

function evaluateAll(dataset: Dataset) {
  const now = Date.parse(dataset.asOf);
  return dataset.partners.map((partner) => {
    const deals = dataset.deals.filter((d) => d.partnerId === partner.id);
    return { partner, evaluation: evaluate({ asOf: dataset.asOf, partner, deals }, { now }) };
  });
}

describe('demo dataset', () => {
  it.each(['2026-06-30', '2024-02-29', '2031-01-01T23:30:00Z', new Date().toISOString()])(
    'spreads about 40 partners over every type, suggested stage and health, on %s',
    (asOf) => {
      const dataset = demoDataset(asOf);
      const results = evaluateAll(dataset);
      expect(dataset.partners.length).toBeGreaterThanOrEqual(36);
      expect(dataset.partners.length).toBeLessThanOrEqual(44);
      expect(new Set(results.map((r) => r.partner.type))).toEqual(new Set(PARTNER_TYPES));
      expect(new Set(results.map((r) => r.evaluation.suggestedStage))).toEqual(new Set(STAGE_IDS));
      expect(new Set(results.map((r) => r.evaluation.health))).toEqual(new Set(HEALTH_IDS));
      for (const stage of STAGE_IDS) {
        expect(new Set(results.filter((r) => r.evaluation.suggestedStage === stage).map((r) => r.evaluation.health)).size, stage).toBeGreaterThanOrEqual(2);
      }
    },
  );

  it('holds several hundred deals spread over two years, none after asOf', () => {
    const dataset = demoDataset('2026-06-30');
    expect(dataset.deals.length).toBeGreaterThanOrEqual(300);
    const asOfEnd = Date.parse('2026-06-30T23:59:59.999Z');
    const dates = dataset.deals.flatMap((d) => [d.createdAt, d.registeredAt, d.closedAt]).filter((d): d is string => d !== null).map(Date.parse);
    expect(Math.max(...dates)).toBeLessThanOrEqual(asOfEnd);
    expect(asOfEnd - Math.min(...dates)).toBeGreaterThan(600 * DAY_MS);
    expect(new Set(dataset.deals.map((d) => d.status))).toEqual(new Set(['open', 'won', 'lost']));
    expect(new Set(dataset.deals.map((d) => d.id)).size).toBe(dataset.deals.length);
  });

  it('is the same dataset for the same options, and another one for another seed', () => {
    const options = { partners: 25, deals: 300, seed: 7, asOf: '2026-06-30' };
    expect(generateDataset(options)).toEqual(generateDataset(options));
    expect(generateDataset({ ...options, seed: 8 })).not.toEqual(generateDataset(options));
  });

  it('puts every partner on its profile’s stage and health, whatever the seed and size', () => {
    for (const seed of [1, 2, 3, 99, 2026]) {
      const dataset = generateDataset({ partners: 55, deals: 2_000, seed, asOf: '2026-03-15T08:00:00Z' });
      evaluateAll(dataset).forEach(({ partner, evaluation }, index) => {
        const profile = PROFILES[index % PROFILES.length];
        expect([evaluation.suggestedStage, evaluation.health], `${partner.id} seed ${seed}`).toEqual([profile?.stage, profile?.health]);
      });
    }
  });

  it('refuses fewer deals than the partners’ journeys need', () => {
    expect(() => generateDataset({ partners: 40, deals: 10, seed: 1, asOf: '2026-06-30' })).toThrow(/need at least/);
  });

  it('seeds the demo tenant once: running it again duplicates nothing', async () => {
    const store = await openJourneyStore({ kind: 'memory' });
    try {
      const now = Date.parse('2026-06-30T09:00:00Z');
      const first = await seedDemo(store, DEMO_TENANT, now);
      const second = await seedDemo(store, DEMO_TENANT, now + DAY_MS);
      expect(first).toMatchObject({ partners: 40, stagesSet: 40 });
      expect(second.stagesSet).toBe(0);
      const partners = await store.listPartners(DEMO_TENANT, { limit: 200 });
      expect(partners).toHaveLength(40);
      const histories = await Promise.all(partners.map((p) => store.stageHistory(DEMO_TENANT, p.partnerId)));
      expect(histories.every((rows) => rows.length === 1)).toBe(true);
      const deals = await store.dealsOfPartners(DEMO_TENANT, partners.map((p) => p.partnerId));
      expect([...deals.values()].reduce((sum, list) => sum + list.length, 0)).toBe(first.deals);
    } finally {
      await store.close();
    }
  });
});
