import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cardBootSchema, type CardBoot } from '../../shared/api/card-boot.ts';
import { renderCardPage } from '../../extensions/web/card-page.ts';

const indexHtml = await readFile(new URL('../../extensions/web/index.html', import.meta.url), 'utf8');

function bootIn(html: string): unknown {
  const match = /<script type="application\/json" id="pj-boot">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no boot document in the page');
  return JSON.parse(match[1]);
}

describe('card page rendering', () => {
  it('puts the boot document in the head and the locale on <html>', () => {
    const boot: CardBoot = { mode: 'canvas', apiBase: '', locale: 'pt-BR', token: 't'.repeat(32), record: { objectType: 'deal', objectId: '006xx' } };
    const html = renderCardPage(indexHtml, boot);
    expect(html).toContain('<html lang="pt-BR"');
    expect(html.indexOf('id="pj-boot"')).toBeLessThan(html.indexOf('</head>'));
    expect(bootIn(html)).toEqual(boot);
  });

  it('When a value holds markup or replacement patterns, then it cannot leave its script element', () => {
    const objectId = `</script><script>alert(1)</script>$&$'<!--\u2028`;
    const boot: CardBoot = { mode: 'preview', apiBase: '', locale: 'en', record: { objectType: 'partner', objectId } };
    const html = renderCardPage(indexHtml, boot);
    expect(html.match(/<\/script>/g)).toHaveLength(1 + (indexHtml.match(/<\/script>/g)?.length ?? 0));
    expect(html).not.toContain('<script>alert(1)');
    expect(cardBootSchema.parse(bootIn(html)).record?.objectId).toBe(objectId);
  });

  it('When the boot breaks the schema, then rendering fails on the server', () => {
    const bad = { mode: 'canvas', apiBase: '', locale: 'fr' } as unknown as CardBoot;
    expect(() => renderCardPage(indexHtml, bad)).toThrow(/locale/);
  });
});
