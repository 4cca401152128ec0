import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../shared/i18n/index.ts';
import type { StageId } from '../../shared/journey/stages.ts';
import { DEFAULT_FRAME_ANCESTORS } from '../../server/crm/salesforce/canvas-frame-ancestors.ts';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../server/sandbox/salesforce/sandbox.ts';
import { launchBrowser, newOfflineContext } from '../support/browser.ts';
import { buildCard, type BuiltCard } from '../web/support/build-card.ts';
import { startCanvasService, type CanvasService } from './support/canvas-service.ts';
import { buildSeed } from './support/seed.ts';

/**
 * Salesforce's side of a Canvas load, on another site than the service: a record page that
 * posts the signed request into a named iframe, as Lightning does.
 */
async function startRecordPage(): Promise<{ origin: string; setPage(html: string): void; close(): Promise<void> }> {
  let page = '';
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    setPage: (html) => {
      page = html;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function recordPageHtml(canvasUrl: string, signedRequest: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Account | Salesforce</title></head><body>
<h1>Account</h1>
<iframe name="pj-canvas" title="Partner Journey" style="width:420px;height:1400px;border:0"></iframe>
<form id="canvas-post" method="post" action="${canvasUrl}" target="pj-canvas"><input type="hidden" name="signed_request" value="${signedRequest}"></form>
<script>document.getElementById('canvas-post').submit();</script>
</body></html>`;
}

let built: BuiltCard;
let sandbox: SalesforceSandbox;
let recordPage: Awaited<ReturnType<typeof startRecordPage>>;
let canvas: CanvasService;
let browser: Browser;
beforeAll(async () => {
  [built, sandbox, recordPage] = await Promise.all([buildCard(), startSalesforceSandbox({ seed: buildSeed({ partners: 3, deals: 30, seed: 21 }) }), startRecordPage()]);
  canvas = await startCanvasService(sandbox, { cardDir: built.dir, frameAncestors: [...DEFAULT_FRAME_ANCESTORS, recordPage.origin] });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await canvas?.close();
  await recordPage?.close();
  await sandbox?.close();
  await built?.remove();
});

describe('the Canvas card in Chromium, framed by a Salesforce record page', () => {
  it('When a channel manager opens an Account and changes its stage, then Salesforce holds the new stage as changed by them and the service has the history row', async () => {
    const accountId = sandbox.state.idOf('p1');
    const account = sandbox.state.record('Account', accountId);
    const from = (await canvas.service.store.getPartner(canvas.tenant, accountId))?.officialStage as StageId;
    const to: StageId = from === 'mature' ? 'activate' : 'mature';
    const names = messagesFor('en').stageNames;
    const manager = sandbox.state.user('manager');
    recordPage.setPage(recordPageHtml(`${canvas.service.url}/salesforce/canvas`, canvas.signedFor('manager', { parameterRecordId: accountId, language: 'en_US' })));

    const context = await newOfflineContext(browser, { viewport: { width: 1024, height: 1500 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(recordPage.origin);
      const frame = page.frameLocator('iframe[name="pj-canvas"]');
      const card = frame.getByRole('article', { name: String(account?.Name) });
      await card.waitFor();
      expect(await card.innerText()).toContain(`Official stage: ${names[from]}`);
      expect(await card.getByRole('button', { name: /^Mark done: / }).count()).toBeGreaterThan(0);

      await frame.getByRole('combobox', { name: 'New stage' }).selectOption(to);
      await frame.getByRole('textbox', { name: 'Reason' }).fill('Quarterly review with the partner');
      await frame.getByRole('button', { name: 'Save stage' }).click();
      await frame.getByRole('status').filter({ hasText: `The official stage is now ${names[to]}.` }).waitFor();
      expect(await card.innerText()).toContain(`Official stage: ${names[to]}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    expect(sandbox.state.record('Account', accountId)).toMatchObject({ PJ_Stage__c: to, PJ_Stage_Changed_By__c: manager.username, LastModifiedById: manager.id });
    const history = await canvas.service.store.stageHistory(canvas.tenant, accountId);
    expect(history.at(-1)).toMatchObject({ from, to, source: 'manual', actor: manager.username, reason: 'Quarterly review with the partner' });
  });
});
