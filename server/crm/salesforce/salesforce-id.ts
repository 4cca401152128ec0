const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Salesforce shows 15-character, case-sensitive ids in its UI and sends 18-character ones in its
 * APIs (the last three characters encode the case of the first fifteen). Both name one record,
 * so ids are compared and stored in their 18-character form.
 */
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
export function toId18(id: string): string | null {
  if (/^[a-zA-Z0-9]{18}$/.test(id)) return id.slice(0, 15) + caseSafeSuffix(id.slice(0, 15));
  if (/^[a-zA-Z0-9]{15}$/.test(id)) return id + caseSafeSuffix(id);
  return null;
}

/** Key prefixes of the records the card shows. */
export const KEY_PREFIXES = { Account: '001', Opportunity: '006' } as const;
