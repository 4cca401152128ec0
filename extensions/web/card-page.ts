import { CARD_BOOT_ELEMENT_ID, cardBootSchema, type CardBoot } from '../../shared/api/card-boot.ts';

/** JSON that cannot close its script element or break out of it, whatever the strings inside hold. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * The card page for one visit: the built `index.html` with the boot document the card reads on start.
 * The boot is checked against the shared schema here so a bad one fails on the server, not in a browser.
 */
export function renderCardPage(indexHtml: string, boot: CardBoot): string {
  const parsed = cardBootSchema.parse(boot);
  const tag = `<script type="application/json" id="${CARD_BOOT_ELEMENT_ID}">${scriptSafeJson(parsed)}</script>`;
  const withLang = indexHtml.replace(/<html lang="[^"]*"/, `<html lang="${parsed.locale}"`);
  if (!withLang.includes('</head>')) throw new Error('The card page has no </head> to put the boot document before');
  return withLang.replace('</head>', () => `${tag}\n  </head>`);
}
