import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CardBoot } from '../../../shared/api/card-boot.ts';
import { launchBrowser, newOfflineContext } from '../../support/browser.ts';
import { buildCard, type BuiltCard } from './build-card.ts';
import { startCardServer, type CardServer } from './card-server.ts';
import { CardServiceDouble } from './card-service-double.ts';

export interface CardHarness {
  readonly server: CardServer;
  /** Opens the card with this boot in a fresh offline context; the double answers its API. */
  open(boot: CardBoot | 'no-boot', options?: { width?: number; height?: number; double?: CardServiceDouble }): Promise<OpenCard>;
  close(): Promise<void>;
}

export interface OpenCard {
  readonly page: Page;
  readonly double: CardServiceDouble;
  /** Uncaught errors and console errors of the page, so a test can insist there were none. */
  readonly errors: string[];
}

/** One card build, one static server and one browser per test file. */
export async function startCardHarness(): Promise<CardHarness> {
  let built: BuiltCard | null = null;
  let server: CardServer | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  try {
    built = await buildCard();
    server = await startCardServer(built.dir);
    browser = await launchBrowser();
  } catch (error) {
    await Promise.allSettled([browser?.close(), server?.close(), built?.remove()]);
    throw error;
  }
  const ready = { built, server, browser };
  return {
    server: ready.server,
    async open(boot, options = {}) {
      const context = await newOfflineContext(ready.browser, {
        viewport: { width: options.width ?? 1024, height: options.height ?? 800 },
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      // Well under the test timeout, so a missing element fails with Playwright's own explanation.
      context.setDefaultTimeout(8_000);
      const page = await context.newPage();
      const double = options.double ?? new CardServiceDouble();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await double.install(page);
      await page.goto(boot === 'no-boot' ? ready.server.bareUrl : ready.server.pageFor(boot));
      return { page, double, errors };
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await Promise.allSettled([ready.browser.close(), ready.server.close()]);
      await ready.built.remove();
    },
  };
}

export const previewBoot = (locale: CardBoot['locale'] = 'en', record?: CardBoot['record']): CardBoot => ({
  mode: 'preview',
  apiBase: '',
  locale,
  ...(record ? { record } : {}),
});

export const canvasBoot = (token: string, record: NonNullable<CardBoot['record']>, locale: CardBoot['locale'] = 'en'): CardBoot => ({
  mode: 'canvas',
  apiBase: '',
  locale,
  token,
  record,
});
