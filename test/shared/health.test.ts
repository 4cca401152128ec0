import { describe, expect, it } from 'vitest';
import { daysAgo, matureDeals, openDeal, run, wonDeal } from '../support/journey-builders.ts';

describe('health', () => {
  describe('days since the last activity', () => {
    it.each([
      { days: 44, health: 'healthy' },
      { days: 45, health: 'at_risk' },
      { days: 89, health: 'at_risk' },
      { days: 90, health: 'inactive' },
      { days: 400, health: 'inactive' },
    ])('$days days → $health', ({ days, health }) => {
      const result = run({ partner: { lastActivityAt: daysAgo(days) }, deals: [wonDeal(600)] });
      expect(result.kpis.daysSinceLastActivity).toBe(days);
      expect(result.health).toBe(health);
    });

    it('is the latest of lastActivityAt and every deal date up to asOf', () => {
      const deals = [
        wonDeal(300, 1_000, { createdAt: daysAgo(320), registeredAt: daysAgo(318) }),
        openDeal(50, 1_000, { registeredAt: daysAgo(12) }),
      ];
      const result = run({ partner: { lastActivityAt: daysAgo(100) }, deals });
      expect(result.kpis.daysSinceLastActivity).toBe(12);
    });

    it('ignores dates after asOf', () => {
      const result = run({ partner: { lastActivityAt: daysAgo(-5) }, deals: [wonDeal(60)] });
      expect(result.kpis.daysSinceLastActivity).toBe(60);
    });

    it('falls back to joinedAt when nothing else is known', () => {
      const result = run({ partner: { lastActivityAt: null, joinedAt: daysAgo(20) } });
      expect(result.kpis.daysSinceLastActivity).toBe(20);
      expect(result.health).toBe('healthy');
    });
  });

  describe('recruit partners past the 9–12 month expectation', () => {
    it.each([
      { joined: 270, health: 'healthy' },
      { joined: 271, health: 'at_risk' },
    ])('joined $joined days ago with no win → $health', ({ joined, health }) => {
      const result = run({ partner: { joinedAt: daysAgo(joined) }, deals: [openDeal(5)] });
      expect(result.suggestedStage).toBe('recruit');
      expect(result.health).toBe(health);
    });
  });

  describe('revenue drop for acceleration and maturity', () => {
    const previousYear = [wonDeal(400, 20_000), wonDeal(450, 20_000), wonDeal(500, 10_000)];
    it.each([
      { current: 35_000, health: 'healthy' },
      { current: 34_999, health: 'at_risk' },
    ])('12m revenue $current against 50,000 the year before → $health', ({ current, health }) => {
      const deals = [wonDeal(10, current - 20_000), wonDeal(20, 10_000), wonDeal(30, 10_000), ...previousYear];
      const result = run({ deals });
      expect(result.suggestedStage).toBe('accelerate');
      expect(result.kpis.wonRevenuePrev12m).toBe(50_000);
      expect(result.health).toBe(health);
    });

    it('When 12m revenue is exactly a configured share of the year before, then it is not a drop', () => {
      const deals = [wonDeal(10, 9_000), wonDeal(20, 9_000), wonDeal(30, 9_200), wonDeal(400, 40_000)];
      const at = run({ deals, rules: { health: { revenueDropRatio: 0.68 } } });
      expect(at.kpis.wonRevenue12m).toBe(27_200);
      expect(at.health).toBe('healthy');
      const below = run({ deals: [...deals.slice(0, 2), wonDeal(30, 9_199.99), deals[3]!], rules: { health: { revenueDropRatio: 0.68 } } });
      expect(below.healthSignals).toEqual(['revenue_drop']);
    });

    it('does not apply to a first-revenue partner', () => {
      const result = run({ deals: [wonDeal(10, 1_000), ...previousYear] });
      expect(result.suggestedStage).toBe('activate');
      expect(result.health).toBe('healthy');
    });

    it('applies to a mature partner too', () => {
      const deals = [...matureDeals(25_000), wonDeal(400, 100_000), wonDeal(420, 100_000)];
      const result = run({ deals });
      expect(result.suggestedStage).toBe('mature');
      expect(result.healthSignals).toEqual(['revenue_drop']);
      expect(result.health).toBe('at_risk');
    });
  });
});
