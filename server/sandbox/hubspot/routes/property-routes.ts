import { asRecord, notFound, SandboxHttpError, validationError } from '../http-kit.ts';
import type { SandboxProperty } from '../property-registry.ts';
import { objectScopes, objectType, type RouteContext, type SandboxRoute } from '../route-kit.ts';

const TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] as const;
const FIELD_TYPES = ['text', 'textarea', 'select', 'radio', 'checkbox', 'booleancheckbox', 'number', 'date', 'file', 'calculation_equation'] as const;
const NAME = /^[a-z][a-z0-9_]*$/;

function listProperties({ state, params, query }: RouteContext) {
  const type = objectType(params['type']);
  const archived = query.get('archived') === 'true';
  return { status: 200, body: { results: [...state.store.properties[type].values()].filter((p) => p.archived === archived) } };
}

function getProperty({ state, params }: RouteContext) {
  const type = objectType(params['type']);
  const property = state.store.properties[type].get(params['name'] ?? '');
  if (!property || property.archived) throw notFound(`Unable to find property with name ${params['name'] ?? ''} for object type ${type}.`);
  return { status: 200, body: property };
}

function parseOptions(raw: unknown): SandboxProperty['options'] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: "options" must be an array.');
  return raw.map((o: unknown, i) => {
    const option = asRecord(o, `options[${i}]`);
    const label = option['label'];
    const value = option['value'];
    if (typeof label !== 'string' || typeof value !== 'string') throw validationError(`options[${i}] needs a string "label" and "value".`);
    return { label, value, displayOrder: typeof option['displayOrder'] === 'number' ? option['displayOrder'] : i, hidden: option['hidden'] === true };
  });
}

function createProperty({ state, params, body }: RouteContext) {
  const type = objectType(params['type']);
  const request = asRecord(body, 'the body');
  const { name, label, groupName } = request;
  const propertyType = request['type'];
  const fieldType = request['fieldType'];
  if (typeof name !== 'string' || !NAME.test(name)) throw validationError(`"name" must be lowercase letters, digits and underscores; got ${JSON.stringify(name)}.`);
  if (typeof label !== 'string' || label === '') throw validationError('"label" is required.');
  if (!TYPES.includes(propertyType as (typeof TYPES)[number])) throw validationError(`"type" must be one of ${TYPES.join(', ')}.`);
  if (!FIELD_TYPES.includes(fieldType as (typeof FIELD_TYPES)[number])) throw validationError(`"fieldType" must be one of ${FIELD_TYPES.join(', ')}.`);
  if (typeof groupName !== 'string' || !state.store.groups[type].has(groupName)) {
    throw validationError(`Property group ${String(groupName)} does not exist for object type ${type}.`);
  }
  const existing = state.store.properties[type].get(name);
  if (existing && !existing.archived) throw new SandboxHttpError(409, { message: `Property named '${name}' already exists.`, category: 'CONFLICT' });
  const options = parseOptions(request['options']);
  if ((propertyType === 'enumeration' || propertyType === 'bool') && options.length === 0) {
    throw validationError(`Properties of type ${String(propertyType)} need "options".`);
  }
  const now = new Date(state.store.now()).toISOString();
  const property: SandboxProperty = {
    name,
    label,
    type: propertyType as SandboxProperty['type'],
    fieldType: fieldType as string,
    groupName,
    description: typeof request['description'] === 'string' ? request['description'] : '',
    options,
    displayOrder: typeof request['displayOrder'] === 'number' ? request['displayOrder'] : -1,
    hasUniqueValue: request['hasUniqueValue'] === true,
    hidden: request['hidden'] === true,
    formField: request['formField'] !== false,
    hubspotDefined: false,
    calculated: false,
    createdAt: now,
    updatedAt: now,
    archived: false,
  };
  state.store.properties[type].set(name, property);
  return { status: 201, body: property };
}

function listGroups({ state, params }: RouteContext) {
  const type = objectType(params['type']);
  return { status: 200, body: { results: [...state.store.groups[type].values()].filter((g) => !g.archived) } };
}

function getGroup({ state, params }: RouteContext) {
  const type = objectType(params['type']);
  const group = state.store.groups[type].get(params['name'] ?? '');
  if (!group || group.archived) throw notFound(`Unable to find property group ${params['name'] ?? ''} for object type ${type}.`);
  return { status: 200, body: group };
}

function createGroup({ state, params, body }: RouteContext) {
  const type = objectType(params['type']);
  const request = asRecord(body, 'the body');
  const { name, label } = request;
  if (typeof name !== 'string' || !NAME.test(name)) throw validationError(`"name" must be lowercase letters, digits and underscores; got ${JSON.stringify(name)}.`);
  if (typeof label !== 'string' || label === '') throw validationError('"label" is required.');
  if (state.store.groups[type].get(name)?.archived === false) {
    throw new SandboxHttpError(409, { message: `A property group named '${name}' already exists.`, category: 'CONFLICT' });
  }
  const group = { name, label, displayOrder: typeof request['displayOrder'] === 'number' ? request['displayOrder'] : -1, archived: false };
  state.store.groups[type].set(name, group);
  return { status: 201, body: group };
}

export const propertyRoutes: readonly SandboxRoute[] = [
  { method: 'GET', pattern: '/crm/v3/properties/:type/groups', scopes: objectScopes('schemas', 'read'), handle: listGroups },
  { method: 'POST', pattern: '/crm/v3/properties/:type/groups', scopes: objectScopes('schemas', 'write'), handle: createGroup },
  { method: 'GET', pattern: '/crm/v3/properties/:type/groups/:name', scopes: objectScopes('schemas', 'read'), handle: getGroup },
  { method: 'GET', pattern: '/crm/v3/properties/:type', scopes: objectScopes('schemas', 'read'), handle: listProperties },
  { method: 'POST', pattern: '/crm/v3/properties/:type', scopes: objectScopes('schemas', 'write'), handle: createProperty },
  { method: 'GET', pattern: '/crm/v3/properties/:type/:name', scopes: objectScopes('schemas', 'read'), handle: getProperty },
];
