/**
 * A fresh key per submitted form, so a retried request (a timeout, a double click) is applied once.
 * Built from getRandomValues, which the card's worker has even where randomUUID is missing.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
