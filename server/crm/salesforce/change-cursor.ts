import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { soql, soqlDateTime, type SoqlFragment } from './soql.ts';

/**
 * Where an incremental read stands: the last record seen (SystemModstamp + Id). `settled` means
 * the previous read reached the end; the next read then re-reads a small window before the mark,
 * because a transaction may commit a SystemModstamp earlier than records already seen.
 */
export interface ChangeMark {
  readonly modstampMs: number;
  readonly id: string;
  readonly settled: boolean;
}

const markSchema = z.object({ v: z.literal(1), ms: z.number().int().nonnegative(), id: z.string().regex(/^[a-zA-Z0-9]{18}$/), settled: z.boolean() });

export function encodeMark(mark: ChangeMark): string {
  return JSON.stringify({ v: 1, ms: mark.modstampMs, id: mark.id, settled: mark.settled });
}

export function decodeMark(cursor: string | null): ChangeMark | null {
  if (cursor === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(cursor);
  } catch {
    raw = null;
  }
  const parsed = markSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_input', 'the Salesforce sync cursor is not one this adapter wrote; reset the sync to start over');
  return { modstampMs: parsed.data.ms, id: parsed.data.id, settled: parsed.data.settled };
}

/** The WHERE part selecting what comes after a mark, or null to read from the beginning. */
export function sinceMark(mark: ChangeMark | null, overlapMs: number): SoqlFragment | null {
  if (mark === null) return null;
  if (mark.settled) return soql`SystemModstamp >= ${soqlDateTime(Math.max(0, mark.modstampMs - overlapMs))}`;
  const at = soqlDateTime(mark.modstampMs);
  return soql`(SystemModstamp > ${at} OR (SystemModstamp = ${at} AND Id > ${mark.id}))`;
}

/** A mark from which the next read returns records modified at or after `ms` (the overlap applies on top). */
export function markAt(ms: number): ChangeMark {
  return { modstampMs: Math.max(0, ms), id: START_MARK_ID, settled: true };
}

const START_MARK_ID = '000000000000000AAA';

/** Nothing seen yet: the next read starts from the beginning. */
const START_MARK: ChangeMark = markAt(0);

/** The mark after a page: the last record when the page was full, else settled where reading stopped. */
export function markAfter(previous: ChangeMark | null, last: { readonly modifiedAt: string; readonly id: string } | undefined, full: boolean): ChangeMark {
  if (!last) return previous === null ? START_MARK : { ...previous, settled: true };
  const ms = Date.parse(last.modifiedAt);
  const ahead = previous !== null && previous.modstampMs > ms;
  return ahead && !full ? { ...previous, settled: true } : { modstampMs: ms, id: last.id, settled: !full };
}
