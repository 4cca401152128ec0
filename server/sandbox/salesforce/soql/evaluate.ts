import {
  findField,
  ID_TYPES,
  NUMBER_TYPES,
  TEXT_TYPES,
  type FieldSpec,
  type SalesforceRecord,
  type SalesforceValue,
  type SObjectSchema,
} from '../org-schema.ts';
import type { ComparisonOperator, Condition, Literal, SelectQuery } from './ast.ts';
import { SoqlError } from './soql-error.ts';

/** A comparable form of a field value: numbers for numbers and instants, strings for the rest. */
type Key = string | number | boolean | null;

export interface CompiledQuery {
  readonly sobject: SObjectSchema;
  /** The selected fields, by their describe names, in query order. */
  readonly fields: readonly FieldSpec[];
  matches(record: SalesforceRecord): boolean;
  compare(a: SalesforceRecord, b: SalesforceRecord): number;
  readonly limit: number | null;
  readonly offset: number | null;
}

/** Resolves names against describe and type-checks every value, as Salesforce does before running a query. */
export function compileQuery(query: SelectQuery, schemaOf: (name: string) => SObjectSchema | undefined): CompiledQuery {
  const sobject = schemaOf(query.from);
  if (!sobject) {
    throw new SoqlError('INVALID_TYPE', `sObject type '${query.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`);
  }
  const field = (name: string): FieldSpec => {
    const spec = findField(sobject, name);
    if (!spec) throw new SoqlError('INVALID_FIELD', `No such column '${name}' on entity '${sobject.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`);
    return spec;
  };
  const fields = query.fields.map(field);
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) throw new SoqlError('MALFORMED_QUERY', `duplicate field selected: ${f.name}`);
    seen.add(f.name);
  }
  const matches = query.where ? compileCondition(query.where, field) : () => true;
  const order = query.orderBy.map((item) => ({ ...item, spec: field(item.field) }));
  const compare = (a: SalesforceRecord, b: SalesforceRecord): number => {
    for (const { spec, descending, nullsLast } of order) {
      const x = keyOf(spec, a[spec.name] ?? null);
      const y = keyOf(spec, b[spec.name] ?? null);
      if (x === y) continue;
      if (x === null) return nullsLast ? 1 : -1;
      if (y === null) return nullsLast ? -1 : 1;
      const sign = x < y ? -1 : 1;
      return descending ? -sign : sign;
    }
    return 0;
  };
  return { sobject, fields, matches, compare, limit: query.limit, offset: query.offset };
}

function compileCondition(condition: Condition, field: (name: string) => FieldSpec): (r: SalesforceRecord) => boolean {
  switch (condition.kind) {
    case 'and': {
      const parts = condition.items.map((c) => compileCondition(c, field));
      return (r) => parts.every((p) => p(r));
    }
    case 'or': {
      const parts = condition.items.map((c) => compileCondition(c, field));
      return (r) => parts.some((p) => p(r));
    }
    case 'not': {
      const inner = compileCondition(condition.item, field);
      return (r) => !inner(r);
    }
    case 'compare': {
      const spec = field(condition.field);
      if (spec.type === 'boolean' && condition.op !== '=' && condition.op !== '!=') {
        throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid operator on boolean field: ${spec.name} ${condition.op}`);
      }
      const wanted = literalKey(spec, condition.value);
      const op = condition.op;
      return (r) => compareKeys(keyOf(spec, r[spec.name] ?? null), op, wanted);
    }
    case 'in': {
      const spec = field(condition.field);
      const wanted = new Set(condition.values.map((v) => literalKey(spec, v)));
      return (r) => wanted.has(keyOf(spec, r[spec.name] ?? null)) !== condition.negated;
    }
    case 'like': {
      const spec = field(condition.field);
      if (!TEXT_TYPES.has(spec.type)) throw new SoqlError('INVALID_FIELD', `invalid operator on field: LIKE is not valid for ${spec.name} of type ${spec.type}`);
      const pattern = likePattern(condition.pattern);
      return (r) => {
        const value = r[spec.name];
        return typeof value === 'string' && pattern.test(value);
      };
    }
  }
}

/** SQL three-valued logic collapsed as Salesforce does: `= null` finds nulls, ordering comparisons skip them. */
function compareKeys(actual: Key, op: ComparisonOperator, wanted: Key): boolean {
  switch (op) {
    case '=':
      return actual === wanted;
    case '!=':
      return actual !== wanted;
    default:
      if (actual === null || wanted === null) return false;
      if (op === '<') return actual < wanted;
      if (op === '<=') return actual <= wanted;
      if (op === '>') return actual > wanted;
      return actual >= wanted;
  }
}

function literalKey(spec: FieldSpec, literal: Literal): Key {
  if (literal.kind === 'null') return null;
  const mismatch = (expected: string) =>
    new SoqlError('INVALID_FIELD', `value of filter criterion for field '${spec.name}' must be of type ${expected}${literal.kind === 'string' && expected !== 'string' ? ' and should not be enclosed in quotes' : ''}`);
  if (ID_TYPES.has(spec.type)) {
    if (literal.kind !== 'string') throw mismatch('id');
    if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(literal.value)) {
      throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${literal.value}`);
    }
    return literal.value.slice(0, 15);
  }
  if (TEXT_TYPES.has(spec.type)) {
    if (literal.kind !== 'string') throw mismatch('string');
    return literal.value.toLowerCase();
  }
  if (NUMBER_TYPES.has(spec.type)) {
    if (literal.kind !== 'number') throw mismatch('number');
    return literal.value;
  }
  if (spec.type === 'boolean') {
    if (literal.kind !== 'boolean') throw mismatch('boolean');
    return literal.value;
  }
  if (spec.type === 'date') {
    if (literal.kind !== 'date') throw mismatch('date');
    return literal.value;
  }
  if (literal.kind !== 'datetime') throw mismatch('dateTime');
  return literal.epochMs;
}

function keyOf(spec: FieldSpec, value: SalesforceValue): Key {
  if (value === null) return null;
  if (ID_TYPES.has(spec.type)) return String(value).slice(0, 15);
  if (TEXT_TYPES.has(spec.type)) return String(value).toLowerCase();
  if (spec.type === 'datetime') return Date.parse(String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return value;
}

function likePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\' && (pattern[i + 1] === '_' || pattern[i + 1] === '%')) {
      source += escapeRegExp(pattern[i + 1] as string);
      i += 1;
    } else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
