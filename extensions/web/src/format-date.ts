import type { Locale } from '../../../shared/i18n/locale.ts';

/** A calendar date (or the date part of a date-time) as the viewer writes it; CRM dates are UTC. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
