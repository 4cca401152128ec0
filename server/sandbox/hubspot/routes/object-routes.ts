import type { HubspotObjectType } from '../../../crm/hubspot/property-definitions.ts';
import { asInputs, asRecord, listParam, notFound, SandboxHttpError, validationError } from '../http-kit.ts';
import type { StoredRecord } from '../object-store.ts';
import { apiObject, batchEnvelope, objectScopes, objectType, stringList, type RouteContext, type SandboxRoute } from '../route-kit.ts';
import type { SandboxState } from '../sandbox-state.ts';

const BATCH_LIMIT = 100;
const NOUN: Record<HubspotObjectType, string> = { companies: 'COMPANY', deals: 'DEAL' };

/** v3 `associations=` on reads: `{ companies: { results: [{ id, type }] } }`. */
function v3Associations(state: SandboxState, type: HubspotObjectType, id: string, wanted: readonly string[] | undefined) {
  if (!wanted || wanted.length === 0) return {};
  const out: Record<string, { results: { id: string; type: string }[] }> = {};
  for (const raw of wanted) {
    const toType = raw === 'companies' || raw === 'company' ? 'companies' : raw === 'deals' || raw === 'deal' ? 'deals' : undefined;
    if (!toType || toType === type) continue;
    const results = state.associations.associationsOf(type, id).flatMap(({ toId, typeIds }) =>
      typeIds.map((typeId) => {
        const t = state.associations.type(typeId);
        const name = t?.category === 'USER_DEFINED' ? (t.label ?? t.name).toLowerCase() : (t?.name ?? String(typeId));
        return { id: toId, type: name };
      }),
    );
    if (results.length > 0) out[toType] = { results };
  }
  return Object.keys(out).length > 0 ? { associations: out } : {};
}

function listObjects({ state, params, query }: RouteContext) {
  const type = objectType(params['type']);
  const limit = Number(query.get('limit') ?? '10');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw validationError('limit must be between 1 and 100.');
  const after = query.get('after');
  const archived = query.get('archived') === 'true';
  const ordered = [...state.store.records[type].values()]
    .filter((r) => r.archived === archived && (after === null || Number(r.id) > Number(after)))
    .sort((a, b) => Number(a.id) - Number(b.id));
  const page = ordered.slice(0, limit);
  const properties = listParam(query, 'properties');
  const associations = listParam(query, 'associations');
  const last = page[page.length - 1];
  return {
    status: 200,
    body: {
      results: page.map((r) => ({ ...apiObject(state, type, r, properties), ...v3Associations(state, type, r.id, associations) })),
      ...(ordered.length > limit && last ? { paging: { next: { after: last.id, link: `?after=${last.id}` } } } : {}),
    },
  };
}

function getObject({ state, params, query }: RouteContext) {
  const type = objectType(params['type']);
  const id = params['id'] ?? '';
  const record = state.store.records[type].get(id);
  const archived = query.get('archived') === 'true';
  if (!record || record.archived !== archived) throw notFound(`Object not found.  objectId are usually numeric.`);
  return {
    status: 200,
    body: { ...apiObject(state, type, record, listParam(query, 'properties')), ...v3Associations(state, type, id, listParam(query, 'associations')) },
  };
}

function batchRead({ state, params, query, body }: RouteContext) {
  const type = objectType(params['type']);
  const inputs = asInputs(body, BATCH_LIMIT);
  const properties = stringList(asRecord(body, 'the body')['properties'], 'properties');
  const archived = query.get('archived') === 'true';
  const startedAt = state.store.now();
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(input['id'] ?? '');
    const record = state.store.records[type].get(id);
    if (record && record.archived === archived) results.push(apiObject(state, type, record, properties));
    else missing.push(id);
  }
  const errors =
    missing.length === 0
      ? []
      : [{
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `Could not get some ${NOUN[type]} objects, they may be deleted or not exist. Check that ids are valid.`,
          context: { ids: missing },
          errors: [],
          links: {},
        }];
  return batchEnvelope(startedAt, state.store.now(), results, errors);
}

interface UpdateInput {
  readonly id: string;
  readonly values: Record<string, string>;
}

/** Validates every input first: HubSpot refuses the whole batch on a bad value. */
function validateUpdates(state: SandboxState, type: HubspotObjectType, inputs: Record<string, unknown>[]): UpdateInput[] {
  const seen = new Set<string>();
  const updates: UpdateInput[] = [];
  const problems: { message: string; code?: string; context?: Record<string, readonly string[]> }[] = [];
  for (const input of inputs) {
    const id = String(input['id'] ?? '');
    if (seen.has(id)) throw validationError(`Duplicate IDs found in batch input: [${id}]. IDs must be unique`);
    seen.add(id);
    const { normalised, errors } = state.store.validate(type, asRecord(input['properties'] ?? {}, 'properties'));
    problems.push(...errors.map((e) => ({ ...e, context: { ...e.context, id: [id] } })));
    updates.push({ id, values: normalised });
  }
  if (problems.length > 0) throw validationError(`Property values were not valid: ${JSON.stringify(problems.map((p) => p.message))}`, problems);
  return updates;
}

