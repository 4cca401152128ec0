import { z } from 'zod';
import { LOCALES } from '../i18n/locale.ts';

/**
 * What the service tells the web card when it serves its page (a JSON script tag with id
 * `pj-boot`): where the API is, which record to show, and the short-lived session to call it with.
 * `/preview` (demo) boots without a token and opens a demo session itself; a Salesforce Canvas
 * page boots with a session bound to the org, user and record of the signed request.
 */
export const cardBootSchema = z.object({
  mode: z.enum(['preview', 'canvas']),
  /** Origin (or '' for same origin) the card API lives at. */
  apiBase: z.string(),
  locale: z.enum(LOCALES),
  token: z.string().min(16).optional(),
  record: z.object({ objectType: z.enum(['partner', 'deal']), objectId: z.string().min(1) }).optional(),
});
export type CardBoot = z.infer<typeof cardBootSchema>;

export const CARD_BOOT_ELEMENT_ID = 'pj-boot';

export const previewSessionRequestSchema = z.object({
  role: z.enum(['manager', 'rep']),
});

export const sessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  role: z.enum(['manager', 'rep']),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
