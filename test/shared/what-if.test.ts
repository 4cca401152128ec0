import { describe, expect, it } from 'vitest';
import { evaluationInputSchema } from '../../shared/journey/input.ts';
import { whatIfDealWon } from '../../shared/journey/what-if.ts';
import { describeWhatIf } from '../../shared/view/card-view.ts';
import { AS_OF, openDeal, partner, wonDeal } from '../support/journey-builders.ts';

const now = Date.parse('2030-01-01T00:00:00Z');

function input(deals: ReturnType<typeof wonDeal>[]) {
  return evaluationInputSchema.parse({ asOf: AS_OF, partner: partner(), deals });
}

describe('what-if: a deal closing won', () => {
  it('reports the move when closing the open deal reaches the next stage', () => {
    const deals = [wonDeal(10, 10_000), wonDeal(20, 10_000), openDeal(15, 8_000, { id: 'big' })];
    const result = whatIfDealWon(input(deals), { dealId: 'big' }, { now });
    expect(result).toMatchObject({ stageBefore: 'activate', stageAfter: 'accelerate', moves: 'up', amount: 8_000, closedAt: AS_OF });
    expect(result.after.kpis.wonDeals12m).toBe(3);
    expect(describeWhatIf(result, 'Acme', 'en')).toBe('Closing this deal moves Acme from First revenue to Acceleration.');
    expect(describeWhatIf(result, 'Acme', 'pt-BR')).toBe('Fechar este negócio leva Acme de Ganho de relevância para Aceleração.');
  });

  it('uses the amount and date given instead of the deal’s own', () => {
    const deals = [wonDeal(10, 10_000), wonDeal(20, 10_000), openDeal(15, 1_000, { id: 'big' })];
    const small = whatIfDealWon(input(deals), { dealId: 'big' }, { now });
    expect(small.moves).toBe('none');
    const large = whatIfDealWon(input(deals), { dealId: 'big', amount: 6_000, closedAt: '2026-07-15' }, { now });
    expect(large).toMatchObject({ moves: 'up', closedAt: '2026-07-15' });
    expect(large.before.asOf).toBe('2026-07-15');
    expect(large.before.suggestedStage).toBe('activate');
  });

  it('adds a deal the partner does not have yet', () => {
    const result = whatIfDealWon(input([]), { dealId: 'new', amount: 500 }, { now });
    expect(result).toMatchObject({ stageBefore: 'recruit', stageAfter: 'activate', moves: 'up' });
    expect(describeWhatIf(result, 'Acme', 'en')).toContain('from Recruit & onboard to First revenue');
  });

  it('says the stage stays when nothing changes', () => {
    const result = whatIfDealWon(input([wonDeal(30), openDeal(3, 100, { id: 'd' })]), { dealId: 'd' }, { now });
    expect(result.moves).toBe('none');
    expect(describeWhatIf(result, 'Acme', 'en')).toBe('Closing this deal keeps Acme in First revenue.');
  });
});
