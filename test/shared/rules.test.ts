import { describe, expect, it } from 'vitest';
import { rulesDocumentSchema, resolveThresholds, DEFAULT_THRESHOLDS } from '../../shared/journey/rules.ts';
import { run, wonDeal } from '../support/journey-builders.ts';

const twoWins = [wonDeal(10, 15_000), wonDeal(20, 15_000)];

describe('rules as data', () => {
  it('defaults to the DESIGN.md thresholds', () => {
    expect(resolveThresholds(undefined, 'channel')).toEqual(DEFAULT_THRESHOLDS);
  });

  it('applies a global override', () => {
    const rules = rulesDocumentSchema.parse({ accelerate: { minWonDeals12m: 2 } });
    expect(run({ deals: twoWins, rules }).suggestedStage).toBe('accelerate');
  });

  it('applies an override only to its partner type', () => {
    const rules = rulesDocumentSchema.parse({ partnerTypes: { technology: { accelerate: { minWonDeals12m: 2 } } } });
    expect(run({ partner: { type: 'technology' }, deals: twoWins, rules }).suggestedStage).toBe('accelerate');
    expect(run({ partner: { type: 'channel' }, deals: twoWins, rules }).suggestedStage).toBe('activate');
  });

  it('layers partner-type overrides over global ones, and request rules over file rules', () => {
    const file = rulesDocumentSchema.parse({
      accelerate: { minWonDeals12m: 2, minWonRevenue12m: 40_000 },
      partnerTypes: { strategic: { accelerate: { minWonRevenue12m: 30_000 } } },
    });
    expect(run({ partner: { type: 'strategic' }, deals: twoWins }, 'en', file).suggestedStage).toBe('accelerate');
    expect(run({ partner: { type: 'channel' }, deals: twoWins }, 'en', file).suggestedStage).toBe('activate');
    const request = rulesDocumentSchema.parse({ accelerate: { minWonRevenue12m: 31_000 } });
    expect(run({ partner: { type: 'strategic' }, deals: twoWins, rules: request }, 'en', file).suggestedStage).toBe('accelerate');
    const stricter = rulesDocumentSchema.parse({ partnerTypes: { strategic: { accelerate: { minWonRevenue12m: 31_000 } } } });
    expect(run({ partner: { type: 'strategic' }, deals: twoWins, rules: stricter }, 'en', file).suggestedStage).toBe('activate');
  });

  it('moves the health edges with the thresholds', () => {
    const rules = rulesDocumentSchema.parse({ health: { atRiskDays: 10, inactiveDays: 20 } });
    const result = run({ partner: { lastActivityAt: '2026-06-15' }, deals: [wonDeal(400)], rules });
    expect(result.health).toBe('at_risk');
  });

  it.each([
    [{ expert: { minWonDeals12m: 1 } }, 'expert'],
    [{ partnerTypes: { reseller: {} } }, 'partnerTypes.reseller'],
    [{ accelerate: { minWonDeals: 1 } }, 'accelerate.minWonDeals'],
    [{ accelerate: { minWonRevenue12m: -1 } }, 'accelerate.minWonRevenue12m'],
    [{ health: { atRiskDays: 100 } }, 'health.atRiskDays'],
  ])('rejects %j naming %s', (doc, field) => {
    const result = rulesDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => [...i.path, ...('keys' in i ? i.keys : [])].join('.'));
    expect(paths).toContain(field);
  });
});
