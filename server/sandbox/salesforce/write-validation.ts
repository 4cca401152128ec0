import { normalizeId } from './ids.ts';
import { findField, ID_TYPES, NUMBER_TYPES, type FieldSpec, type SalesforceValue, type SObjectSchema } from './org-schema.ts';

/** One per-record error as collections report it (`statusCode`, not `errorCode`). */
export interface RecordError {
  readonly statusCode: string;
  readonly message: string;
  readonly fields: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Checks the fields of one record of a create/update the way Salesforce does, and returns the
 * values as stored (datetimes normalised to Salesforce's `.000+0000` form), or the first error.
 */
export function validateWrite(
  sobject: SObjectSchema,
  input: Readonly<Record<string, unknown>>,
  mode: 'create' | 'update',
): { ok: true; values: Record<string, SalesforceValue> } | { ok: false; error: RecordError } {
  const values: Record<string, SalesforceValue> = {};
  for (const [name, raw] of Object.entries(input)) {
    const spec = findField(sobject, name);
    if (!spec) {
      return fail('INVALID_FIELD', `No such column '${name}' on sobject of type ${sobject.name}`, [name]);
    }
    if (mode === 'update' ? !spec.updateable : !spec.createable) {
      return fail(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${spec.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        [spec.name],
      );
    }
    const checked = checkValue(spec, raw);
    if ('error' in checked) return { ok: false, error: checked.error };
    values[spec.name] = checked.value;
  }
  return { ok: true, values };
}

function checkValue(spec: FieldSpec, raw: unknown): { value: SalesforceValue } | { error: RecordError } {
  if (raw === null || raw === undefined || raw === '') {
    if (spec.type === 'boolean') return { value: false };
    if (!spec.nillable) return { error: error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${spec.name}]`, spec) };
    return { value: null };
  }
  const wrongType = () => ({ error: error('INVALID_TYPE_ON_FIELD_IN_RECORD', `${spec.label}: value not of required type: ${String(raw)}`, spec) });
  if (ID_TYPES.has(spec.type)) {
    const id = typeof raw === 'string' ? normalizeId(raw) : null;
    if (id === null) return { error: error('MALFORMED_ID', `${spec.label}: id value of incorrect type: ${String(raw)}`, spec) };
    return { value: id };
  }
  switch (spec.type) {
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : wrongType();
    case 'date':
      return typeof raw === 'string' && DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? { value: raw } : wrongType();
    case 'datetime': {
      if (typeof raw !== 'string' || !DATETIME.test(raw)) return wrongType();
      const ms = Date.parse(raw);
      return Number.isNaN(ms) ? wrongType() : { value: formatDatetime(ms) };
    }
    case 'string':
    case 'textarea':
    case 'picklist': {
      if (typeof raw !== 'string') return wrongType();
      if (spec.type === 'picklist' && spec.restrictedPicklist && !(spec.picklistValues ?? []).some((p) => p.value === raw)) {
        return { error: error('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${spec.label}: bad value for restricted picklist field: ${raw}`, spec) };
      }
      if (spec.length !== undefined && raw.length > spec.length) {
        return { error: error('STRING_TOO_LONG', `${spec.label}: data value too large: ${raw.slice(0, 40)}… (max length=${spec.length})`, spec) };
      }
      return { value: raw };
    }
    default: {
      if (!NUMBER_TYPES.has(spec.type) || typeof raw !== 'number' || !Number.isFinite(raw)) return wrongType();
      const integerDigits = (spec.precision ?? 18) - (spec.scale ?? 0);
      if (Math.abs(raw) >= 10 ** integerDigits) {
        return { error: error('NUMBER_OUTSIDE_VALID_RANGE', `${spec.label}: value outside of valid range on numeric field: ${raw}`, spec) };
      }
      const factor = 10 ** (spec.scale ?? 0);
      return { value: Math.round(raw * factor) / factor };
    }
  }
}

/** Salesforce's REST form of a datetime, to the second: `2026-06-30T14:00:00.000+0000`. */
export function formatDatetime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('Z', '+0000');
}

function error(statusCode: string, message: string, spec: FieldSpec): RecordError {
  return { statusCode, message, fields: [spec.name] };
}

function fail(statusCode: string, message: string, fields: string[]): { ok: false; error: RecordError } {
  return { ok: false, error: { statusCode, message, fields } };
}
