import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/journey/evaluate.ts';
import { evaluationInputSchema } from '../../shared/journey/input.ts';
import { AS_OF, daysAgo, wonDeal } from '../support/journey-builders.ts';

const NOW = Date.parse('2026-06-30T12:00:00Z');

function evaluateRaw(raw: unknown) {
  return evaluate(evaluationInputSchema.parse(raw), { now: NOW });
}

describe('journey input', () => {
  it('When the partner has no type, then it is evaluated with the global rules and no per-type ones', () => {
    const deals = [wonDeal(10, 30_000)];
    const rules = { health: { atRiskDays: 5 }, partnerTypes: { channel: { accelerate: { minWonDeals12m: 1 } } } };
    const result = evaluateRaw({ asOf: AS_OF, partner: { joinedAt: daysAgo(400), lastActivityAt: daysAgo(6) }, deals, rules });
    expect(result.suggestedStage).toBe('activate');
    expect(result.health).toBe('at_risk');
  });

  it('When optional facts are null, then they read as absent', () => {
    const result = evaluateRaw({
      asOf: null,
      partner: { id: null, name: null, type: null, joinedAt: '2026-06-20', certifications: null, hasJointBusinessPlan: null, lastActivityAt: null },
      deals: [{ id: null, createdAt: '2026-06-25', registeredAt: null, closedAt: null, status: 'open', amount: null }],
    });
    expect(result.asOf).toBe('2026-06-30T12:00:00.000Z');
    expect(result.partnerId).toBeUndefined();
    expect(result.actions.map((a) => a.id)).toEqual(['recruit.share-learning-path', 'recruit.agree-success-metrics']);
    expect(result.kpis).toMatchObject({ openDeals: 1, openPipeline: 0, daysSinceLastActivity: 5 });
  });

  it('When ids are numbers, then they are read as text', () => {
    const result = evaluateRaw({ asOf: AS_OF, partner: { id: 1234, type: 'channel', joinedAt: daysAgo(30) }, deals: [{ ...wonDeal(3), id: 99 }] });
    expect(result.partnerId).toBe('1234');
    expect(result.suggestedStage).toBe('activate');
  });

  it('When a deal has no createdAt, then it was created by its earliest known date', () => {
    const deal = { id: 'd', closedAt: daysAgo(20), registeredAt: daysAgo(-5), status: 'won', amount: 5_000 };
    const result = evaluateRaw({ asOf: AS_OF, partner: { type: 'channel', joinedAt: daysAgo(300) }, deals: [deal] });
    expect(result.suggestedStage).toBe('activate');
    expect(result.kpis.wonRevenue12m).toBe(5_000);
  });

  it.each([
    [{ amount: 1e308 }, 'deals.0.amount', 'must be at most 9007199254740991'],
    [{ amount: '100' }, 'deals.0.amount', 'must be a number'],
    [{ id: '' }, 'deals.0.id', 'must not be empty'],
    [{ id: true }, 'deals.0.id', 'must be a string or a number'],
  ])('rejects the deal field %j', (field, path, message) => {
    const result = evaluationInputSchema.safeParse({
      partner: { type: 'channel', joinedAt: '2025-01-01' },
      deals: [{ ...wonDeal(3), ...field }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, message]]);
  });
});
