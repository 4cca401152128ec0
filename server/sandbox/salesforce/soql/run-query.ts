import type { SalesforceRecord, SObjectSchema } from '../org-schema.ts';
import { compileQuery } from './evaluate.ts';
import { parseSoql } from './parser.ts';

export interface QueryRows {
  readonly sobject: SObjectSchema;
  /** Selected fields only, under their describe names, plus `Id` kept for the record URL. */
  readonly rows: readonly { readonly id: string; readonly values: SalesforceRecord }[];
}

export interface QuerySource {
  schemaOf(name: string): SObjectSchema | undefined;
  /** Every record of the object, deleted ones included (`IsDeleted` true). */
  recordsOf(sobject: string): Iterable<SalesforceRecord>;
}

/** Parses, checks and runs one query; `includeDeleted` is the difference between /query and /queryAll. */
export function runSoql(soql: string, source: QuerySource, includeDeleted: boolean): QueryRows {
  const query = compileQuery(parseSoql(soql), (name) => source.schemaOf(name));
  const matched: SalesforceRecord[] = [];
  for (const record of source.recordsOf(query.sobject.name)) {
    if (!includeDeleted && record.IsDeleted === true) continue;
    if (query.matches(record)) matched.push(record);
  }
  matched.sort(query.compare);
  const start = query.offset ?? 0;
  const end = query.limit === null ? matched.length : start + query.limit;
  const rows = matched.slice(start, end).map((record) => {
    const values: SalesforceRecord = {};
    for (const field of query.fields) values[field.name] = record[field.name] ?? null;
    return { id: String(record.Id), values };
  });
  return { sobject: query.sobject, rows };
}
