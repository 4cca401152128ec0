import { describe, expect, it } from 'vitest';
import { AS_OF, daysAgo, lostDeal, matureDeals, openDeal, run, wonDeal } from '../support/journey-builders.ts';

describe('suggested stage (DESIGN.md §3 default rules)', () => {
  it.each([
    { name: 'no deal at all', deals: [], stage: 'recruit' },
    { name: 'only open and lost deals', deals: [openDeal(10), lostDeal(20)], stage: 'recruit' },
    { name: 'one won deal, long ago', deals: [wonDeal(700, 5_000)], stage: 'activate' },
    { name: '2 won deals in 12m worth 30,000', deals: [wonDeal(10, 15_000), wonDeal(20, 15_000)], stage: 'activate' },
    {
      name: 'exactly 3 won deals in 12m worth exactly 25,000',
      deals: [wonDeal(10, 10_000), wonDeal(20, 10_000), wonDeal(30, 5_000)],
      stage: 'accelerate',
    },
    {
      name: '3 won deals worth 24,999.99',
      deals: [wonDeal(10, 10_000), wonDeal(20, 10_000), wonDeal(30, 4_999.99)],
      stage: 'activate',
    },
    { name: 'every maturity requirement', deals: matureDeals(), stage: 'mature' },
  ])('$name → $stage', ({ deals, stage }) => {
    expect(run({ deals }).suggestedStage).toBe(stage);
  });

  describe('the 12-month window is (asOf − 365 days, asOf]', () => {
    const threeWins = (oldest: number) => [wonDeal(10, 10_000), wonDeal(20, 10_000), wonDeal(oldest, 10_000)];
    it.each([
      { closed: 364, inWindow: true },
      { closed: 365, inWindow: false },
      { closed: 366, inWindow: false },
    ])('a deal closed $closed days before asOf counts: $inWindow', ({ closed, inWindow }) => {
      const result = run({ deals: threeWins(closed) });
      expect(result.kpis.wonDeals12m).toBe(inWindow ? 3 : 2);
      expect(result.suggestedStage).toBe(inWindow ? 'accelerate' : 'activate');
    });

    it('a deal closed on asOf itself counts, including later that day', () => {
      const result = run({ deals: [wonDeal(0, 1_000, { closedAt: `${AS_OF}T23:30:00Z` })] });
      expect(result.kpis.wonDeals12m).toBe(1);
    });

    it('a deal closed after asOf does not count as won: it was still open then', () => {
      const result = run({ deals: [wonDeal(-1, 50_000, { createdAt: daysAgo(40) })] });
      expect(result.kpis).toMatchObject({ wonDealsTotal: 0, openDeals: 1, openPipeline: 50_000 });
      expect(result.suggestedStage).toBe('recruit');
    });

    it('a deal created after asOf does not exist yet', () => {
      const result = run({ deals: [openDeal(-3)] });
      expect(result.kpis.openDeals).toBe(0);
    });
  });

  describe('maturity', () => {
    it.each([1, 2, 3, 4])('with no won deal in 91-day window %i it stays in acceleration', (k) => {
      const deals = [10, 100, 190, 280].flatMap((d, i) => (i === k - 1 ? [] : [wonDeal(d, 40_000)]));
      const result = run({ deals });
      expect(result.kpis.activeWindows).toBe(3);
      expect(result.suggestedStage).toBe('accelerate');
    });

    it.each([
      { closed: 90, window: 1 },
      { closed: 91, window: 2 },
      { closed: 181, window: 2 },
      { closed: 182, window: 3 },
      { closed: 272, window: 3 },
      { closed: 273, window: 4 },
      { closed: 363, window: 4 },
    ])('a win $closed days before asOf lands in window $window', ({ closed, window }) => {
      const others = [45, 136, 227, 318].filter((_, i) => i !== window - 1).map((d) => wonDeal(d, 40_000));
      expect(run({ deals: [...others, wonDeal(closed, 40_000)] }).suggestedStage).toBe('mature');
    });

    it('a win 364 days ago is in 12m but outside the four windows (4 × 91 = 364)', () => {
      const deals = [wonDeal(45, 40_000), wonDeal(136, 40_000), wonDeal(227, 40_000), wonDeal(364, 40_000)];
      const result = run({ deals });
      expect(result.kpis.wonDeals12m).toBe(4);
      expect(result.kpis.activeWindows).toBe(3);
      expect(result.suggestedStage).toBe('accelerate');
    });

    it.each([
      { revenue: 100_000, stage: 'mature' },
      { revenue: 99_999.99, stage: 'accelerate' },
    ])('won revenue of $revenue in 12m → $stage', ({ revenue, stage }) => {
      const deals = [10, 100, 190, 280].map((d) => wonDeal(d, revenue / 4));
      expect(run({ deals }).suggestedStage).toBe(stage);
    });

    it.each([
      { joined: 365, stage: 'mature' },
      { joined: 364, stage: 'accelerate' },
    ])('joined $joined days before asOf → $stage', ({ joined, stage }) => {
      expect(run({ partner: { joinedAt: daysAgo(joined) }, deals: matureDeals() }).suggestedStage).toBe(stage);
    });
  });

  describe('evidence names each criterion of the next stage', () => {
    it('for a first-revenue partner: won deals and revenue for Acceleration', () => {
      const result = run({ deals: [wonDeal(10, 12_000), wonDeal(40, 3_000)] });
      expect(result.evidence).toEqual([
        expect.objectContaining({ criterion: 'wonDeals12m', stage: 'accelerate', met: false, actual: 2, required: 3 }),
        expect.objectContaining({ criterion: 'wonRevenue12m', met: false, actual: 15_000, required: 25_000 }),
      ]);
      expect(result.evidence[0]?.label).toBe('2 of 3 won deals in the last 12 months needed for Acceleration');
    });

    it('for a recruit: one won deal for First revenue', () => {
      expect(run({}).evidence).toEqual([
        expect.objectContaining({ criterion: 'wonDealsTotal', stage: 'activate', met: false, actual: 0, required: 1 }),
      ]);
    });

    it('for a mature partner: what keeps it there, all met', () => {
      const result = run({ deals: matureDeals() });
      expect(result.evidence.map((e) => [e.criterion, e.met])).toEqual([
        ['wonRevenue12m', true],
        ['activeWindows', true],
        ['daysInProgram', true],
      ]);
    });
  });
});
