import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../shared/i18n/index.ts';
import { canvasBoot, previewBoot, startCardHarness, type CardHarness } from './support/card-harness.ts';
import { CardServiceDouble } from './support/card-service-double.ts';

let harness: CardHarness;
beforeAll(async () => {
  harness = await startCardHarness();
});
afterAll(async () => {
  await harness?.close();
});

const en = messagesFor('en');

describe('web card: reading a partner', () => {
  it('When a sales rep picks a partner in the preview, then the card shows stage, suggestion, health, evidence, KPIs and actions, and no stage form', async () => {
    const { page, double, errors } = await harness.open(previewBoot());
    await page.getByRole('radio', { name: 'Sales rep' }).check();
    await page.getByRole('button', { name: /Acme Integrations/ }).click();

    const card = page.getByRole('article', { name: 'Acme Integrations' });
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = await card.innerText();
    expect(text).toContain('Official stage: Recruit & onboard');
    expect(text).toContain('Suggested: First revenue (above the official stage)');
    expect(await card.locator('[aria-current="step"]').innerText()).toContain('Recruit & onboard');
    expect(text).toContain('Health: ');
    expect(await card.locator('.health').innerText()).toContain('Healthy');
    expect(text).toContain('What Acceleration needs');
    expect(text).toContain('2 of 3 won deals in the last 12 months needed for Acceleration (not yet)');
    expect(text).toContain('21,000 of 25,000 won revenue in the last 12 months needed for Acceleration (not yet)');
    const kpi = card.locator('.kpi', { hasText: en.kpiLabels.wonRevenue12m });
    expect(await kpi.locator('dd').innerText()).toBe('21,000');
    const actions = await card.locator('.actions > li .action-title strong').allInnerTexts();
    expect(actions).toEqual([
      en.actions['activate.support-first-negotiations'].title,
      en.actions['activate.share-roi-plan'].title,
    ]);
    expect(text).toContain('First seen by the sync');

    expect(await card.getByRole('heading', { name: 'Change stage' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Reason' }).count()).toBe(0);

    const session = double.requestsTo('/preview/session').at(-1);
    expect(session?.body).toEqual({ role: 'rep' });
    const journey = double.requestsTo('/api/v1/card/journey').at(-1);
    expect(journey?.query.get('objectType')).toBe('partner');
    expect(journey?.query.get('objectId')).toBe('p-acme');
    expect(journey?.authorization).toMatch(/^Bearer session-rep-/);
    expect(errors).toEqual([]);
  });

  it('The playbook of the official stage starts collapsed and opens from its summary', async () => {
    const double = new CardServiceDouble();
    const { page } = await harness.open(canvasBoot(double.issueToken('rep'), { objectType: 'partner', objectId: 'p-acme' }), { double });
    const details = page.locator('details.playbook');
    await details.waitFor();
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByRole('heading', { name: 'Key questions' }).isVisible()).toBe(false);
    await page.getByText('Playbook: Recruit & onboard').click();
    expect(await page.getByRole('heading', { name: 'Key questions' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'How do we attract new partners?' }).isVisible()).toBe(true);
  });

  it('When the boot locale is pt-BR, then the card and its texts are in Brazilian Portuguese', async () => {
    const double = new CardServiceDouble();
    const token = double.issueToken('manager', 'pt-BR');
    const { page, errors } = await harness.open(canvasBoot(token, { objectType: 'partner', objectId: 'p-acme' }, 'pt-BR'), { double });
    const card = page.getByRole('article', { name: 'Acme Integrations' });
    await card.waitFor();
    const text = await card.innerText();
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    expect(await card.getAttribute('lang')).toBe('pt-BR');
    expect(text).toContain('Estágio oficial: O início');
    expect(text).toContain('Sugerido: Ganho de relevância (acima do estágio oficial)');
    expect(text).toContain('Saúde: ');
    expect(text).toContain('O que falta para Aceleração');
    expect(text).toContain('21.000 de 25.000 em receita ganha nos últimos 12 meses para Aceleração (ainda não)');
    expect(text).toContain(messagesFor('pt-BR').actions['activate.support-first-negotiations'].title);
    expect(await page.getByRole('button', { name: /^Marcar como feita/ }).count()).toBe(2);
    expect(await page.getByRole('combobox', { name: 'Novo estágio' }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Motivo' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Salvar estágio' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('When the preview switches to Português, then it asks the service for pt-BR and shows its answer', async () => {
    const { page, double } = await harness.open(previewBoot('en', { objectType: 'partner', objectId: 'p-cobalt' }));
    await page.getByRole('heading', { name: 'Cobalt Consulting' }).waitFor();
    expect(await page.locator('.health').innerText()).toContain('Inactive');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
    await page.getByRole('combobox', { name: 'Idioma' }).waitFor();
    await expect.poll(() => page.locator('.health').innerText().catch(() => '')).toContain('Inativo');
    expect(double.requestsTo('/api/v1/card/journey').at(-1)?.query.get('locale')).toBe('pt-BR');
    expect(await page.getByRole('radio', { name: 'Gerente de canais' }).isChecked()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
  });
});

describe('web card: sessions and boot', () => {
  it('When a preview session has expired, then the card opens a new one and repeats the request', async () => {
    const double = new CardServiceDouble();
    double.failNext('/api/v1/card/journey', {
      status: 401,
      body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The session has expired.' },
    });
    const { page } = await harness.open(previewBoot('en', { objectType: 'partner', objectId: 'p-fjord' }), { double });
    await page.getByRole('heading', { name: 'Fjord Partners' }).waitFor();
    expect(double.requestsTo('/preview/session')).toHaveLength(2);
    const [first, second] = double.requestsTo('/api/v1/card/journey');
    expect(second?.authorization).not.toBe(first?.authorization);
  });

  it('When a Canvas session has expired, then the card says to reload instead of retrying', async () => {
    const double = new CardServiceDouble();
    const { page } = await harness.open(canvasBoot('expired-session-token-0000', { objectType: 'partner', objectId: 'p-acme' }), { double });
    await page.getByRole('alert').filter({ hasText: 'Your session has ended. Reload the page to continue.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(double.requestsTo('/preview/session')).toHaveLength(0);
  });

  it('When the service cannot be reached, then the card says so and loads on retry', async () => {
    const double = new CardServiceDouble();
    double.failNext('/api/v1/card/journey', 'network-error');
    const { page } = await harness.open(canvasBoot(double.issueToken('rep'), { objectType: 'partner', objectId: 'p-acme' }), { double });
    await page.getByRole('alert').filter({ hasText: 'could not be reached' }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Acme Integrations' }).waitFor();
  });

  it('When the service answers with a document outside the contract, then the card refuses to render it', async () => {
    const double = new CardServiceDouble();
    double.failNext('/api/v1/card/journey', { status: 200, body: { kind: 'partner', locale: 'en', role: 'rep', journey: { partner: 'Acme' } } });
    const { page } = await harness.open(canvasBoot(double.issueToken('rep'), { objectType: 'partner', objectId: 'p-acme' }), { double });
    await page.getByRole('alert').filter({ hasText: 'sent an answer this card cannot read' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
  });

  it('When the page has no boot document, then it says it must be opened through the service', async () => {
    const { page, double, errors } = await harness.open('no-boot');
    await page.getByRole('alert').filter({ hasText: 'This page has to be opened through the Partner Journey service.' }).waitFor();
    expect(double.requests).toHaveLength(0);
    expect(errors.join('\n')).toContain('no #pj-boot element');
  });
});
