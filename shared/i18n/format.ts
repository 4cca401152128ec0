import type { Locale } from './locale.ts';

export interface Formatter {
  readonly locale: Locale;
  /** A count or plain number, grouped the local way (12,000 / 12.000). */
  number(value: number): string;
  /**
   * An amount in the CRM's company currency (the currency itself is not known here, so no symbol):
   * whole amounts without decimals, others with cents, so 24,999.99 never reads as 25,000.
   */
  amount(value: number): string;
  /** A ratio 0..1 as a whole percentage. */
  percent(ratio: number): string;
  /** The singular or plural form for a count. */
  plural(count: number, one: string, other: string): string;
}

const cache = new Map<Locale, Formatter>();

export function formatterFor(locale: Locale): Formatter {
  const cached = cache.get(locale);
  if (cached) return cached;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const amounts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const amountsWithCents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const plurals = new Intl.PluralRules(locale);
  const formatter: Formatter = {
    locale,
    number: (value) => numbers.format(value),
    amount: (value) => {
      const cents = Math.round(value * 100);
      return cents % 100 === 0 ? amounts.format(cents / 100) : amountsWithCents.format(cents / 100);
    },
    percent: (ratio) => percents.format(ratio),
    plural: (count, one, other) => (plurals.select(count) === 'one' ? one : other),
  };
  cache.set(locale, formatter);
  return formatter;
}
