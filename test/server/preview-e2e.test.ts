import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT, seedDemo } from '../support/seed-store.ts';
import { CardPage } from '../../server/http/card-page.ts';
import { launchBrowser, newOfflineContext } from '../support/browser.ts';
import { startTestService, TEST_NOW, type TestService } from '../support/test-service.ts';
import { buildCard, type BuiltCard } from '../web/support/build-card.ts';

/** The real service with the real card build, in Debian's Chromium: the demo as a person would use it. */
let built: BuiltCard;
let service: TestService;
let browser: Browser;
beforeAll(async () => {
  built = await buildCard();
  service = await startTestService({ demoTenant: DEMO_TENANT, cardPage: new CardPage(built.dir) });
  await seedDemo(service.store, DEMO_TENANT, TEST_NOW);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await service?.close();
  await built?.remove();
});

async function openPartner(page: Page, name: string): Promise<void> {
  await page.goto(`${service.url}/preview?locale=en`);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { name }).waitFor();
}

describe('/preview end to end', () => {
  it('When a manager picks a partner and changes its stage with a reason, then the new stage and the history row survive a reload', async () => {
    const partner = await service.store.getPartner(DEMO_TENANT, 'p-001');
    expect(partner?.officialStage).toBe('recruit');
    const context = await newOfflineContext(browser, { viewport: { width: 1024, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await openPartner(page, partner?.name ?? '');
      const card = page.getByRole('article', { name: partner?.name ?? '' });
      expect(await card.innerText()).toContain('Official stage: Recruit & onboard');
      expect(await card.getByRole('button', { name: /^Mark done: / }).count()).toBeGreaterThan(0);

      await page.getByRole('combobox', { name: 'New stage' }).selectOption('activate');
      await page.getByRole('textbox', { name: 'Reason' }).fill('Kick-off done, first deal registered');
      await page.getByRole('button', { name: 'Save stage' }).click();
      await page.getByRole('status').filter({ hasText: 'The official stage is now First revenue.' }).waitFor();

      await page.reload();
      await openPartner(page, partner?.name ?? '');
      const reloaded = page.getByRole('article', { name: partner?.name ?? '' });
      expect(await reloaded.innerText()).toContain('Official stage: First revenue');
      const history = await reloaded.locator('.history-entry').allInnerTexts();
      expect(history.at(-1)).toContain('Recruit & onboard → First revenue');
      expect(history.at(-1)).toContain('demo-manager');
      expect(history.at(-1)).toContain('Kick-off done, first deal registered');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const rows = await service.store.stageHistory(DEMO_TENANT, 'p-001');
    expect(rows.at(-1)).toMatchObject({ to: 'activate', source: 'manual', actor: 'demo-manager', reason: 'Kick-off done, first deal registered' });
  });
});
