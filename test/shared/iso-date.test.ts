import { describe, expect, it } from 'vitest';
import { asOfInstant, DAY_MS, parseIsoDate, wholeDaysBetween } from '../../shared/time/iso-date.ts';

const utc = (text: string) => Date.parse(text);

describe('ISO-8601 dates', () => {
  it.each([
    ['2026-06-30', utc('2026-06-30T00:00:00Z'), true],
    ['2026-06-30T14:05:09Z', utc('2026-06-30T14:05:09Z'), false],
    ['2026-06-30T14:05:09.250Z', utc('2026-06-30T14:05:09.250Z'), false],
    ['2026-06-30T14:05', utc('2026-06-30T14:05:00Z'), false],
    ['2026-06-30 14:05:09', utc('2026-06-30T14:05:09Z'), false],
    ['2026-06-30T14:05:09-03:00', utc('2026-06-30T17:05:09Z'), false],
    ['2026-06-30T14:05:09+0530', utc('2026-06-30T08:35:09Z'), false],
    ['2028-02-29', utc('2028-02-29T00:00:00Z'), true],
  ])('reads %s', (text, ms, dateOnly) => {
    expect(parseIsoDate(text)).toEqual({ ms, dateOnly });
  });

  it('When the year is below 100, then it is that year, not one in the 1900s', () => {
    const first = parseIsoDate('0001-01-01');
    expect(first && new Date(first.ms).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    const late = parseIsoDate('0099-12-31T23:00:00Z');
    expect(late && new Date(late.ms).getUTCFullYear()).toBe(99);
  });

  it.each([
    '30/06/2026',
    '2026-6-30',
    '2026-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-06-30T24:00:00Z',
    '2026-06-30T12:60:00Z',
    '2026-06-30T12:00:00+25:00',
    '2026-06-30T12:00:00+05:75',
    '2026-06-30T12:00:00 UTC',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it('When asOf is a calendar date, then it stands for the whole of that day', () => {
    const parsed = parseIsoDate('2026-06-30')!;
    expect(asOfInstant(parsed)).toBe(utc('2026-07-01T00:00:00Z') - 1);
    expect(asOfInstant(parseIsoDate('2026-06-30T10:00:00Z')!)).toBe(utc('2026-06-30T10:00:00Z'));
  });

  it('counts whole days elapsed, so a date-only asOf gives calendar days for any time on the earlier day', () => {
    const asOf = asOfInstant(parseIsoDate('2026-06-30')!);
    expect(wholeDaysBetween(utc('2026-05-16T00:00:00Z'), asOf)).toBe(45);
    expect(wholeDaysBetween(utc('2026-05-16T23:59:00Z'), asOf)).toBe(45);
    expect(wholeDaysBetween(utc('2026-06-30T23:59:00Z'), asOf)).toBe(0);
    expect(wholeDaysBetween(utc('2026-06-30T10:00:00Z'), utc('2026-06-29T10:00:00Z'))).toBe(-1);
    expect(wholeDaysBetween(0, 45 * DAY_MS - 1)).toBe(44);
  });
});
