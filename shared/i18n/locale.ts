export const LOCALES = ['en', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a user's language tag (HubSpot `user.locale`, Salesforce `language`, a browser) to a product locale. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const normalized = (tag ?? '').replace('_', '-').toLowerCase();
  return normalized === 'pt' || normalized.startsWith('pt-') ? 'pt-BR' : 'en';
}