function writeFailure(type: HubspotObjectType, id: string) {
  return {
    status: 'error',
    category: 'CONFLICT',
    message: `Another update of ${NOUN[type]} ${id} is in progress; try again.`,
    context: { ids: [id] },
    errors: [],
    links: {},
  };
}

function batchUpdate({ state, params, body }: RouteContext) {
  const type = objectType(params['type']);
  const updates = validateUpdates(state, type, asInputs(body, BATCH_LIMIT));
  const at = state.store.now();
  const results: unknown[] = [];
  const errors: unknown[] = [];
  const missing: string[] = [];
  for (const update of updates) {
    const record = state.store.live(type, update.id);
    if (!record) {
      missing.push(update.id);
    } else if (state.takeWriteFailure(type, update.id)) {
      errors.push(writeFailure(type, update.id));
    } else {
      state.writeFromApi(type, record, update.values, at);
      results.push(apiObject(state, type, record, Object.keys(update.values)));
    }
  }
  if (missing.length > 0) {
    errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not update some ${NOUN[type]} objects, they may be deleted or not exist.`, context: { ids: missing }, errors: [], links: {} });
  }
  return batchEnvelope(at, state.store.now(), results, errors);
}

function patchObject({ state, params, body }: RouteContext) {
  const type = objectType(params['type']);
  const id = params['id'] ?? '';
  const record = state.store.live(type, id);
  if (!record) throw notFound(`Object not found.  objectId are usually numeric.`);
  const [update] = validateUpdates(state, type, [{ id, properties: asRecord(body, 'the body')['properties'] ?? {} }]);
  if (state.takeWriteFailure(type, id)) {
    throw new SandboxHttpError(409, { message: `Another update of ${NOUN[type]} ${id} is in progress; try again.`, category: 'CONFLICT' });
  }
  state.writeFromApi(type, record, update?.values ?? {}, state.store.now());
  return { status: 200, body: apiObject(state, type, record, Object.keys(update?.values ?? {})) };
}

function createOne(state: SandboxState, type: HubspotObjectType, input: Record<string, unknown>): StoredRecord {
  const { normalised, errors } = state.store.validate(type, asRecord(input['properties'] ?? {}, 'properties'));
  if (errors.length > 0) throw validationError(`Property values were not valid: ${JSON.stringify(errors.map((e) => e.message))}`, errors);
  return state.createFromApi(type, normalised);
}

function createObject({ state, params, body }: RouteContext) {
  const type = objectType(params['type']);
  const record = createOne(state, type, asRecord(body, 'the body'));
  return { status: 201, body: apiObject(state, type, record, Object.keys(record.properties)) };
}

function batchCreate({ state, params, body }: RouteContext) {
  const type = objectType(params['type']);
  const startedAt = state.store.now();
  const records = asInputs(body, BATCH_LIMIT).map((input) => createOne(state, type, input));
  const envelope = batchEnvelope(startedAt, state.store.now(), records.map((r) => apiObject(state, type, r, Object.keys(r.properties))), []);
  return { status: 201, body: envelope.body };
}

export const objectRoutes: readonly SandboxRoute[] = [
  { method: 'GET', pattern: '/crm/v3/objects/:type', scopes: objectScopes('objects', 'read'), handle: listObjects },
  { method: 'POST', pattern: '/crm/v3/objects/:type', scopes: objectScopes('objects', 'write'), handle: createObject },
  { method: 'POST', pattern: '/crm/v3/objects/:type/batch/read', scopes: objectScopes('objects', 'read'), handle: batchRead },
  { method: 'POST', pattern: '/crm/v3/objects/:type/batch/update', scopes: objectScopes('objects', 'write'), handle: batchUpdate },
  { method: 'POST', pattern: '/crm/v3/objects/:type/batch/create', scopes: objectScopes('objects', 'write'), handle: batchCreate },
  { method: 'GET', pattern: '/crm/v3/objects/:type/:id', scopes: objectScopes('objects', 'read'), handle: getObject },
  { method: 'PATCH', pattern: '/crm/v3/objects/:type/:id', scopes: objectScopes('objects', 'write'), handle: patchObject },
];
