import { normalizeId, salesforceId } from './ids.ts';
import { OPPORTUNITY_STAGES } from './org-objects.ts';
import { findField, type SalesforceRecord, type SalesforceValue, type SObjectSchema } from './org-schema.ts';
import { formatDatetime, validateWrite, type RecordError } from './write-validation.ts';

export type WriteOutcome = { readonly id: string } | { readonly error: RecordError };

/** Every record and id counter of the org, as plain data (the sandbox's file). */
export interface OrgSnapshot {
  readonly records: Readonly<Record<string, readonly SalesforceRecord[]>>;
  readonly serials: Readonly<Record<string, number>>;
}

/** The `Object.Field` names a user may read but not edit (their profile's field-level security). */
export type ReadOnlyFields = (userId: string) => ReadonlySet<string>;

const NOTHING_READ_ONLY: ReadOnlyFields = () => new Set();

/**
 * The org's records. Every write moves `SystemModstamp` and `LastModifiedDate` to the clock's
 * second and records who wrote; deletes only flag `IsDeleted`, so /queryAll still finds them.
 */
export class OrgStore {
  readonly objects: ReadonlyMap<string, SObjectSchema>;
  private readonly clock: () => number;
  private readonly readOnly: ReadOnlyFields;
  private readonly records = new Map<string, Map<string, SalesforceRecord>>();
  private readonly serials = new Map<string, number>();
  /** Told after every change (the sandbox saves its file). */
  onChange: () => void = () => undefined;

  constructor(objects: ReadonlyMap<string, SObjectSchema>, clock: () => number, readOnly: ReadOnlyFields = NOTHING_READ_ONLY) {
    this.objects = objects;
    this.clock = clock;
    this.readOnly = readOnly;
    for (const name of objects.keys()) this.records.set(name, new Map());
  }

  schemaOf(name: string): SObjectSchema | undefined {
    const wanted = name.toLowerCase();
    for (const schema of this.objects.values()) if (schema.name.toLowerCase() === wanted) return schema;
    return undefined;
  }

  recordsOf(sobject: string): Iterable<SalesforceRecord> {
    return this.table(sobject).values();
  }

  get(sobject: string, id: string): SalesforceRecord | undefined {
    const key = normalizeId(id);
    return key === null ? undefined : this.table(sobject).get(key);
  }

  nextId(keyPrefix: string): string {
    const serial = (this.serials.get(keyPrefix) ?? 0) + 1;
    this.serials.set(keyPrefix, serial);
    return salesforceId(keyPrefix, serial);
  }

  /** Seeding and test set-up: system fields (CreatedDate, LastActivityDate…) may be given. */
  insertRaw(sobject: string, values: Readonly<Record<string, SalesforceValue>>, userId: string): string {
    const schema = this.required(sobject);
    const id = this.nextId(schema.keyPrefix);
    const now = formatDatetime(this.clock());
    const record: SalesforceRecord = {};
    for (const spec of schema.fields) record[spec.name] = spec.type === 'boolean' ? false : null;
    Object.assign(record, { CreatedDate: now }, values, { Id: id, IsDeleted: false, SystemModstamp: now, LastModifiedDate: now, LastModifiedById: userId });
    derive(schema, record);
    this.table(schema.name).set(id, record);
    this.onChange();
    return id;
  }

  /** What Salesforce checks before a create or update by this user: field-level security, then the values. */
  validate(schema: SObjectSchema, input: Readonly<Record<string, unknown>>, mode: 'create' | 'update', userId: string): ReturnType<typeof validateWrite> {
    const readOnly = this.readOnly(userId);
    for (const name of Object.keys(input)) {
      const spec = findField(schema, name);
      if (spec && readOnly.has(`${schema.name}.${spec.name}`)) {
        return { ok: false, error: { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `Unable to create/update fields: ${spec.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, fields: [spec.name] } };
      }
    }
    return validateWrite(schema, input, mode);
  }

  /** Whether this user's field-level security lets them edit the field. */
  editable(schema: SObjectSchema, field: string, userId: string): boolean {
    return !this.readOnly(userId).has(`${schema.name}.${field}`);
  }

  create(sobject: string, input: Readonly<Record<string, unknown>>, userId: string): WriteOutcome {
    const schema = this.required(sobject);
    const checked = this.validate(schema, input, 'create', userId);
    if (!checked.ok) return { error: checked.error };
    return { id: this.insertRaw(schema.name, checked.values, userId) };
  }

  update(sobject: string, id: string, input: Readonly<Record<string, unknown>>, userId: string): WriteOutcome {
    const schema = this.required(sobject);
    const record = this.get(schema.name, id);
    if (!record) return { error: { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id: ${id}`, fields: [] } };
    if (record.IsDeleted === true) return { error: { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] } };
    const checked = this.validate(schema, input, 'update', userId);
    if (!checked.ok) return { error: checked.error };
    Object.assign(record, checked.values);
    this.touch(schema, record, userId);
    return { id: String(record.Id) };
  }

  delete(sobject: string, id: string, userId: string): WriteOutcome {
    const schema = this.required(sobject);
    const record = this.get(schema.name, id);
    if (!record) return { error: { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id: ${id}`, fields: [] } };
    if (record.IsDeleted === true) return { error: { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] } };
    record.IsDeleted = true;
    this.touch(schema, record, userId);
    return { id: String(record.Id) };
  }

  /** The sobject an id belongs to, from its key prefix. */
  sobjectOfId(id: string): SObjectSchema | undefined {
    for (const schema of this.objects.values()) if (id.startsWith(schema.keyPrefix)) return schema;
    return undefined;
  }

  count(sobject: string): number {
    return this.table(sobject).size;
  }

  private touch(schema: SObjectSchema, record: SalesforceRecord, userId: string): void {
    const now = formatDatetime(this.clock());
    record.SystemModstamp = now;
    record.LastModifiedDate = now;
    record.LastModifiedById = userId;
    derive(schema, record);
    this.onChange();
  }

  snapshot(): OrgSnapshot {
    const records: Record<string, SalesforceRecord[]> = {};
    for (const [name, table] of this.records) records[name] = [...table.values()].map((r) => ({ ...r }));
    return { records, serials: Object.fromEntries(this.serials) };
  }

  /** Replaces every record with the snapshot's (objects the org does not have are left out). */
  restore(snapshot: OrgSnapshot): void {
    for (const [name, table] of this.records) {
      table.clear();
      for (const record of snapshot.records[name] ?? []) table.set(String(record.Id), { ...record });
    }
    this.serials.clear();
    for (const [prefix, serial] of Object.entries(snapshot.serials)) this.serials.set(prefix, serial);
  }

  private required(sobject: string): SObjectSchema {
    const schema = this.schemaOf(sobject);
    if (!schema) throw new Error(`unknown sObject ${sobject}`);
    return schema;
  }

  private table(sobject: string): Map<string, SalesforceRecord> {
    const schema = this.required(sobject);
    return this.records.get(schema.name) as Map<string, SalesforceRecord>;
  }
}

/** IsClosed and IsWon follow the opportunity stage, as the standard stage picklist defines them. */
function derive(schema: SObjectSchema, record: SalesforceRecord): void {
  if (schema.name !== 'Opportunity') return;
  const stage = OPPORTUNITY_STAGES.find(([name]) => name === record.StageName);
  record.IsClosed = stage ? stage[1] : false;
  record.IsWon = stage ? stage[2] : false;
}
