import { z } from 'zod';

/**
 * Who may frame the Canvas card (CSP `frame-ancestors`): Salesforce's Lightning, classic and My
 * Domain hosts. The org's own instance URL from the signed request is added per request.
 */
export const DEFAULT_FRAME_ANCESTORS = [
  'https://*.force.com',
  'https://*.salesforce.com',
  'https://*.lightning.force.com',
  'https://*.my.salesforce.com',
] as const;

/** A CSP host source: scheme, a host (its first label may be `*`), an optional port, nothing else. */
const HOST_SOURCE = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** SALESFORCE_FRAME_ANCESTORS: origins separated by spaces or commas, replacing the defaults. */
export const frameAncestorsSchema = z
  .string()
  .transform((text) => text.split(/[\s,]+/).filter((entry) => entry !== '').map((entry) => entry.toLowerCase().replace(/\/+$/, '')))
  .pipe(
    z
      .array(z.string().regex(HOST_SOURCE, { error: 'must list origins like https://*.my.salesforce.com (scheme and host, no path), separated by spaces or commas' }))
      .min(1, { error: 'must list at least one origin' }),
  );

/** The CSP source of the instance URL a verified signed request names (its origin only). */
export function instanceOrigin(instanceUrl: string): string | null {
  try {
    const url = new URL(instanceUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
