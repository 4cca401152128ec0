import { z } from 'zod';
import { parseIsoDate, toIsoDateTime } from '../../../shared/time/iso-date.ts';
import { AppError } from '../../errors/app-error.ts';
import type { OutputUpdate, PartnerOutputs, WriteFailure, WriteReport } from '../crm-adapter.ts';
import { chunk, mapLimit } from './batching.ts';
import { httpStatusOf } from './hubspot-failures.ts';
import type { HubspotApis } from './hubspot-client.ts';
import { OBJECT_BATCH } from './object-reader.ts';
import { OUTPUT_PROPERTY } from './record-properties.ts';
import type { RequestRunner } from './request-runner.ts';

const resultsSchema = z.object({ results: z.array(z.object({ id: z.string() }).loose()) }).loose();
const ID = /^\d+$/;

/** A value as HubSpot takes it; "" clears a property. Throws a message for values HubSpot would refuse. */
function serialise(field: keyof PartnerOutputs, value: PartnerOutputs[keyof PartnerOutputs]): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${field} must be a finite number`);
    return String(value);
  }
  if (field === 'stageChangedAt') {
    const parsed = parseIsoDate(value);
    if (!parsed) throw new Error(`stageChangedAt "${value}" is not an ISO-8601 date-time`);
    return toIsoDateTime(parsed.ms);
  }
  return value;
}

interface Pending {
  readonly id: string;
  readonly properties: Record<string, string>;
}

/** Only the fields given, merged per partner (a later update of the same field wins). */
function collect(updates: readonly OutputUpdate[], failed: WriteFailure[]): Pending[] {
  const byId = new Map<string, Record<string, string>>();
  for (const update of updates) {
    if (!ID.test(update.partnerId)) {
      failed.push({ partnerId: update.partnerId, code: 'invalid_input', message: 'is not a HubSpot company id' });
      continue;
    }
    const properties = byId.get(update.partnerId) ?? {};
    try {
      for (const field of Object.keys(update.outputs) as (keyof PartnerOutputs)[]) {
        const value = update.outputs[field];
        if (value !== undefined) properties[OUTPUT_PROPERTY[field]] = serialise(field, value);
      }
      byId.set(update.partnerId, properties);
    } catch (error) {
      failed.push({ partnerId: update.partnerId, code: 'invalid_input', message: (error as Error).message });
    }
  }
  return [...byId].map(([id, properties]) => ({ id, properties }));
}

/** HubSpot refused the values themselves (400): the request, not HubSpot, is at fault. */
function isRefusedValue(error: unknown): error is AppError {
  return error instanceof AppError && httpStatusOf(error) === 400;
}

/** A record-level refusal is reported; a HubSpot-wide problem (limits, outage, token, scopes) is thrown. */
function isRecordLevel(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'not_found' || error.code === 'conflict' || isRefusedValue(error));
}

/**
 * Batch update, 100 companies per call (idempotent, so the runner may retry it). Records a 207
 * leaves out, or every record of a batch HubSpot refused as a whole (400: one bad value), are
 * written once more one by one; what still fails is reported.
 */
export async function writeOutputs(apis: HubspotApis, runner: RequestRunner, concurrency: number, updates: readonly OutputUpdate[]): Promise<WriteReport> {
  const tally = { requests: 0 };
  const failed: WriteFailure[] = [];
  const collected = collect(updates, failed);
  // Nothing to change is already in sync: no request, and HubSpot's modified date stays put.
  const written = new Set<string>(collected.filter((p) => Object.keys(p.properties).length === 0).map((p) => p.id));
  const pending = collected.filter((p) => !written.has(p.id));
  const retry: Pending[] = [];

  await mapLimit(chunk(pending, OBJECT_BATCH), concurrency, async (batch) => {
    try {
      const raw = await runner.run('update companies in batch', 'general', () => apis.companies.batch.update({ inputs: batch }), tally);
      const ok = new Set(resultsSchema.parse(raw).results.map((r) => r.id));
      for (const item of batch) {
        if (ok.has(item.id)) written.add(item.id);
        else retry.push(item);
      }
    } catch (error) {
      if (!isRefusedValue(error)) throw error;
      retry.push(...batch);
    }
  });

  for (const item of retry) {
    try {
      await runner.run('update a company', 'general', () => apis.companies.basic.update(item.id, { properties: item.properties }), tally);
      written.add(item.id);
    } catch (error) {
      if (!isRecordLevel(error)) throw error;
      failed.push({ partnerId: item.id, code: error.code, message: error.message });
    }
  }
  return { written: collected.map((p) => p.id).filter((id) => written.has(id)), failed, requests: tally.requests };
}
