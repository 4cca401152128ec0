import { asRecord, validationError } from '../http-kit.ts';
import type { StoredRecord } from '../object-store.ts';
import { apiObject, objectScopes, objectType, stringList, type RouteContext, type SandboxRoute } from '../route-kit.ts';
import { comparable, compileFilterGroups, parseFilterGroups } from '../search-filters.ts';

const MAX_LIMIT = 200;
const MAX_QUERY_CHARS = 3000;
const QUERY_PROPERTIES = { companies: ['name', 'domain'], deals: ['dealname'] } as const;

interface Sort {
  readonly propertyName: string;
  readonly direction: 'ASCENDING' | 'DESCENDING';
}

function parseSorts(raw: unknown): Sort[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: "sorts" must be an array.');
  // HubSpot's search guide: "Only one sorting rule can be applied to any search."
  if (raw.length > 1) throw validationError('Only one sorting rule can be applied to a search; "sorts" has ' + raw.length + '.');
  return raw.map((s: unknown) => {
    if (typeof s === 'string') {
      return s.startsWith('-') ? { propertyName: s.slice(1), direction: 'DESCENDING' } : { propertyName: s, direction: 'ASCENDING' };
    }
    const sort = asRecord(s, 'sorts[0]');
    const propertyName = sort['propertyName'];
    const direction = sort['direction'] ?? 'ASCENDING';
    if (typeof propertyName !== 'string' || (direction !== 'ASCENDING' && direction !== 'DESCENDING')) {
      throw validationError('Invalid input JSON: sorts[0] needs "propertyName" and "direction" ASCENDING or DESCENDING.');
    }
    return { propertyName, direction };
  });
}

function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const after = Number(raw);
  if (!Number.isInteger(after) || after < 0) throw validationError(`"after" must be formatted as an integer; got "${String(raw)}".`);
  return after;
}

function search({ state, params, body }: RouteContext) {
  const type = objectType(params['type']);
  const request = asRecord(body ?? {}, 'the body');
  const limit = request['limit'] === undefined ? 10 : Number(request['limit']);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw validationError(`limit must be between 1 and ${MAX_LIMIT}; got ${String(request['limit'])}.`);
  }
  const after = parseAfter(request['after']);
  const cap = state.searchResultCap;
  if (after >= cap) {
    throw validationError(`The search endpoints are limited to ${cap} total results for any given query; "after" ${after} pages beyond that.`);
  }
  const query = request['query'];
  if (query !== undefined && (typeof query !== 'string' || query.length > MAX_QUERY_CHARS)) {
    throw validationError(`"query" must be a string of at most ${MAX_QUERY_CHARS} characters.`);
  }
  const properties = state.store.properties[type];
  const matches = compileFilterGroups(parseFilterGroups(request['filterGroups']), properties);
  const [sort] = parseSorts(request['sorts']);
  const sortProperty = sort ? properties.get(sort.propertyName) : undefined;
  if (sort && !sortProperty) throw validationError(`Cannot sort on "${sort.propertyName}": the property does not exist.`);
  const needle = typeof query === 'string' ? query.toLowerCase() : '';

  const found = state.liveRecords(type).filter(
    (r) => matches(r) && (needle === '' || QUERY_PROPERTIES[type].some((p) => (r.properties[p] ?? '').toLowerCase().includes(needle))),
  );
  const keyOf = (r: StoredRecord) => {
    if (!sortProperty) return r.createdAt;
    const raw = r.properties[sortProperty.name];
    return raw === undefined || raw === '' ? null : comparable(sortProperty, raw);
  };
  const sign = sort?.direction === 'DESCENDING' ? -1 : 1;
  // Records without a value go last; ties fall back to the record id so pages stay stable.
  const keyed = found.map((r) => ({ r, key: keyOf(r) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? Number(a.r.id) - Number(b.r.id) : a.key === null ? 1 : -1;
    if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * sign;
    return Number(a.r.id) - Number(b.r.id);
  });
  const end = Math.min(after + limit, cap, keyed.length);
  const requested = stringList(request['properties'], 'properties');
  return {
    status: 200,
    body: {
      total: keyed.length,
      results: keyed.slice(after, end).map(({ r }) => apiObject(state, type, r, requested)),
      ...(after + limit < keyed.length ? { paging: { next: { after: String(after + limit), link: '' } } } : {}),
    },
  };
}

export const searchRoutes: readonly SandboxRoute[] = [
  { method: 'POST', pattern: '/crm/v3/objects/:type/search', search: true, scopes: objectScopes('objects', 'read'), handle: search },
];
