import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasBoot, startCardHarness, type CardHarness, type OpenCard } from './support/card-harness.ts';
import { CardServiceDouble } from './support/card-service-double.ts';

let harness: CardHarness;
beforeAll(async () => {
  harness = await startCardHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function openAsManager(): Promise<OpenCard> {
  const double = new CardServiceDouble();
  const opened = await harness.open(canvasBoot(double.issueToken('manager'), { objectType: 'partner', objectId: 'p-acme' }), { double });
  await opened.page.getByRole('heading', { name: 'Change stage' }).waitFor();
  return opened;
}

describe('web card: changing the stage', () => {
  it('When a channel manager saves a new stage with a reason, then the request carries them and the card shows the new stage and history row', async () => {
    const { page, double, errors } = await openAsManager();
    const select = page.getByRole('combobox', { name: 'New stage' });
    expect(await select.inputValue()).toBe('activate');
    await select.selectOption('accelerate');
    await page.getByRole('textbox', { name: 'Reason' }).fill('Signed the joint plan at the QBR');
    const release = double.hold('/api/v1/card/stage');
    await page.getByRole('button', { name: 'Save stage' }).click();

    await expect.poll(() => double.requestsTo('/api/v1/card/stage').length).toBe(1);
    expect(await page.getByRole('button', { name: 'Saving…' }).isDisabled()).toBe(true);
    expect(await select.isDisabled()).toBe(true);
    release();

    const status = page.getByRole('status').filter({ hasText: 'The official stage is now Acceleration.' });
    await status.waitFor();
    const sent = double.requestsTo('/api/v1/card/stage')[0];
    expect(sent?.body).toMatchObject({ objectId: 'p-acme', stage: 'accelerate', reason: 'Signed the joint plan at the QBR' });
    expect(sent?.body).toHaveProperty('idempotencyKey', expect.stringMatching(/^[0-9a-f]{32}$/));
    expect(sent?.authorization).toMatch(/^Bearer session-manager-/);

    const card = page.getByRole('article', { name: 'Acme Integrations' });
    expect(await card.innerText()).toContain('Official stage: Acceleration');
    expect(await card.locator('[aria-current="step"]').innerText()).toContain('Acceleration');
    const history = await card.locator('.history-entry').allInnerTexts();
    expect(history).toHaveLength(2);
    expect(history[1]).toContain('Recruit & onboard → Acceleration');
    expect(history[1]).toContain('Changed by hand · marta.manager@example.com');
    expect(history[1]).toContain('Signed the joint plan at the QBR');
    expect(await page.getByRole('textbox', { name: 'Reason' }).inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Save stage' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('When the reason is too short or too long, then the field says so and no request is sent', async () => {
    const { page, double } = await openAsManager();
    const reason = page.getByRole('textbox', { name: 'Reason' });
    await reason.fill('ok');
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByText('Give a reason of at least 3 characters.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy,
    );
    expect(description).toContain('Give a reason of at least 3 characters.');

    await reason.fill('x'.repeat(501));
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByText('Keep the reason to 500 characters or fewer.').waitFor();
    await reason.fill('  a ');
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByText('Give a reason of at least 3 characters.').waitFor();
    expect(double.requestsTo('/api/v1/card/stage')).toHaveLength(0);
  });

  it('When the service answers with a problem naming the reason, then its message is shown next to that field', async () => {
    const { page, double } = await openAsManager();
    double.failNext('/api/v1/card/stage', {
      status: 400,
      body: {
        type: 'https://partner-journey.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'reason', problem: 'mentions a customer e-mail address, which must not be stored' }],
      },
    });
    const reason = page.getByRole('textbox', { name: 'Reason' });
    await reason.fill('Talked to jane@customer.example');
    await page.getByRole('button', { name: 'Save stage' }).click();
    const message = page.locator('.field-error', { hasText: 'mentions a customer e-mail address, which must not be stored' });
    await message.waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.getAttribute('aria-describedby')).toContain((await message.getAttribute('id')) ?? '-');
    expect(await page.getByRole('article', { name: 'Acme Integrations' }).innerText()).toContain('Official stage: Recruit & onboard');
  });

  it('When the service refuses the change with a problem document, then its detail is announced as an alert', async () => {
    const { page, double } = await openAsManager();
    double.failNext('/api/v1/card/stage', {
      status: 403,
      body: { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Only channel managers can change the stage.' },
    });
    await page.getByRole('textbox', { name: 'Reason' }).fill('Promote after the first wins');
    await page.getByRole('button', { name: 'Save stage' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Only channel managers can change the stage.' });
    await alert.waitFor();
    expect(await page.getByRole('textbox', { name: 'Reason' }).inputValue()).toBe('Promote after the first wins');
    expect(await page.locator('.history-entry').count()).toBe(1);
  });

  it('When the service refuses a pt-BR manager’s change, then the alert and the field message are in Portuguese, not in the service’s English', async () => {
    const double = new CardServiceDouble();
    const { page } = await harness.open(canvasBoot(double.issueToken('manager', 'pt-BR'), { objectType: 'partner', objectId: 'p-acme' }, 'pt-BR'), { double });
    await page.getByRole('heading', { name: 'Alterar estágio' }).waitFor();
    double.failNext('/api/v1/card/stage', {
      status: 403,
      body: { type: 'urn:partner-journey:problem:forbidden', title: 'You are not allowed to do this', status: 403, detail: 'only channel managers can change a partner stage' },
    });
    await page.getByRole('textbox', { name: 'Motivo' }).fill('Primeiros negócios fechados');
    await page.getByRole('button', { name: 'Salvar estágio' }).click();
    await page.getByRole('alert').filter({ hasText: 'Você não tem permissão para isso.' }).waitFor();

    double.failNext('/api/v1/card/stage', {
      status: 400,
      body: { type: 'urn:partner-journey:problem:invalid-input', title: 'The request is invalid', status: 400, detail: 'the stage change is invalid', errors: [{ field: 'reason', problem: 'must be at most 500 characters' }] },
    });
    await page.getByRole('textbox', { name: 'Motivo' }).fill('Primeiros negócios fechados, de novo');
    await page.getByRole('button', { name: 'Salvar estágio' }).click();
    await page.locator('.field-error', { hasText: 'Por que o estágio muda (3 a 500 caracteres)' }).waitFor();
    const card = await page.locator('main').innerText();
    expect(card).not.toMatch(/not allowed|channel managers|must be at most|invalid/);
  });

  it('When a save fails to reach the service, then the retry reuses its idempotency key and the next form gets a fresh one', async () => {
    const { page, double } = await openAsManager();
    double.failNext('/api/v1/card/stage', 'network-error');
    await page.getByRole('textbox', { name: 'Reason' }).fill('First two deals closed');
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByRole('alert').filter({ hasText: 'could not be reached' }).waitFor();
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByRole('status').filter({ hasText: 'The official stage is now First revenue.' }).waitFor();

    await page.getByRole('combobox', { name: 'New stage' }).selectOption('accelerate');
    await page.getByRole('textbox', { name: 'Reason' }).fill('Joint plan signed');
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByRole('status').filter({ hasText: 'The official stage is now Acceleration.' }).waitFor();

    const keys = double.requestsTo('/api/v1/card/stage').map((r) => (r.body as { idempotencyKey?: string }).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(await page.locator('.history-entry').count()).toBe(3);
  });
});
