import { describe, expect, it } from 'vitest';
import { daysAgo, lostDeal, openDeal, run, wonDeal } from '../support/journey-builders.ts';

describe('KPIs', () => {
  it('counts won, lost and open deals as of asOf', () => {
    const result = run({
      partner: { joinedAt: daysAgo(400) },
      deals: [
        wonDeal(10, 12_000),
        wonDeal(100, 8_000),
        wonDeal(380, 50_000),
        lostDeal(50, 9_000),
        lostDeal(400, 9_000),
        openDeal(20, 7_000),
        openDeal(30, 3_000),
      ],
    });
    expect(result.kpis).toEqual({
      wonRevenue12m: 20_000,
      wonDeals12m: 2,
      wonDealsTotal: 3,
      openDeals: 2,
      openPipeline: 10_000,
      winRate12m: 2 / 3,
      daysSinceLastActivity: 1,
      daysToFirstWin: 20,
      daysInProgram: 400,
      wonRevenuePrev12m: 50_000,
      activeWindows: 2,
    });
  });

  it('reports no win rate and no time to first win when nothing closed', () => {
    const result = run({ deals: [openDeal(5)] });
    expect(result.kpis.winRate12m).toBeNull();
    expect(result.kpis.daysToFirstWin).toBeNull();
  });

  it('treats a missing amount as zero', () => {
    const result = run({ deals: [wonDeal(5, 0, { amount: null })] });
    expect(result.kpis.wonRevenue12m).toBe(0);
    expect(result.kpis.wonDeals12m).toBe(1);
  });

  it('accepts date-times with offsets and compares instants', () => {
    const result = run({
      asOf: '2026-06-30T12:00:00Z',
      deals: [
        wonDeal(0, 1_000, { closedAt: '2026-06-30T13:00:00+02:00' }),
        wonDeal(0, 2_000, { closedAt: '2026-06-30T13:00:00Z' }),
      ],
    });
    expect(result.kpis.wonRevenue12m).toBe(1_000);
    expect(result.kpis.openDeals).toBe(1);
  });
});

describe('KPI amounts', () => {
  it('adds decimal amounts exactly, so cents that make 25,000 reach the Acceleration threshold', () => {
    const deals = [wonDeal(10, 8_404.72), wonDeal(20, 8_404.73), wonDeal(30, 8_190.55)];
    const result = run({ deals });
    expect(result.kpis.wonRevenue12m).toBe(25_000);
    expect(result.suggestedStage).toBe('accelerate');
  });

  it('keeps one cent short below the threshold', () => {
    const result = run({ deals: [wonDeal(10, 8_404.72), wonDeal(20, 8_404.72), wonDeal(30, 8_190.55)] });
    expect(result.kpis.wonRevenue12m).toBe(24_999.99);
    expect(result.suggestedStage).toBe('activate');
  });

  it('adds open pipeline and the previous year exactly too', () => {
    const result = run({ deals: [openDeal(5, 0.1), openDeal(6, 0.2), wonDeal(400, 0.1), wonDeal(410, 0.2)] });
    expect(result.kpis.openPipeline).toBe(0.3);
    expect(result.kpis.wonRevenuePrev12m).toBe(0.3);
  });
});
