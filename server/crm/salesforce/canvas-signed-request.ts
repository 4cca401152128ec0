import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { toId18 } from './salesforce-id.ts';

/** What a verified Canvas request tells us about who is looking at which record. */
export interface CanvasContext {
  readonly orgId: string;
  readonly userId: string;
  readonly userName: string;
  readonly fullName: string | null;
  readonly profileId: string;
  /** Salesforce's language tag, e.g. `pt_BR`. */
  readonly language: string;
  readonly instanceUrl: string;
  /** The viewing user's OAuth token: stays on the server. */
  readonly oauthToken: string;
  /** From the Aura wrapper's parameters, or the record the canvas sits on (18-character form). */
  readonly recordId: string | null;
  /** The record's sObject type (`Account`, `Opportunity`…) when the context says it. */
  readonly recordType: string | null;
}

/** Canvas requests are a few kilobytes; anything far larger is not one. */
const MAX_LENGTH = 64 * 1024;
const BASE64_EITHER_ALPHABET = /^[A-Za-z0-9+/_-]+={0,2}$/;
const salesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, { error: 'must be a Salesforce id' })
  .transform((id) => toId18(id) as string);

const canvasRequestSchema = z.object({
  algorithm: z.string(),
  client: z.object({ instanceUrl: z.url({ protocol: /^https?$/ }), oauthToken: z.string().min(1) }).loose(),
  context: z
    .object({
      user: z.object({ userId: salesforceId, userName: z.string(), fullName: z.string().nullish(), profileId: salesforceId, language: z.string().min(2) }).loose(),
      organization: z.object({ organizationId: salesforceId }).loose(),
      environment: z
        .object({
          parameters: z.record(z.string(), z.unknown()).nullish(),
          record: z
            .object({ Id: salesforceId.nullish(), attributes: z.object({ type: z.string().nullish() }).loose().nullish() })
            .loose()
            .nullish(),
        })
        .loose(),
    })
    .loose(),
}).loose();

/**
 * Verifies a Canvas `signed_request` before anything else is read from it: the signature is the
 * base64 HMAC-SHA256 (consumer secret) of the payload text exactly as received, in either base64
 * alphabet, compared in constant time; only then is the payload decoded and `algorithm` checked.
 * `issuedAt` is not judged: Salesforce documents it as internal, so callers bound replays with
 * short-lived sessions instead.
 */
export function verifyCanvasSignedRequest(signedRequest: unknown, consumerSecret: string): CanvasContext {
  if (consumerSecret === '') throw new AppError('misconfigured', 'SALESFORCE_CONSUMER_SECRET is not set; Canvas requests cannot be verified');
  if (typeof signedRequest !== 'string' || signedRequest.length === 0 || signedRequest.length > MAX_LENGTH) throw refused('is missing or not a signed request');
  const dot = signedRequest.indexOf('.');
  if (dot <= 0 || dot === signedRequest.length - 1) throw refused('has no signature and payload');
  const signatureText = signedRequest.slice(0, dot);
  const payload = signedRequest.slice(dot + 1);
  if (!BASE64_EITHER_ALPHABET.test(signatureText)) throw refused('has a signature that is not base64');
  const expected = createHmac('sha256', consumerSecret).update(payload, 'utf8').digest();
  const received = Buffer.from(signatureText, 'base64');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) throw refused('has a signature that does not match');

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    throw refused('carries a payload that is not base64 JSON');
  }
  const parsed = canvasRequestSchema.safeParse(decoded);
  if (!parsed.success) throw AppError.fromZod(parsed.error, 'Canvas signed request context');
  if (parsed.data.algorithm !== 'HMACSHA256') throw refused(`uses algorithm "${parsed.data.algorithm}", not HMACSHA256`);

  const { client, context } = parsed.data;
  const fromParameters = salesforceId.safeParse(context.environment.parameters?.recordId);
  const pageRecord = context.environment.record;
  const recordId = fromParameters.success ? fromParameters.data : (pageRecord?.Id ?? null);
  return {
    orgId: context.organization.organizationId,
    userId: context.user.userId,
    userName: context.user.userName,
    fullName: context.user.fullName ?? null,
    profileId: context.user.profileId,
    language: context.user.language,
    instanceUrl: client.instanceUrl.replace(/\/+$/, ''),
    oauthToken: client.oauthToken,
    recordId,
    recordType: recordId !== null && pageRecord?.Id === recordId ? (pageRecord.attributes?.type ?? null) : null,
  };
}

function refused(why: string): AppError {
  return new AppError('unauthorized', `the Canvas signed request ${why}`);
}
