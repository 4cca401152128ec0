import helmet from 'helmet';
import type { RecordRef } from '../auth/viewer.ts';
import type { CanvasContext } from '../crm/salesforce/canvas-signed-request.ts';
import { instanceOrigin } from '../crm/salesforce/canvas-frame-ancestors.ts';
import { KEY_PREFIXES } from '../crm/salesforce/salesforce-id.ts';
import { AppError } from '../errors/app-error.ts';

/** A signed request can be replayed: the session it opens is short and bound to its org, user and record. */
export const CANVAS_SESSION_TTL_MS = 15 * 60_000;

const KIND_OF_TYPE: Readonly<Record<string, RecordRef['objectType']>> = { Account: 'partner', Opportunity: 'deal' };

/** The record the card shows: Account → partner, Opportunity → deal, by the record's type or else its key prefix. */
export function canvasRecord(canvas: CanvasContext): RecordRef {
  const id = canvas.recordId;
  if (id === null) {
    throw new AppError('invalid_input', 'the Canvas request names no record: put the card on an Account or Opportunity page, or pass parameters.recordId', {
      problems: [{ field: 'context.environment.parameters.recordId', problem: 'is missing (and so is context.environment.record.Id)' }],
    });
  }
  const byType = canvas.recordType === null ? undefined : KIND_OF_TYPE[canvas.recordType];
  const byPrefix = id.startsWith(KEY_PREFIXES.Account) ? 'partner' : id.startsWith(KEY_PREFIXES.Opportunity) ? 'deal' : undefined;
  const objectType = canvas.recordType === null ? byPrefix : byType;
  if (objectType === undefined) {
    throw new AppError('invalid_input', `Partner Journey shows on Account and Opportunity records, not on ${canvas.recordType ?? `records with id ${id}`}`, {
      problems: [{ field: 'context.environment.record', problem: 'must be an Account or an Opportunity' }],
    });
  }
  return { objectType, objectId: id };
}

/**
 * The page's Content-Security-Policy: the service's usual one, except that Salesforce (and the
 * org's own instance) may frame it. No X-Frame-Options goes with it: that header knows only
 * DENY and SAMEORIGIN, and browsers let frame-ancestors decide when both are present anyway.
 */
export function canvasContentSecurityPolicy(frameAncestors: readonly string[], instanceUrl: string): string {
  const origin = instanceOrigin(instanceUrl);
  const ancestors = [...new Set([...frameAncestors, ...(origin === null ? [] : [origin])])];
  const directives: Record<string, readonly string[]> = { ...helmet.contentSecurityPolicy.getDefaultDirectives(), 'frame-ancestors': ancestors };
  delete directives['upgrade-insecure-requests'];
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');
}
