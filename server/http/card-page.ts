import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'express';
import type { CardBoot } from '../../shared/api/card-boot.ts';
import { renderCardPage } from '../../extensions/web/card-page.ts';
import { AppError } from '../errors/app-error.ts';

export const WEB_DIST_DIR = join(import.meta.dirname, '../../extensions/web/dist');
export const BUILD_HINT = 'the web card is not built: run `npm run build:web` (vite build --config extensions/web/vite.config.ts)';

/**
 * The web card's page (Vite's dist/index.html) with a boot document injected before `</head>`
 * (by the card's own `renderCardPage`, so the page and the card agree on the boot's form).
 * The preview serves it with the demo boot; the Salesforce Canvas route with a record-bound one
 * and its own Content-Security-Policy.
 */
export class CardPage {
  readonly distDir: string;
  #template: Promise<string> | null = null;

  constructor(distDir: string = WEB_DIST_DIR) {
    this.distDir = distDir;
  }

  async render(boot: CardBoot): Promise<string> {
    return renderCardPage(await this.#loadTemplate(), boot);
  }

  /** Sends the page; `headers` may replace the CSP (Canvas sets its own frame-ancestors). */
  async send(res: Response, boot: CardBoot, headers: Record<string, string> = {}): Promise<void> {
    const html = await this.render(boot);
    res.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.type('html').send(html);
  }

  async isBuilt(): Promise<boolean> {
    try {
      await this.#loadTemplate();
      return true;
    } catch {
      return false;
    }
  }

  #loadTemplate(): Promise<string> {
    this.#template ??= readFile(join(this.distDir, 'index.html'), 'utf8').catch((error: unknown) => {
      this.#template = null;
      throw new AppError('misconfigured', BUILD_HINT, { cause: error });
    });
    return this.#template;
  }
}
