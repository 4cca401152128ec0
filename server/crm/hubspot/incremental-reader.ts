import type { ChangePage } from '../crm-adapter.ts';
import { decodeCursor, encodeCursor, nextQuery, stepAfter } from './incremental-cursor.ts';
import { SEARCH_PAGE, type ObjectReader, type SearchFilter } from './object-reader.ts';
import type { HubspotObjectType } from './property-definitions.ts';

export interface ChangeSource<T extends { readonly id: string; readonly modifiedAt: string }> {
  readonly type: HubspotObjectType;
  readonly properties: readonly string[];
  /** Records must match one of these filters too (ORed); null: every record of the type. */
  readonly membership: readonly SearchFilter[] | null;
  readonly parse: (records: readonly unknown[]) => T[];
  /** Completes the delivered items (e.g. with their partner links). */
  readonly enrich?: (items: T[]) => Promise<T[]>;
}

/** One page of records changed since the cursor, oldest first: one search, two when a timestamp tie must be walked. */
export async function readChanges<T extends { readonly id: string; readonly modifiedAt: string }>(
  reader: ObjectReader,
  source: ChangeSource<T>,
  cursorText: string | null,
): Promise<ChangePage<T>> {
  let cursor = decodeCursor(cursorText);
  for (;;) {
    const { groups, sortBy } = nextQuery(cursor);
    const membership = source.membership;
    const filterGroups = membership ? groups.flatMap((group) => membership.map((m) => [...group, m])) : groups;
    const { total, results } = await reader.search(source.type, { filterGroups, sortBy, properties: source.properties, limit: SEARCH_PAGE });
    const items = source.parse(results);
    const step = stepAfter(cursor, items.map((i) => ({ id: i.id, modifiedMs: Date.parse(i.modifiedAt) })), total);
    if (step.kind === 'walk-tie') {
      cursor = step.cursor;
      continue;
    }
    const below = step.below;
    const delivered = below === null ? items : items.filter((i) => Date.parse(i.modifiedAt) < below);
    const enriched = source.enrich && delivered.length > 0 ? await source.enrich(delivered) : delivered;
    return { items: enriched, cursor: encodeCursor(step.cursor), done: step.done };
  }
}
