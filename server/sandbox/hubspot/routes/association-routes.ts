import type { HubspotObjectType } from '../../../crm/hubspot/property-definitions.ts';
import type { AssociationType } from '../association-store.ts';
import { asInputs, asRecord, SandboxHttpError, validationError } from '../http-kit.ts';
import { batchEnvelope, objectScopes, objectType, type RouteContext, type SandboxRoute } from '../route-kit.ts';

const READ_INPUT_LIMIT = 1000;
const CREATE_INPUT_LIMIT = 100;
const SINGULAR: Record<HubspotObjectType, string> = { companies: 'company', deals: 'deal' };

function pair(params: Record<string, string>): [HubspotObjectType, HubspotObjectType] {
  const from = objectType(params['from']);
  const to = objectType(params['to']);
  if (from === to) throw validationError(`Associations between ${from} and ${to} are not supported by this sandbox.`);
  return [from, to];
}

function labelJson(t: AssociationType) {
  return { category: t.category, typeId: t.typeId, label: t.label };
}

function encodeAfter(offset: number): string {
  return Buffer.from(`offset-${offset}`).toString('base64url');
}

function decodeAfter(after: unknown): number {
  if (after === undefined || after === null || after === '') return 0;
  const match = /^offset-(\d+)$/.exec(Buffer.from(String(after), 'base64url').toString('utf8'));
  if (!match) throw validationError(`"after" token ${String(after)} is not valid.`);
  return Number(match[1]);
}

function batchRead({ state, params, body }: RouteContext) {
  const [from, to] = pair(params);
  const inputs = asInputs(body, READ_INPUT_LIMIT);
  const startedAt = state.store.now();
  const pageSize = state.associationPageSize;
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const id = String(input['id'] ?? '');
    const offset = decodeAfter(input['after']);
    const all = state.store.live(from, id)
      ? state.associations.associationsOf(from, id).filter(({ toId }) => state.store.live(to, toId) !== undefined)
      : [];
    if (all.length === 0) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${SINGULAR[to]} is associated with ${SINGULAR[from]} ${id}.`,
        context: { fromObjectId: [id] },
        errors: [],
        links: {},
      });
      continue;
    }
    const page = all.slice(offset, offset + pageSize);
    results.push({
      from: { id },
      to: page.map(({ toId, typeIds }) => ({
        toObjectId: Number(toId),
        associationTypes: typeIds.flatMap((typeId) => {
          const t = state.associations.type(typeId);
          return t ? [labelJson(t)] : [];
        }),
      })),
      ...(offset + pageSize < all.length ? { paging: { next: { after: encodeAfter(offset + pageSize), link: null } } } : {}),
    });
  }
  return batchEnvelope(startedAt, state.store.now(), results, errors);
}

function getLabels({ state, params }: RouteContext) {
  const [from, to] = pair(params);
  return { status: 200, body: { results: state.associations.typesBetween(from, to).map(labelJson) } };
}

function createLabel({ state, params, body }: RouteContext) {
  const [from, to] = pair(params);
  const request = asRecord(body, 'the body');
  const label = request['label'];
  const name = request['name'];
  const inverseLabel = request['inverseLabel'];
  if (typeof label !== 'string' || label.trim() === '' || typeof name !== 'string' || name.trim() === '') {
    throw validationError('Invalid input JSON: "label" and "name" are required strings.');
  }
  const taken = state.associations.typesBetween(from, to).some((t) => t.name === name || (t.category === 'USER_DEFINED' && t.label === label));
  if (taken) throw new SandboxHttpError(409, { message: `An association label named "${name}" (${label}) already exists between ${from} and ${to}.`, category: 'CONFLICT' });
  const [forward, inverse] = state.associations.createLabel(from, to, name, label, typeof inverseLabel === 'string' ? inverseLabel : undefined);
  return { status: 200, body: { results: [labelJson(forward), labelJson(inverse)] } };
}

function batchCreate({ state, params, body }: RouteContext) {
  const [from, to] = pair(params);
  const startedAt = state.store.now();
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of asInputs(body, CREATE_INPUT_LIMIT)) {
    const fromId = String(asRecord(input['from'] ?? {}, 'from')['id'] ?? '');
    const toId = String(asRecord(input['to'] ?? {}, 'to')['id'] ?? '');
    const types = Array.isArray(input['types']) ? (input['types'] as unknown[]) : [];
    const typeIds = types.map((t) => Number(asRecord(t, 'types[]')['associationTypeId']));
    const unknown = typeIds.find((id) => state.associations.type(id)?.from !== from);
    if (!state.store.live(from, fromId) || !state.store.live(to, toId) || unknown !== undefined) {
      errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: `Cannot associate ${SINGULAR[from]} ${fromId} with ${SINGULAR[to]} ${toId}${unknown !== undefined ? ` using type ${unknown}` : ''}.`, context: { fromObjectId: [fromId] }, errors: [], links: {} });
      continue;
    }
    const dealToCompany = from === 'deals' ? typeIds : typeIds.map((id) => state.associations.type(id)?.inverseTypeId ?? id);
    if (from === 'deals') state.associateDeal(fromId, toId, dealToCompany, 'INTEGRATION');
    else state.associateDeal(toId, fromId, dealToCompany, 'INTEGRATION');
    results.push({
      fromObjectTypeId: from === 'companies' ? '0-2' : '0-3',
      fromObjectId: Number(fromId),
      toObjectTypeId: to === 'companies' ? '0-2' : '0-3',
      toObjectId: Number(toId),
      labels: typeIds.map((id) => state.associations.type(id)?.label).filter((l): l is string => typeof l === 'string'),
    });
  }
  const envelope = batchEnvelope(startedAt, state.store.now(), results, errors);
  return { status: errors.length > 0 ? 207 : 201, body: envelope.body };
}

export const associationRoutes: readonly SandboxRoute[] = [
  { method: 'POST', pattern: '/crm/v4/associations/:from/:to/batch/read', scopes: objectScopes('objects', 'read'), handle: batchRead },
  { method: 'POST', pattern: '/crm/v4/associations/:from/:to/batch/create', scopes: objectScopes('objects', 'write'), handle: batchCreate },
  { method: 'GET', pattern: '/crm/v4/associations/:from/:to/labels', scopes: objectScopes('objects', 'read'), handle: getLabels },
  { method: 'POST', pattern: '/crm/v4/associations/:from/:to/labels', scopes: objectScopes('schemas', 'write'), handle: createLabel },
];
