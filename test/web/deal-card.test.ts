import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasBoot, startCardHarness, type CardHarness } from './support/card-harness.ts';
import { CardServiceDouble } from './support/card-service-double.ts';

let harness: CardHarness;
beforeAll(async () => {
  harness = await startCardHarness();
});
afterAll(async () => {
  await harness?.close();
});

const globex = { objectType: 'deal', objectId: 'd-globex' } as const;

describe('web card: a deal record', () => {
  it('When a deal is opened, then it shows the deal and, for its partner, what closing it would do', async () => {
    const double = new CardServiceDouble();
    const { page, errors } = await harness.open(canvasBoot(double.issueToken('rep'), globex), { double });
    const deal = page.getByRole('article', { name: 'Globex rollout' });
    await deal.waitFor();
    const facts = await deal.locator('.deal-facts').innerText();
    expect(facts).toContain('Open');
    expect(facts).toContain('8,000');
    expect(await page.getByRole('heading', { name: 'Partners on this deal' }).isVisible()).toBe(true);
    const partner = deal.getByRole('article', { name: 'Acme Integrations' });
    expect(await partner.locator('.what-if').innerText()).toBe(
      'Closing this deal moves Acme Integrations from First revenue to Acceleration.',
    );
    expect(await partner.innerText()).toContain('Official stage: Recruit & onboard');
    const levels = await page.locator('h1, h2, h3').evaluateAll((els) => els.map((el) => `${el.tagName}:${el.textContent}`));
    expect(levels.slice(0, 3)).toEqual(['H1:Globex rollout', 'H2:Partners on this deal', 'H3:Acme Integrations']);
    expect(errors).toEqual([]);
  });

  it('When the deal is viewed in pt-BR, then the what-if sentence is in Portuguese', async () => {
    const double = new CardServiceDouble();
    const { page } = await harness.open(canvasBoot(double.issueToken('rep', 'pt-BR'), globex, 'pt-BR'), { double });
    const whatIf = page.locator('.what-if');
    await whatIf.waitFor();
    expect(await whatIf.innerText()).toBe('Fechar este negócio leva Acme Integrations de Ganho de relevância para Aceleração.');
    expect(await page.locator('.deal-facts').innerText()).toContain('Em aberto');
  });

  it('When an action of the deal partner is marked done, then that partner is updated inside the deal', async () => {
    const double = new CardServiceDouble();
    const { page } = await harness.open(canvasBoot(double.issueToken('rep'), globex), { double });
    const button = page.getByRole('button', { name: /^Mark done: Support the first negotiations/ });
    await button.click();
    await page.getByRole('button', { name: /^Undo: Support the first negotiations/ }).waitFor();
    expect(double.requestsTo('/api/v1/card/actions')[0]?.body).toEqual({
      objectId: 'p-acme',
      actionId: 'activate.support-first-negotiations',
      done: true,
    });
    expect(await page.getByRole('article', { name: 'Globex rollout' }).isVisible()).toBe(true);
    expect(await page.locator('.what-if').innerText()).toContain('Closing this deal moves Acme Integrations');
  });
});
