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
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(utc).getUTCDate() !== day) return null;
  return { ms: utc - zoneOffsetMs(zone), dateOnly: h === undefined };
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/**
 * The instant an `asOf` stands for. A calendar date means the whole of that day, so facts dated
 * that day count: for date-only facts every comparison then agrees with plain day arithmetic.
 */
export function asOfInstant(parsed: ParsedIsoDate): number {
  return parsed.dateOnly ? parsed.ms + DAY_MS - 1 : parsed.ms;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function wholeDaysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function toIsoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}
