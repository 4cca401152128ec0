import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../shared/journey/actions.ts';
import { messagesFor } from '../../shared/i18n/index.ts';
import { resolveLocale } from '../../shared/i18n/locale.ts';
import { daysAgo, openDeal, run, wonDeal } from '../support/journey-builders.ts';

describe('locales', () => {
  const scenario = {
    partner: { certifications: 0, hasJointBusinessPlan: false, lastActivityAt: daysAgo(50) },
    deals: [wonDeal(50, 12_500), openDeal(60, 4_000, { registeredAt: null })],
  };

  it('gives the same ids and figures in both languages, with different words', () => {
    const en = run(scenario, 'en');
    const pt = run(scenario, 'pt-BR');
    expect(pt.actions.map((a) => a.id)).toEqual(en.actions.map((a) => a.id));
    expect(pt.kpis).toEqual(en.kpis);
    pt.actions.forEach((action, i) => {
      expect(action.title).not.toBe(en.actions[i]?.title);
      expect(action.reason).not.toBe(en.actions[i]?.reason);
    });
  });

  it('cites the evidence in Brazilian Portuguese with local number formatting', () => {
    const pt = run(scenario, 'pt-BR');
    expect(pt.evidence[0]?.label).toBe('1 de 3 negócios ganhos nos últimos 12 meses para Aceleração');
    expect(pt.evidence[1]?.label).toBe('12.500 de 25.000 em receita ganha nos últimos 12 meses para Aceleração');
    expect(pt.actions[0]?.reason).toContain('50 dias desde a última atividade');
  });

  it('cites the evidence in English', () => {
    const en = run(scenario, 'en');
    expect(en.actions.find((a) => a.id === 'activate.share-roi-plan')?.reason).toContain(
      '1 of 3 won deals in the last 12 months needed for Acceleration',
    );
    expect(en.actions[0]?.reason).toContain('50 days since the last activity');
  });

  it('has a title in both languages for every catalogued action', () => {
    for (const id of ACTION_IDS) {
      expect(id).toMatch(/^(any|recruit|activate|accelerate|mature)\./);
      expect(messagesFor('en').actions[id].title).not.toBe('');
      expect(messagesFor('pt-BR').actions[id].title).not.toBe('');
      expect(messagesFor('pt-BR').actions[id].title).not.toBe(messagesFor('en').actions[id].title);
    }
  });

  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['en-US', 'en'],
    ['fr', 'en'],
    [undefined, 'en'],
  ])('resolves the user language %s to %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });
});

describe('amounts in the evidence', () => {
  it('When revenue is a cent short of the threshold, then the evidence shows the cents in both languages', () => {
    const scenario = { deals: [wonDeal(10, 8_404.72), wonDeal(20, 8_404.72), wonDeal(30, 8_190.55)] };
    expect(run(scenario, 'en').evidence.find((c) => c.criterion === 'wonRevenue12m')?.label).toBe(
      '24,999.99 of 25,000 won revenue in the last 12 months needed for Acceleration',
    );
    expect(run(scenario, 'pt-BR').evidence.find((c) => c.criterion === 'wonRevenue12m')?.label).toBe(
      '24.999,99 de 25.000 em receita ganha nos últimos 12 meses para Aceleração',
    );
  });

  it('When an amount is whole, then it has no decimals; half a unit shows as cents', () => {
    const pt = run({ deals: [wonDeal(10, 12_000.5)] }, 'pt-BR');
    expect(pt.evidence.find((c) => c.criterion === 'wonRevenue12m')?.label).toMatch(/^12\.000,50 de 25\.000 /);
    expect(run({ deals: [wonDeal(10, 12_000)] }, 'en').evidence[1]?.label).toMatch(/^12,000 of 25,000 /);
  });
});
