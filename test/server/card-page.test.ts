import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBootSchema } from '../../shared/api/card-boot.ts';
import { problemSchema } from '../../shared/api/journey-api.ts';
import { CardPage } from '../../server/http/card-page.ts';
import type { KyselyJourneyStore } from '../../server/storage/kysely/kysely-journey-store.ts';
import { openJourneyStore } from '../../server/storage/open-store.ts';
import { startTestService, type TestService } from '../support/test-service.ts';

/** A stand-in for Vite's output (the real card is built elsewhere): what matters here is how it is served. */
const INDEX = '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/card/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';

let dist: string;
let store: KyselyJourneyStore;
let demo: TestService;
let noDemo: TestService;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'pj-web-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log("card")');
  store = await openJourneyStore({ kind: 'memory' });
  demo = await startTestService({ demoTenant: 'hubspot:demo', cardPage: new CardPage(dist), store });
  noDemo = await startTestService({ demoTenant: null, cardPage: new CardPage(dist), store });
});
afterAll(async () => {
  await demo?.close();
  await noDemo?.close();
  await store?.close();
  await rm(dist, { recursive: true, force: true });
});

function bootOf(html: string) {
  const match = /<script type="application\/json" id="pj-boot">(.*?)<\/script>\s*<\/head>/s.exec(html);
  expect(match).not.toBeNull();
  return cardBootSchema.parse(JSON.parse(match?.[1] ?? 'null'));
}

describe('card pages', () => {
  it('serves /preview as the built page with a preview boot document before </head>', async () => {
    const response = await fetch(`${demo.url}/preview`, { headers: { 'Accept-Language': 'pt-BR,pt;q=0.9' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(bootOf(html)).toEqual({ mode: 'preview', apiBase: '', locale: 'pt-BR' });
    expect(html).toContain('<div id="root"></div>');
    expect(bootOf(await (await fetch(`${demo.url}/preview?locale=en`)).text()).locale).toBe('en');
  });

  it('escapes the boot JSON so no value can close the script element', async () => {
    const html = await new CardPage(dist).render({ mode: 'canvas', apiBase: '', locale: 'en', token: 't'.repeat(20), record: { objectType: 'partner', objectId: '</script><script>alert(1)</script>' } });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(bootOf(html).record?.objectId).toBe('</script><script>alert(1)</script>');
  });

  it('caches hashed assets forever and revalidates the rest', async () => {
    const asset = await fetch(`${demo.url}/card/assets/index-3f9a1c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${demo.url}/card/index.html`)).headers.get('cache-control')).toBe('no-cache');
    const missing = await fetch(`${demo.url}/card/assets/nope.js`);
    expect(missing.status).toBe(404);
    problemSchema.parse(await missing.json());
  });

  it('When demo mode is off, then there is no preview page and no preview session', async () => {
    expect((await fetch(`${noDemo.url}/preview`)).status).toBe(404);
    const session = await fetch(`${noDemo.url}/preview/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"role":"manager"}' });
    expect(session.status).toBe(404);
  });

  it('When the card is not built, then /preview says how to build it', async () => {
    const unbuilt = await startTestService({ demoTenant: 'hubspot:demo', cardPage: new CardPage(join(dist, 'missing')), store });
    try {
      const response = await fetch(`${unbuilt.url}/preview`);
      expect(response.status).toBe(500);
      expect(problemSchema.parse(await response.json()).detail).toContain('npm run build:web');
    } finally {
      await unbuilt.close();
    }
  });
});
