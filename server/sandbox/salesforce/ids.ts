import { caseSafeSuffix, toId18 } from '../../crm/salesforce/salesforce-id.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

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

/** The 18-character form of a 15- or 18-character id (as Salesforce accepts either), or null. */
export const normalizeId = toId18;
