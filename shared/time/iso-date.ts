/**
 * Dates in the journey contract are ISO-8601 strings: a calendar date (`2026-06-30`) or a
 * date-time (`2026-06-30T10:00:00Z`, an offset, or no zone meaning UTC). Internally every date
 * is an instant in epoch milliseconds.
 */

export const DAY_MS = 86_400_000;

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export type ParsedIsoDate = { readonly ms: number; readonly dateOnly: boolean };

/** Parses an ISO-8601 date or date-time; returns null when the text is not one or names an impossible day. */
export function parseIsoDate(text: string): ParsedIsoDate | null {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const offset = zoneOffsetMs(zone);
  if (offset === null) return null;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  if (date.getUTCDate() !== day) return null;
  return { ms: date.getTime() - offset, dateOnly: h === undefined };
}

/** The zone's offset from UTC; null when it is not a real one (hours above 23, minutes above 59). */
function zoneOffsetMs(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * The instant an `asOf` stands for. A calendar date means the whole of that day, so facts dated
 * that day count: for date-only facts every comparison then agrees with plain day arithmetic.
 */
export function asOfInstant(parsed: ParsedIsoDate): number {
  return parsed.dateOnly ? parsed.ms + DAY_MS - 1 : parsed.ms;
}

/**
 * Whole days elapsed from `from` to `to` (negative when `to` is earlier). Every day threshold of
 * the rules compares these counts, so "more than 60 days" means 61 whole days or more; with a
 * date-only `asOf` (the whole day, see asOfInstant) a count is the number of calendar days.
 */
export function wholeDaysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function toIsoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}
