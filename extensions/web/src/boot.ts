import { CARD_BOOT_ELEMENT_ID, cardBootSchema, type CardBoot } from '../../../shared/api/card-boot.ts';

export type BootResult = { readonly ok: true; readonly boot: CardBoot } | { readonly ok: false; readonly reason: string };

/** Reads the boot document the service put in the page (see card-page.ts). */
export function readBoot(doc: Document): BootResult {
  const element = doc.getElementById(CARD_BOOT_ELEMENT_ID);
  if (!element?.textContent) return { ok: false, reason: `no #${CARD_BOOT_ELEMENT_ID} element in the page` };
  let json: unknown;
  try {
    json = JSON.parse(element.textContent);
  } catch {
    return { ok: false, reason: `#${CARD_BOOT_ELEMENT_ID} is not JSON` };
  }
  const parsed = cardBootSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    return { ok: false, reason: `#${CARD_BOOT_ELEMENT_ID} is invalid at ${fields}` };
  }
  const boot = parsed.data;
  if (boot.mode === 'canvas' && (!boot.token || !boot.record)) {
    return { ok: false, reason: 'a canvas boot needs token and record' };
  }
  return { ok: true, boot };
}
