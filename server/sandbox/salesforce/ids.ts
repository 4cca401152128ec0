const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * An 18-character Salesforce id: key prefix, a pod marker, a base-62 serial (so ids sort in
 * creation order, as the sandbox's `ORDER BY Id` expects), and the case-safe suffix computed the
 * way Salesforce does (one character per 5-character chunk, a bit per uppercase letter).
 */
export function salesforceId(keyPrefix: string, serial: number): string {
  if (keyPrefix.length !== 3) throw new Error(`key prefix must have 3 characters: ${keyPrefix}`);
  let digits = '';
  let rest = serial;
  do {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${keyPrefix}5g${digits.padStart(10, '0')}`;
  if (id15.length !== 15) throw new Error(`serial too large for an id: ${serial}`);
  return id15 + caseSafeSuffix(id15);
}

export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const ch = id15[chunk * 5 + i] as string;
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** The 18-character form of a 15- or 18-character id, or null when it is not an id at all. */
export function normalizeId(id: string): string | null {
  if (/^[a-zA-Z0-9]{18}$/.test(id)) return id.slice(0, 15) + caseSafeSuffix(id.slice(0, 15));
  if (/^[a-zA-Z0-9]{15}$/.test(id)) return id + caseSafeSuffix(id);
  return null;
}
