import { validationError } from './http-kit.ts';
import type { StoredRecord } from './object-store.ts';
import { dateValueMs, type SandboxProperty } from './property-registry.ts';

export const OPERATORS = [
  'EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Filter {
  readonly propertyName: string;
  readonly operator: Operator;
  readonly value?: string;
  readonly highValue?: string;
  readonly values?: readonly string[];
}

/** HubSpot's limits since August 2024: 5 groups, 10 filters per group, 25 in all. */
export const FILTER_LIMITS = { groups: 5, perGroup: 10, total: 25 } as const;

function text(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw validationError(`Invalid input JSON: ${where} must be a string.`);
}

export function parseFilterGroups(raw: unknown): Filter[][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: "filterGroups" must be an array.');
  if (raw.length > FILTER_LIMITS.groups) {
    throw validationError(`Too many filter groups: ${raw.length}. At most ${FILTER_LIMITS.groups} filterGroups are allowed.`);
  }
  let total = 0;
  const groups = raw.map((group: unknown, g) => {
    const filters = (group as { filters?: unknown } | null)?.filters;
    if (!Array.isArray(filters)) throw validationError(`Invalid input JSON: filterGroups[${g}].filters must be an array.`);
    if (filters.length > FILTER_LIMITS.perGroup) {
      throw validationError(`Too many filters in filterGroups[${g}]: ${filters.length}. At most ${FILTER_LIMITS.perGroup} are allowed per group.`);
    }
    total += filters.length;
    return filters.map((f: unknown, i): Filter => {
      const where = `filterGroups[${g}].filters[${i}]`;
      const filter = (f ?? {}) as Record<string, unknown>;
      const propertyName = text(filter['propertyName'], `${where}.propertyName`);
      const operator = text(filter['operator'] ?? 'EQ', `${where}.operator`) as Operator;
      if (!propertyName) throw validationError(`${where}.propertyName is required.`);
      if (!OPERATORS.includes(operator)) throw validationError(`${where}.operator "${operator}" is not one of ${OPERATORS.join(', ')}.`);
      const values = filter['values'];
      if (values !== undefined && !Array.isArray(values)) throw validationError(`${where}.values must be an array.`);
      const value = text(filter['value'], `${where}.value`);
      const highValue = text(filter['highValue'], `${where}.highValue`);
      return {
        propertyName,
        operator,
        ...(value === undefined ? {} : { value }),
        ...(highValue === undefined ? {} : { highValue }),
        ...(Array.isArray(values) ? { values: values.map((v, j) => text(v, `${where}.values[${j}]`) ?? '') } : {}),
      };
    });
  });
  if (total > FILTER_LIMITS.total) throw validationError(`Too many filters: ${total}. At most ${FILTER_LIMITS.total} filters are allowed in all.`);
  return groups;
}

type Comparable = number | string;

/** The value HubSpot compares: numbers and dates as numbers, everything else case-insensitively. */
export function comparable(property: SandboxProperty, raw: string): Comparable | null {
  if (property.type === 'number') {
    const n = Number(raw);
    return raw.trim() === '' || Number.isNaN(n) ? null : n;
  }
  if (property.type === 'date' || property.type === 'datetime') return dateValueMs(raw);
  return raw.toLowerCase();
}

function operand(property: SandboxProperty, raw: string | undefined, filter: Filter): Comparable {
  if (raw === undefined) throw validationError(`Filter on "${filter.propertyName}" with ${filter.operator} needs a value.`);
  const value = comparable(property, raw);
  if (value === null) throw validationError(`"${raw}" is not a valid value for ${property.type} property "${filter.propertyName}".`);
  return value;
}

function tokens(value: string): string[] {
  return value.toLowerCase().split(/[^\p{L}\p{N}@.*]+/u).filter((t) => t !== '');
}

function tokenMatch(value: string, wanted: string): boolean {
  const pattern = new RegExp(`^${wanted.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return tokens(value).some((t) => pattern.test(t));
}

/** Compiles one filter to a predicate; throws a 400 for unknown properties or bad operands. */
export function compileFilter(filter: Filter, properties: ReadonlyMap<string, SandboxProperty>): (record: StoredRecord) => boolean {
  const property = properties.get(filter.propertyName);
  if (!property) throw validationError(`There was a problem with the request: property "${filter.propertyName}" does not exist.`);
  const name = property.name;
  const read = (record: StoredRecord): Comparable | null => {
    const raw = record.properties[name];
    return raw === undefined || raw === '' ? null : comparable(property, raw);
  };
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return (r) => read(r) !== null;
    case 'NOT_HAS_PROPERTY':
      return (r) => read(r) === null;
    case 'EQ': {
      const v = operand(property, filter.value, filter);
      return (r) => read(r) === v;
    }
    case 'NEQ': {
      const v = operand(property, filter.value, filter);
      return (r) => read(r) !== v;
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const v = operand(property, filter.value, filter);
      const op = filter.operator;
      return (r) => {
        const x = read(r);
        if (x === null) return false;
        return op === 'LT' ? x < v : op === 'LTE' ? x <= v : op === 'GT' ? x > v : x >= v;
      };
    }
    case 'BETWEEN': {
      const low = operand(property, filter.value, filter);
      const high = operand(property, filter.highValue, filter);
      return (r) => {
        const x = read(r);
        return x !== null && x >= low && x <= high;
      };
    }
    case 'IN':
    case 'NOT_IN': {
      if (!filter.values) throw validationError(`Filter on "${filter.propertyName}" with ${filter.operator} needs "values".`);
      const set = new Set(filter.values.map((v) => operand(property, v, filter)));
      return filter.operator === 'IN' ? (r) => { const x = read(r); return x !== null && set.has(x); } : (r) => { const x = read(r); return x === null || !set.has(x); };
    }
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const wanted = filter.value;
      if (wanted === undefined) throw validationError(`Filter on "${filter.propertyName}" with ${filter.operator} needs a value.`);
      const contains = (r: StoredRecord) => tokenMatch(r.properties[name] ?? '', wanted);
      return filter.operator === 'CONTAINS_TOKEN' ? contains : (r) => !contains(r);
    }
  }
}

/** Groups are ORed, filters in a group ANDed; no groups matches everything. */
export function compileFilterGroups(groups: readonly Filter[][], properties: ReadonlyMap<string, SandboxProperty>): (record: StoredRecord) => boolean {
  if (groups.length === 0) return () => true;
  const compiled = groups.map((group) => group.map((f) => compileFilter(f, properties)));
  return (record) => compiled.some((group) => group.every((predicate) => predicate(record)));
}
