import type { Request, Response } from 'express';
import { z } from 'zod';
import { resolveLocale, isLocale, type Locale } from '../../shared/i18n/locale.ts';
import { parseOrThrow } from '../errors/app-error.ts';

/** A CRM record id in a query; a parameter sent twice arrives as a list and is named as such. */
export const recordIdParam = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be given once, as text') })
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, { error: 'must be a record id' });

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parseOrThrow(schema, req.query, 'the query', 'query');
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseOrThrow(schema, body ?? {}, 'the request body');
}

/**
 * Responses are checked against the shared schema before they leave, so a card never receives
 * a shape it was not promised (a failure here is our bug: a 500, never the caller's 400).
 */
export function sendJson<S extends z.ZodType>(res: Response, schema: S, value: z.input<S>, status = 200): void {
  res.status(status).json(schema.parse(value));
}

/** `?locale=` first (a card's language switch), then the browser's Accept-Language, then the fallback. */
export function requestLocale(req: Request, fallback: Locale): Locale {
  const fromQuery = req.query.locale;
  if (typeof fromQuery === 'string' && fromQuery !== '') return isLocale(fromQuery) ? fromQuery : resolveLocale(fromQuery);
  return fallback;
}

export function acceptLanguageLocale(req: Request): Locale {
  const first = req.get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  return resolveLocale(first);
}

/** A stage change's idempotency key comes from the body or, for clients that prefer it, the `Idempotency-Key` header. */
export function withIdempotencyHeader(req: Request, body: unknown): unknown {
  const header = req.get('idempotency-key');
  if (!header || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return 'idempotencyKey' in body ? body : { ...body, idempotencyKey: header };
}
