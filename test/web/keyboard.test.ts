import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewBoot, startCardHarness, type CardHarness } from './support/card-harness.ts';

let harness: CardHarness;
beforeAll(async () => {
  harness = await startCardHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** What has focus, in words a test can compare. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}:${label.trim()}`;
  });
}

async function tabTo(page: Page, wanted: RegExp, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    if (wanted.test(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${wanted}; last focus: ${await focused(page)}`);
}

function focusRingWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return el.matches(':focus-visible') && style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0;
  });
}

describe('web card: keyboard only', () => {
  it('From the partner list to a done action, everything works with the keyboard and focus stays visible', async () => {
    const { page, double, errors } = await harness.open(previewBoot());
    await page.getByRole('button', { name: /Acme Integrations/ }).waitFor();

    await tabTo(page, /^input:Search partners$/);
    expect(await focusRingWidth(page)).toBeGreaterThanOrEqual(2);
    await tabTo(page, /^button:Acme Integrations/);
    expect(await focusRingWidth(page)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatch(/^button:Cobalt Consulting/);
    await page.keyboard.press('End');
    expect(await focused(page)).toMatch(/^button:Fjord Partners/);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatch(/^button:Borealis Cloud/);
    await page.keyboard.press('Enter');

    await expect.poll(() => focused(page)).toBe('h2:Borealis Cloud');
    expect(await page.getByRole('button', { name: /Borealis Cloud/ }).getAttribute('aria-current')).toBe('true');

    await tabTo(page, /^button:Mark done: Review KPIs and the partner ranking$/, 5);
    expect(await focusRingWidth(page)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Marked as done: Review KPIs and the partner ranking.' }).waitFor();
    expect(await focused(page)).toBe('button:Undo: Review KPIs and the partner ranking');
    expect(double.requestsTo('/api/v1/card/actions')[0]?.body).toEqual({
      objectId: 'p-borealis',
      actionId: 'mature.review-kpis',
      done: true,
    });

    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: 'Back on the list: Review KPIs and the partner ranking.' }).waitFor();
    expect(double.requestsTo('/api/v1/card/actions')[1]?.body).toMatchObject({ done: false });

    await tabTo(page, /^summary:Playbook: Maturity$/);
    await page.keyboard.press('Enter');
    expect(await page.locator('details.playbook').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('The skip link takes keyboard users past the list to the card', async () => {
    const { page } = await harness.open(previewBoot('en', { objectType: 'partner', objectId: 'p-delta' }));
    await page.getByRole('heading', { name: 'Delta Resellers' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a:Skip to the journey card');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^button:Mark done: /);
  });
});
