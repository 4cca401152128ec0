import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { OutputUpdate, PartnerOutputs, WriteFailure, WriteReport } from '../crm-adapter.ts';
import { ACCOUNT_OUTPUT_FIELDS, TEXT_OUTPUT_LENGTH } from './partner-journey-fields.ts';
import type { SalesforceClient } from './salesforce-client.ts';

/** Salesforce's sObject-collection limit per call. */
export const COLLECTION_SIZE = 200;

export interface LockRetryPolicy {
  /** Further attempts for records answered UNABLE_TO_LOCK_ROW. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

const saveResultSchema = z.object({
  id: z.string().nullish(),
  success: z.boolean(),
  errors: z
    .array(z.object({ statusCode: z.string().nullish(), errorCode: z.string().nullish(), message: z.string().nullish() }).loose())
    .default([]),
});

type Row = { readonly partnerId: string; readonly fields: Readonly<Record<string, unknown>> };

/**
 * Writes our output fields (only those given) in collections of 200; a record that fails is
 * reported with Salesforce's statusCode, and rows locked by another transaction are retried
 * alone, after a jittered pause, a few times. Whole-call errors (limits, session) stop the write.
 */
export async function writeOutputs(client: SalesforceClient, updates: readonly OutputUpdate[], policy: LockRetryPolicy): Promise<WriteReport> {
  const written: string[] = [];
  const failed: WriteFailure[] = [];
  let requests = 0;
  let pending: Row[] = [];
  for (const row of mergeById(updates)) {
    if (Object.keys(row.fields).length === 0) written.push(row.partnerId);
    else if (/^[a-zA-Z0-9]{18}$/.test(row.partnerId)) pending.push(row);
    else failed.push({ partnerId: row.partnerId, code: 'MALFORMED_ID', message: 'not an 18-character Salesforce id' });
  }
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 0) await policy.sleep(Math.round(policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + policy.random())));
    const locked: Row[] = [];
    for (let start = 0; start < pending.length; start += COLLECTION_SIZE) {
      const chunk = pending.slice(start, start + COLLECTION_SIZE);
      requests += 1;
      const results = await client.update('Account', chunk.map((r) => ({ Id: r.partnerId, ...r.fields })), `write ${chunk.length} Account(s)`);
      chunk.forEach((row, index) => {
        const parsed = saveResultSchema.safeParse(results[index]);
        if (!parsed.success) {
          failed.push({ partnerId: row.partnerId, code: 'UNREADABLE_RESULT', message: 'Salesforce answered without a result for this record' });
          return;
        }
        if (parsed.data.success) {
          written.push(row.partnerId);
          return;
        }
        const first = parsed.data.errors[0];
        const code = first?.statusCode ?? first?.errorCode ?? 'UNKNOWN_ERROR';
        const message = parsed.data.errors.map((e) => e.message ?? '').filter((m) => m !== '').join('; ') || code;
        if (code === 'UNABLE_TO_LOCK_ROW' && attempt < policy.attempts) locked.push(row);
        else failed.push({ partnerId: row.partnerId, code, message });
      });
    }
    pending = locked;
  }
  return { written, failed, requests };
}

function mergeById(updates: readonly OutputUpdate[]): Row[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const update of updates) {
    const fields = byId.get(update.partnerId) ?? {};
    Object.assign(fields, toFields(update.outputs));
    byId.set(update.partnerId, fields);
  }
  return [...byId].map(([partnerId, fields]) => ({ partnerId, fields }));
}

function toFields(outputs: Partial<PartnerOutputs>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(outputs) as [keyof PartnerOutputs, PartnerOutputs[keyof PartnerOutputs] | undefined][]) {
    if (value === undefined) continue;
    const name = ACCOUNT_OUTPUT_FIELDS[key];
    if (name === undefined) throw new AppError('internal', `unknown output field ${String(key)}`);
    fields[name] = typeof value === 'string' && (key === 'nextAction' || key === 'stageChangedBy') ? cut(value) : key === 'wonRevenue12m' && typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  }
  return fields;
}

function cut(text: string): string {
  return text.length <= TEXT_OUTPUT_LENGTH ? text : `${text.slice(0, TEXT_OUTPUT_LENGTH - 1)}…`;
}
