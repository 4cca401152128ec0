import { apiError } from './http-kit.ts';
import type { Faults } from './faults.ts';
import { findField } from './org-schema.ts';
import type { OrgStore, WriteOutcome } from './org-store.ts';
import type { RecordError } from './write-validation.ts';

const MAX_RECORDS = 200;
const MAX_RETRIEVE_IDS = 2000;

type SaveResult = { id: string; success: true; errors: [] } | { success: false; errors: RecordError[] };

interface CollectionContext {
  readonly store: OrgStore;
  readonly faults: Faults;
  readonly userId: string;
  readonly version: string;
}

interface Planned {
  readonly sobject: string;
  readonly id: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** `POST|PATCH|DELETE /composite/sobjects`: per-record results, HTTP 200 even when some fail. */
export function writeCollection(method: 'POST' | 'PATCH' | 'DELETE', body: unknown, query: URLSearchParams, ctx: CollectionContext): SaveResult[] {
  const { allOrNone, planned } = method === 'DELETE' ? planDelete(query, ctx.store) : planWrite(method, body);
  if (planned.length > MAX_RECORDS) {
    throw apiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`);
  }
  const locked = (p: Planned): WriteOutcome | null =>
    ctx.faults.lockRow()
      ? { error: { statusCode: 'UNABLE_TO_LOCK_ROW', message: `unable to obtain exclusive access to this record or 1 records: ${p.id ?? 'new record'}`, fields: [] } }
      : null;
  const perform = (p: Planned): WriteOutcome => {
    if (method === 'POST') return ctx.store.create(p.sobject, p.fields, ctx.userId);
    if (method === 'PATCH') return ctx.store.update(p.sobject, p.id ?? '', p.fields, ctx.userId);
    return ctx.store.delete(p.sobject, p.id ?? '', ctx.userId);
  };
  if (allOrNone) {
    const checks = planned.map((p) => locked(p) ?? check(method, p, ctx.store, ctx.userId));
    if (checks.some((c) => 'error' in c)) {
      return checks.map((c) =>
        'error' in c
          ? { success: false, errors: [c.error] }
          : { success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] },
      );
    }
    return planned.map((p) => toSaveResult(perform(p)));
  }
  return planned.map((p) => toSaveResult(locked(p) ?? perform(p)));
}

/** `POST /composite/sobjects/{type}` with `{ids, fields}`: records in the order asked, null where none. */
export function retrieveCollection(sobject: string, body: unknown, ctx: CollectionContext): (Record<string, unknown> | null)[] {
  const schema = ctx.store.schemaOf(sobject);
  if (!schema) throw apiError(404, 'NOT_FOUND', `The requested resource does not exist`);
  const request = body as { ids?: unknown; fields?: unknown };
  if (!Array.isArray(request.ids) || !Array.isArray(request.fields) || request.fields.length === 0) {
    throw apiError(400, 'INVALID_FIELD', 'ids and fields are required');
  }
  if (request.ids.length > MAX_RETRIEVE_IDS) throw apiError(400, 'EXCEEDED_ID_LIMIT', `cannot retrieve more than ${MAX_RETRIEVE_IDS} records`);
  const fields = request.fields.map((name) => {
    const spec = typeof name === 'string' ? findField(schema, name) : undefined;
    if (!spec) throw apiError(400, 'INVALID_FIELD', `No such column '${String(name)}' on entity '${schema.name}'`);
    return spec.name;
  });
  return request.ids.map((id) => {
    const record = typeof id === 'string' ? ctx.store.get(schema.name, id) : undefined;
    if (!record || record.IsDeleted === true) return null;
    const out: Record<string, unknown> = { attributes: { type: schema.name, url: `/services/data/v${ctx.version}/sobjects/${schema.name}/${String(record.Id)}` } };
    for (const f of fields) out[f] = record[f] ?? null;
    return out;
  });
}

function planWrite(method: 'POST' | 'PATCH', body: unknown): { allOrNone: boolean; planned: Planned[] } {
  const request = body as { allOrNone?: unknown; records?: unknown };
  if (typeof request !== 'object' || request === null || !Array.isArray(request.records)) {
    throw apiError(400, 'JSON_PARSER_ERROR', 'records is required');
  }
  const planned = request.records.map((raw: unknown, index): Planned => {
    if (typeof raw !== 'object' || raw === null) throw apiError(400, 'JSON_PARSER_ERROR', `records[${index}] is not an object`);
    const { attributes, id, Id, ...fields } = raw as Record<string, unknown>;
    const type = (attributes as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string') throw apiError(400, 'INVALID_TYPE', `records[${index}]: attributes.type is required`);
    const recordId = id ?? Id;
    if (method === 'PATCH' && typeof recordId !== 'string') throw apiError(400, 'MISSING_ARGUMENT', `records[${index}]: id not specified in an update call`);
    return { sobject: type, id: typeof recordId === 'string' ? recordId : null, fields };
  });
  return { allOrNone: request.allOrNone === true, planned };
}

function planDelete(query: URLSearchParams, store: OrgStore): { allOrNone: boolean; planned: Planned[] } {
  const ids = (query.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0) throw apiError(400, 'MISSING_ARGUMENT', 'ids is required');
  const planned = ids.map((id) => ({ sobject: store.sobjectOfId(id)?.name ?? '', id, fields: {} }));
  return { allOrNone: query.get('allOrNone') === 'true', planned };
}

function check(method: 'POST' | 'PATCH' | 'DELETE', p: Planned, store: OrgStore, userId: string): WriteOutcome {
  const schema = store.schemaOf(p.sobject);
  if (!schema) return { error: { statusCode: 'INVALID_TYPE', message: `sObject type '${p.sobject}' is not supported`, fields: [] } };
  if (method !== 'DELETE') {
    const checked = store.validate(schema, p.fields, method === 'POST' ? 'create' : 'update', userId);
    if (!checked.ok) return { error: checked.error };
  }
  if (method === 'POST') return { id: '' };
  const record = p.id === null ? undefined : store.get(schema.name, p.id);
  if (!record) return { error: { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id: ${p.id ?? ''}`, fields: [] } };
  if (record.IsDeleted === true) return { error: { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] } };
  return { id: String(record.Id) };
}

function toSaveResult(outcome: WriteOutcome): SaveResult {
  return 'error' in outcome ? { success: false, errors: [outcome.error] } : { id: outcome.id, success: true, errors: [] };
}
