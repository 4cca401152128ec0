import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { applyCrmRecords, applyCrmRecordsById } from './apply-crm-records.ts';
import { dealIdsLeftBehind } from './deals-left-behind.ts';
import { notePendingDeals, notePendingWrites, readPendingDeals, readPendingWrites } from './pending-writes.ts';
import type { SyncContext } from './sync-context.ts';

/** Changes made while a backfill runs are caught by starting the incremental cursors a little before it. */
const BACKFILL_OVERLAP_MS = 5 * 60_000;

const backfillCursorSchema = z.object({
  startedAt: z.string(),
  after: z.string().nullable(),
  done: z.boolean(),
});
type BackfillCursor = z.infer<typeof backfillCursorSchema>;

export const CURSOR_KEYS = { backfill: 'backfill', partners: 'changes:partners', deals: 'changes:deals' } as const;

/**
 * Backfill: every partner page and the deals linked to it (and those the store still links to it
 * that the CRM no longer does). The cursor is saved only after the page's writes are done, so a
 * killed run resumes at the first unfinished page. Returns true when the backfill is complete.
 */
export async function runBackfill(ctx: SyncContext): Promise<boolean> {
  const saved = await ctx.store.getCursor(ctx.tenant, CURSOR_KEYS.backfill);
  let cursor: BackfillCursor = saved
    ? backfillCursorSchema.parse(JSON.parse(saved))
    : { startedAt: new Date(ctx.now()).toISOString(), after: null, done: false };
  let first = true;
  while (!cursor.done) {
    if (!first) await ctx.betweenPages?.();
    first = false;
    if (ctx.shouldStop?.()) {
      ctx.report.stoppedEarly = 'asked to stop';
      return false;
    }
    const page = await ctx.adapter.pagePartners(cursor.after);
    const partnerIds = page.items.map((p) => p.id);
    const deals = partnerIds.length > 0 ? await ctx.adapter.dealsOfPartners(partnerIds) : [];
    const leftBehind = await dealIdsLeftBehind(ctx, partnerIds, deals);
    await applyCrmRecords(ctx, page.items, deals, { fetchDealsOfNewPartners: false });
    if (leftBehind.length > 0) await applyCrmRecordsById(ctx, { dealIds: leftBehind });
    cursor = { ...cursor, after: page.next, done: page.next === null };
    if (cursor.done) await startIncrementalAt(ctx, cursor.startedAt);
    await ctx.store.saveCursor(ctx.tenant, CURSOR_KEYS.backfill, JSON.stringify(cursor));
  }
  return true;
}

/** Makes the next run read every partner again from the first page; incremental cursors and history stay. */
export async function restartBackfill(ctx: SyncContext): Promise<void> {
  const fresh: BackfillCursor = { startedAt: new Date(ctx.now()).toISOString(), after: null, done: false };
  await ctx.store.saveCursor(ctx.tenant, CURSOR_KEYS.backfill, JSON.stringify(fresh));
}

async function startIncrementalAt(ctx: SyncContext, backfillStartedAt: string): Promise<void> {
  const since = new Date(Date.parse(backfillStartedAt) - BACKFILL_OVERLAP_MS).toISOString();
  for (const key of [CURSOR_KEYS.partners, CURSOR_KEYS.deals]) {
    if ((await ctx.store.getCursor(ctx.tenant, key)) === null) {
      await ctx.store.saveCursor(ctx.tenant, key, ctx.adapter.changeCursorSince(since));
    }
  }
}

/** Incremental: partners then deals changed since the saved cursors, page by page. */
export async function runIncremental(ctx: SyncContext): Promise<void> {
  await drain(ctx, CURSOR_KEYS.partners, (cursor) => ctx.adapter.changedPartners(cursor), (items) => applyCrmRecords(ctx, items, []));
  await drain(ctx, CURSOR_KEYS.deals, (cursor) => ctx.adapter.changedDeals(cursor), (items) => applyCrmRecords(ctx, [], items));
}

async function drain<T>(
  ctx: SyncContext,
  key: string,
  fetchPage: (cursor: string | null) => Promise<{ items: readonly T[]; cursor: string; done: boolean }>,
  apply: (items: readonly T[]) => Promise<void>,
): Promise<void> {
  let cursor = await ctx.store.getCursor(ctx.tenant, key);
  for (let first = true; ; first = false) {
    if (!first) await ctx.betweenPages?.();
    if (ctx.shouldStop?.()) {
      ctx.report.stoppedEarly = 'asked to stop';
      return;
    }
    const page = await fetchPage(cursor);
    if (page.items.length > 0) await apply(page.items);
    await ctx.store.saveCursor(ctx.tenant, key, page.cursor);
    cursor = page.cursor;
    if (page.done) return;
  }
}

/**
 * Partners whose write failed earlier and deals a failed webhook re-read named: read again from the
 * CRM (a hand edit meanwhile is seen) and reconciled.
 */
async function retryPending(ctx: SyncContext): Promise<void> {
  const partnerIds = await readPendingWrites(ctx.store, ctx.tenant);
  const dealIds = await readPendingDeals(ctx.store, ctx.tenant);
  if (partnerIds.length === 0 && dealIds.length === 0) return;
  await applyCrmRecordsById(ctx, { partnerIds, dealIds });
  // Written now, already right in the CRM, or gone from it: no longer pending. Failures stay listed.
  const failing = new Set(ctx.report.writeFailures.map((f) => f.partnerId));
  await notePendingWrites(ctx.store, ctx.tenant, [], partnerIds.filter((id) => !failing.has(id)));
  await notePendingDeals(ctx.store, ctx.tenant, [], dealIds);
}

/**
 * A full run: retry what earlier runs could not write, finish (or start) the backfill, then catch
 * up with changes. A CRM telling us to stop (rate limit, API allocation share reached) ends the
 * run cleanly at the last committed page.
 */
export async function runSync(ctx: SyncContext): Promise<void> {
  try {
    await retryPending(ctx);
    if (await runBackfill(ctx)) await runIncremental(ctx);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'rate_limited') throw error;
    ctx.report.stoppedEarly = error.message;
    ctx.log.warn({ tenant: ctx.tenant, retryAfterMs: error.retryAfterMs }, `sync stopped: ${error.message}`);
  }
}
