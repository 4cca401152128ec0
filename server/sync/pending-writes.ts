import { z } from 'zod';
import type { JourneyStore } from '../storage/journey-store.ts';

/**
 * Records a run must read again because the change feed will not bring them back:
 * - partners whose fields the CRM refused or never received (a locked row after every retry, an
 *   outage during a card's stage change) — their records did not change;
 * - deals a webhook named but whose re-read failed — HubSpot does not move a deal's modification
 *   date when its partner association changes.
 * Each run starts by reading them again and reconciling them (`runSync`).
 */
const PENDING_PARTNERS = 'writes:pending';
const PENDING_DEALS = 'reads:pending-deals';
const idsSchema = z.array(z.string());

async function readIds(store: JourneyStore, tenant: string, key: string): Promise<string[]> {
  const saved = await store.getCursor(tenant, key);
  if (saved === null) return [];
  try {
    const parsed = idsSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function updateIds(store: JourneyStore, tenant: string, key: string, add: readonly string[], remove: readonly string[]): Promise<void> {
  const pending = await readIds(store, tenant, key);
  const done = new Set(remove);
  const next = [...new Set([...pending.filter((id) => !done.has(id)), ...add])];
  if (next.length === pending.length && next.every((id, i) => id === pending[i])) return;
  await store.saveCursor(tenant, key, JSON.stringify(next));
}

export function readPendingWrites(store: JourneyStore, tenant: string): Promise<string[]> {
  return readIds(store, tenant, PENDING_PARTNERS);
}

/** Adds the partners whose write failed and drops those just written. */
export function notePendingWrites(store: JourneyStore, tenant: string, failed: readonly string[], written: readonly string[] = []): Promise<void> {
  return updateIds(store, tenant, PENDING_PARTNERS, failed, written);
}

export function readPendingDeals(store: JourneyStore, tenant: string): Promise<string[]> {
  return readIds(store, tenant, PENDING_DEALS);
}

/** Adds deals to read again, and drops those just read. */
export function notePendingDeals(store: JourneyStore, tenant: string, add: readonly string[], read: readonly string[] = []): Promise<void> {
  return updateIds(store, tenant, PENDING_DEALS, add, read);
}
