import { describe, expect, it } from 'vitest';
import { buildCardView } from '../../shared/view/card-view.ts';
import { daysAgo, openDeal, run, wonDeal } from '../support/journey-builders.ts';

describe('card view model', () => {
  const evaluation = run({ partner: { lastActivityAt: daysAgo(60) }, deals: [wonDeal(60, 12_000), openDeal(70, 3_000)] });

  it('shows the official stage on the step indicator and flags a higher suggestion', () => {
    const view = buildCardView({ locale: 'en', partnerName: 'Acme', partnerType: 'channel', evaluation, officialStage: 'recruit' });
    expect(view.stepNames).toEqual(['Recruit & onboard', 'First revenue', 'Acceleration', 'Maturity']);
    expect(view.currentStep).toBe(0);
    expect(view.suggestedStep).toBe(1);
    expect(view.suggestion).toMatchObject({ id: 'activate', differs: true, higher: true });
    expect(view.health).toEqual({ id: 'at_risk', label: 'At risk', variant: 'warning' });
    expect(view.evidenceTitle).toBe('What Acceleration needs');
    expect(view.evidence[1]).toMatchObject({ met: false, progress: 12_000 / 25_000 });
  });

  it('formats KPIs, marks done actions and formats history in the locale', () => {
    const pt = run({ partner: { lastActivityAt: daysAgo(60) }, deals: [wonDeal(60, 12_000), openDeal(70, 3_000)] }, 'pt-BR');
    const view = buildCardView({
      locale: 'pt-BR',
      partnerName: 'Acme',
      partnerType: 'technology',
      evaluation: pt,
      completedActionIds: ['any.check-in-at-risk'],
      history: [{ at: '2026-05-01T10:00:00Z', from: 'recruit', to: 'activate', source: 'manual', actor: 'ana@example.com', reason: 'Primeira venda' }],
    });
    expect(view.partnerTypeLabel).toBe('Tecnologia');
    expect(view.kpis.find((k) => k.id === 'wonRevenue12m')?.value).toBe('12.000');
    expect(view.kpis.find((k) => k.id === 'daysSinceLastActivity')?.value).toBe('60 dias');
    expect(view.kpis.find((k) => k.id === 'winRate12m')?.value).toBe('100%');
    expect(view.actions.find((a) => a.id === 'any.check-in-at-risk')?.done).toBe(true);
    expect(view.history[0]).toMatchObject({ change: 'O início → Ganho de relevância', source: 'Alterado manualmente' });
    expect(view.playbook.questions[0]?.question).toBe('Como preparar e motivar os parceiros para vender?');
  });

  it('without an official stage, shows the suggestion', () => {
    const view = buildCardView({ locale: 'en', partnerName: 'Acme', partnerType: 'channel', evaluation });
    expect(view.currentStep).toBe(1);
    expect(view.suggestion.differs).toBe(false);
  });
});
