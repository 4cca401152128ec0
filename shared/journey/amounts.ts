/**
 * Amounts are decimal currency, but binary floating point does not add decimals exactly
 * (8,404.72 + 8,404.73 + 8,190.55 gives 24,999.999999999996, which would miss a 25,000 threshold).
 * The engine therefore sums amounts as whole ten-thousandths: no ISO 4217 currency has more
 * minor digits, and the sums stay exact up to about 900 billion.
 */
const UNITS_PER_AMOUNT = 10_000;

/** Ratios (e.g. the 70% revenue-drop line) are compared in millionths. */
const PARTS_PER_RATIO = 1_000_000;

export function toAmountUnits(amount: number): number {
  return Math.round(amount * UNITS_PER_AMOUNT);
}

export function fromAmountUnits(units: number): number {
  return units / UNITS_PER_AMOUNT;
}

/** Whether `amount` is below `ratio` × `base`, decided exactly (27,200 is not below 68% of 40,000). */
export function isBelowShareOf(amount: number, ratio: number, base: number): boolean {
  const left = BigInt(toAmountUnits(amount)) * BigInt(PARTS_PER_RATIO);
  const right = BigInt(Math.round(ratio * PARTS_PER_RATIO)) * BigInt(toAmountUnits(base));
  return left < right;
}
