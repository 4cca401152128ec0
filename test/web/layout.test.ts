import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasBoot, previewBoot, startCardHarness, type CardHarness } from './support/card-harness.ts';
import { CardServiceDouble } from './support/card-service-double.ts';

let harness: CardHarness;
beforeAll(async () => {
  harness = await startCardHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** The page scroll width and every element that pokes out to the right of the viewport. */
function overflow(page: Page): Promise<{ scrollWidth: number; viewport: number; offenders: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const offenders = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport, offenders };
  });
}

async function openEverything(page: Page): Promise<void> {
  await page.locator('details.playbook').first().evaluate((el) => ((el as HTMLDetailsElement).open = true));
}

describe('web card: layout', () => {
  it('At 380 px, the preview with list, card, stage form and open playbook has no horizontal scroll', async () => {
    const { page } = await harness.open(previewBoot('en', { objectType: 'partner', objectId: 'p-acme' }), { width: 380 });
    await page.getByRole('heading', { name: 'Change stage' }).waitFor();
    await openEverything(page);
    await page.getByRole('textbox', { name: 'Reason' }).fill('x');
    await page.getByRole('button', { name: 'Save stage' }).click();
    await page.getByText('Give a reason of at least 3 characters.').waitFor();
    const result = await overflow(page);
    expect(result.viewport).toBe(380);
    expect(result.offenders).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(380);
  });

  it('At 380 px, a deal in pt-BR (longer words) has no horizontal scroll', async () => {
    const double = new CardServiceDouble();
    const { page } = await harness.open(canvasBoot(double.issueToken('manager', 'pt-BR'), { objectType: 'deal', objectId: 'd-globex' }, 'pt-BR'), {
      width: 380,
      double,
    });
    await page.locator('.what-if').waitFor();
    await openEverything(page);
    const result = await overflow(page);
    expect(result.offenders).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(380);
  });

  it('On a wide screen, the partner list and the card sit side by side', async () => {
    const { page } = await harness.open(previewBoot('en', { objectType: 'partner', objectId: 'p-acme' }), { width: 1280 });
    await page.getByRole('heading', { name: 'Acme Integrations' }).waitFor();
    const list = await page.getByRole('navigation', { name: 'Partners' }).boundingBox();
    const card = await page.getByRole('main').boundingBox();
    expect(list && card && card.x >= list.x + list.width).toBe(true);
    expect((await overflow(page)).offenders).toEqual([]);
  });
});
