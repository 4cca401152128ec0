import { z } from 'zod';
import type { JourneyStore } from '../storage/journey-store.ts';

/**
 * Partners whose fields the CRM refused or never received (a locked row after every retry, an
 * outage during a card's stage change). The change feed would not bring them back, since their
 * records did not change, so each run starts by reading them again and reconciling them
 * (`runSync`).
 */
const PENDING_KEY = 'writes:pending';
const pendingSchema = z.array(z.string());

export async function readPendingWrites(store: JourneyStore, tenant: string): Promise<string[]> {
  const saved = await store.getCursor(tenant, PENDING_KEY);
  if (saved === null) return [];
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Adds the partners whose write failed and drops those just written. */
export async function notePendingWrites(store: JourneyStore, tenant: string, failed: readonly string[], written: readonly string[] = []): Promise<void> {
  const pending = await readPendingWrites(store, tenant);
  const done = new Set(written);
  const next = [...new Set([...pending.filter((id) => !done.has(id)), ...failed])];
  if (next.length === pending.length && next.every((id, i) => id === pending[i])) return;
  await store.saveCursor(tenant, PENDING_KEY, JSON.stringify(next));
}
