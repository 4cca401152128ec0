import { salesforceId } from './ids.ts';
import type { QueryRows } from './soql/run-query.ts';

export interface QueryPage {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: readonly Readonly<Record<string, unknown>>[];
}

interface Cursor {
  readonly userId: string;
  readonly result: QueryRows;
  readonly batchSize: number;
}

/** Salesforce keeps at most 10 open query cursors per user; opening an 11th drops the oldest. */
const OPEN_CURSORS_PER_USER = 10;

/** Query results kept for `nextRecordsUrl` paging: a snapshot taken when the query ran. */
export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();
  private serial = 0;

  first(result: QueryRows, userId: string, batchSize: number, version: string): QueryPage {
    if (result.rows.length <= batchSize) return page(result, 0, batchSize, version, null);
    this.serial += 1;
    const cursorId = salesforceId('01g', this.serial);
    this.cursors.set(cursorId, { userId, result, batchSize });
    this.evictOldest(userId);
    return page(result, 0, batchSize, version, cursorId);
  }

  /** The page at a locator (`<cursor>-<offset>`), or null when the locator is unknown, evicted or not this user's. */
  next(locator: string, userId: string, version: string): QueryPage | null {
    const match = /^([a-zA-Z0-9]{18})-(\d+)$/.exec(locator);
    if (!match) return null;
    const cursorId = match[1] as string;
    const cursor = this.cursors.get(cursorId);
    const offset = Number(match[2]);
    if (!cursor || cursor.userId !== userId || offset >= cursor.result.rows.length) return null;
    const answer = page(cursor.result, offset, cursor.batchSize, version, cursorId);
    if (answer.done) this.cursors.delete(cursorId);
    return answer;
  }

  private evictOldest(userId: string): void {
    const mine = [...this.cursors.entries()].filter(([, c]) => c.userId === userId);
    for (const [id] of mine.slice(0, Math.max(0, mine.length - OPEN_CURSORS_PER_USER))) this.cursors.delete(id);
  }
}

function page(result: QueryRows, offset: number, batchSize: number, version: string, cursorId: string | null): QueryPage {
  const slice = result.rows.slice(offset, offset + batchSize);
  const end = offset + slice.length;
  const done = end >= result.rows.length;
  const type = result.sobject.name;
  const records = slice.map(({ id, values }) => ({
    attributes: { type, url: `/services/data/v${version}/sobjects/${type}/${id}` },
    ...values,
  }));
  return {
    totalSize: result.rows.length,
    done,
    ...(done || cursorId === null ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${cursorId}-${end}` }),
    records,
  };
}
