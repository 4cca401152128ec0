import { z } from 'zod';
import { describeIssues } from '../../../shared/validation/issues.ts';
import { AppError } from '../../errors/app-error.ts';
import { ID_PROPERTY, MODIFIED_PROPERTY } from './record-properties.ts';
import type { SearchFilter } from './object-reader.ts';

/**
 * Where an incremental read stands: every record with hs_lastmodifieddate < `ts`, and those at
 * exactly `ts` with hs_object_id ≤ `anchor`, were delivered. Each page is a fresh search from this
 * key (never HubSpot's `after` offset): records modified between two pages move to the end of an
 * offset-paged result and would push unseen ones past the offset, and no query ever gets near the
 * 10,000-result cap. HubSpot applies a single sort, so records sharing one timestamp come in no
 * known id order; `tie` marks that a full page shared `ts` and we now walk it by hs_object_id.
 */
export interface IncrementalCursor {
  readonly ts: number;
  readonly anchor: string | null;
  readonly tie: boolean;
}

const cursorSchema = z.object({
  v: z.literal(1),
  ts: z.number().int().nonnegative(),
  anchor: z.string().regex(/^\d+$/).nullable(),
  tie: z.boolean(),
});

export const START: IncrementalCursor = { ts: 0, anchor: null, tie: false };

export function encodeCursor(cursor: IncrementalCursor): string {
  return JSON.stringify({ v: 1, ts: cursor.ts, anchor: cursor.anchor, tie: cursor.tie });
}

export function decodeCursor(text: string | null): IncrementalCursor {
  if (text === null) return START;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'The HubSpot sync cursor is not one this adapter wrote', { problems: [{ field: 'cursor', problem: 'is not JSON' }] });
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'The HubSpot sync cursor is not one this adapter wrote', { problems: describeIssues(parsed.error, 'cursor') });
  }
  return { ts: parsed.data.ts, anchor: parsed.data.anchor, tie: parsed.data.tie };
}

const modified = (operator: SearchFilter['operator'], ts: number): SearchFilter => ({ propertyName: MODIFIED_PROPERTY, operator, value: String(ts) });
const idAbove = (anchor: string): SearchFilter => ({ propertyName: ID_PROPERTY, operator: 'GT', value: anchor });

/** The filter groups (before membership filters are added) and the sort of the next query. */
export function nextQuery(cursor: IncrementalCursor): { groups: SearchFilter[][]; sortBy: string } {
  if (cursor.tie) {
    return { groups: [[modified('EQ', cursor.ts), ...(cursor.anchor ? [idAbove(cursor.anchor)] : [])]], sortBy: ID_PROPERTY };
  }
  if (cursor.anchor === null) return { groups: [[modified('GTE', cursor.ts)]], sortBy: MODIFIED_PROPERTY };
  return { groups: [[modified('EQ', cursor.ts), idAbove(cursor.anchor)], [modified('GT', cursor.ts)]], sortBy: MODIFIED_PROPERTY };
}

export interface Keyed {
  readonly id: string;
  readonly modifiedMs: number;
}

function maxId(items: readonly Keyed[]): string | null {
  let best: string | null = null;
  for (const item of items) if (best === null || Number(item.id) > Number(best)) best = item.id;
  return best;
}

export type Step =
  /** Deliver the page's items modified before `below` (all when null) and continue from `cursor`. */
  | { readonly kind: 'deliver'; readonly below: number | null; readonly cursor: IncrementalCursor; readonly done: boolean }
  /** A full page shared one timestamp: walk that timestamp by id before delivering anything. */
  | { readonly kind: 'walk-tie'; readonly cursor: IncrementalCursor };

/** Decides what a search page (sorted as `nextQuery` asked) lets us deliver. */
export function stepAfter(cursor: IncrementalCursor, page: readonly Keyed[], total: number): Step {
  // `total` is the query's full match count; a page can also be short because of the result cap.
  const complete = page.length >= total;
  if (cursor.tie) {
    return { kind: 'deliver', below: null, cursor: { ts: cursor.ts, anchor: maxId(page) ?? cursor.anchor, tie: !complete }, done: false };
  }
  if (page.length === 0) return { kind: 'deliver', below: null, cursor, done: true };
  const lastTs = Math.max(...page.map((p) => p.modifiedMs));
  if (complete) {
    // The whole remaining result: everything up to lastTs is now delivered.
    const atLast = page.filter((p) => p.modifiedMs === lastTs);
    const anchor = lastTs === cursor.ts ? maxId([...atLast, ...(cursor.anchor ? [{ id: cursor.anchor, modifiedMs: lastTs }] : [])]) : maxId(atLast);
    return { kind: 'deliver', below: null, cursor: { ts: lastTs, anchor, tie: false }, done: true };
  }
  // More follow: records at the page's last timestamp may continue on the next page, in any id order.
  const settled = page.filter((p) => p.modifiedMs < lastTs);
  if (settled.length === 0) {
    return { kind: 'walk-tie', cursor: { ts: lastTs, anchor: lastTs === cursor.ts ? cursor.anchor : null, tie: true } };
  }
  const ts = Math.max(...settled.map((p) => p.modifiedMs));
  const anchor = maxId([...settled.filter((p) => p.modifiedMs === ts), ...(ts === cursor.ts && cursor.anchor ? [{ id: cursor.anchor, modifiedMs: ts }] : [])]);
  return { kind: 'deliver', below: lastTs, cursor: { ts, anchor, tie: false }, done: false };
}
