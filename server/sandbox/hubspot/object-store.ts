import type { HubspotObjectType } from '../../crm/hubspot/property-definitions.ts';
import type { ErrorDetail } from './http-kit.ts';
import {
  DEAL_STAGES,
  normaliseValue,
  standardGroups,
  standardProperties,
  type SandboxGroup,
  type SandboxProperty,
} from './property-registry.ts';

export const OBJECT_TYPES = ['companies', 'deals'] as const satisfies readonly HubspotObjectType[];

export interface StoredRecord {
  readonly id: string;
  /** Values as HubSpot stores them; a cleared property holds "". */
  readonly properties: Record<string, string>;
  readonly createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | null;
}

const FIRST_ID: Record<HubspotObjectType, number> = { companies: 1_000_001, deals: 9_000_001 };

export interface ObjectSnapshot {
  records: Record<HubspotObjectType, StoredRecord[]>;
  properties: Record<HubspotObjectType, SandboxProperty[]>;
  groups: Record<HubspotObjectType, SandboxGroup[]>;
}

/** Records, properties and property groups of the two object types the adapter uses. */
export class ObjectStore {
  readonly records: Record<HubspotObjectType, Map<string, StoredRecord>> = { companies: new Map(), deals: new Map() };
  readonly properties: Record<HubspotObjectType, Map<string, SandboxProperty>> = { companies: new Map(), deals: new Map() };
  readonly groups: Record<HubspotObjectType, Map<string, SandboxGroup>> = { companies: new Map(), deals: new Map() };
  private readonly nextId: Record<HubspotObjectType, number> = { ...FIRST_ID };
  private readonly clock: () => number;

  constructor(clock: () => number) {
    this.clock = clock;
    for (const type of OBJECT_TYPES) {
      for (const p of standardProperties(type)) this.properties[type].set(p.name, p);
      for (const g of standardGroups(type)) this.groups[type].set(g.name, g);
    }
  }

  now(): number {
    return this.clock();
  }

  /** Records, and the properties and groups people or setup added, as plain data. */
  snapshot(): ObjectSnapshot {
    const out: ObjectSnapshot = { records: { companies: [], deals: [] }, properties: { companies: [], deals: [] }, groups: { companies: [], deals: [] } };
    for (const type of OBJECT_TYPES) {
      out.records[type] = [...this.records[type].values()].map((r) => ({ ...r, properties: { ...r.properties } }));
      out.properties[type] = [...this.properties[type].values()].filter((p) => !p.hubspotDefined);
      const standard = new Set(standardGroups(type).map((g) => g.name));
      out.groups[type] = [...this.groups[type].values()].filter((g) => !standard.has(g.name));
    }
    return out;
  }

  restore(snapshot: ObjectSnapshot): void {
    for (const type of OBJECT_TYPES) {
      for (const group of snapshot.groups[type]) this.groups[type].set(group.name, { ...group });
      for (const property of snapshot.properties[type]) this.properties[type].set(property.name, { ...property });
      for (const record of snapshot.records[type]) {
        this.records[type].set(record.id, { ...record, properties: { ...record.properties } });
        this.nextId[type] = Math.max(this.nextId[type], Number(record.id) + 1);
      }
    }
  }

  /** Creates a record without API validation (seeding, tests); dates may be ISO or epoch ms. */
  insert(type: HubspotObjectType, values: Readonly<Record<string, string | null | undefined>>, id?: string): StoredRecord {
    const recordId = id ?? String(this.nextId[type]);
    if (this.records[type].has(recordId)) throw new Error(`sandbox: ${type} ${recordId} already exists`);
    this.nextId[type] = Math.max(this.nextId[type], Number(recordId) + 1);
    const properties: Record<string, string> = {};
    for (const [name, raw] of Object.entries(values)) {
      if (raw === null || raw === undefined) continue;
      const property = this.properties[type].get(name);
      if (!property) throw new Error(`sandbox: ${type} has no property "${name}" (declare the partner-journey schema?)`);
      const normalised = normaliseValue(property, raw);
      if ('error' in normalised) throw new Error(`sandbox: ${type}.${name}: ${normalised.error}`);
      properties[name] = normalised.value;
    }
    const createdAt = properties['createdate'] ? Date.parse(properties['createdate']) : this.now();
    const modifiedAt = properties['hs_lastmodifieddate'] ? Date.parse(properties['hs_lastmodifieddate']) : createdAt;
    properties['createdate'] = new Date(createdAt).toISOString();
    properties['hs_lastmodifieddate'] = new Date(modifiedAt).toISOString();
    properties['hs_object_id'] = recordId;
    if (type === 'deals') deriveDealFlags(properties);
    const record: StoredRecord = { id: recordId, properties, createdAt, updatedAt: modifiedAt, archived: false, archivedAt: null };
    this.records[type].set(recordId, record);
    return record;
  }

  /** Checks values written through the API; returns HubSpot-style error details (empty when valid). */
  validate(type: HubspotObjectType, values: Readonly<Record<string, unknown>>): { normalised: Record<string, string>; errors: ErrorDetail[] } {
    const normalised: Record<string, string> = {};
    const errors: ErrorDetail[] = [];
    for (const [name, raw] of Object.entries(values)) {
      const property = this.properties[type].get(name);
      if (!property || property.archived) {
        errors.push({ message: `Property "${name}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [name] } });
        continue;
      }
      if (property.calculated) {
        errors.push({ message: `"${name}" is a read only property; its value cannot be set.`, code: 'READ_ONLY_VALUE', context: { propertyName: [name] } });
        continue;
      }
      const text = raw === null ? '' : typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
      if (text === undefined) {
        errors.push({ message: `Property "${name}" must be a string`, code: 'INVALID_TYPE', context: { propertyName: [name] } });
        continue;
      }
      const result = normaliseValue(property, text);
      if ('error' in result) {
        errors.push({ message: result.error, code: property.type === 'enumeration' ? 'INVALID_OPTION' : 'INVALID_VALUE', context: { propertyName: [name] } });
      } else {
        normalised[name] = result.value;
      }
    }
    return { normalised, errors };
  }

  /**
   * Applies already validated values; every write moves hs_lastmodifieddate to `at`. Returns the
   * properties whose value changed (what HubSpot fires propertyChange events for).
   */
  apply(type: HubspotObjectType, record: StoredRecord, values: Readonly<Record<string, string>>, at: number): string[] {
    const before = { ...record.properties };
    Object.assign(record.properties, values);
    if (type === 'deals') deriveDealFlags(record.properties);
    this.touch(record, at);
    return Object.keys(record.properties).filter((name) => name !== 'hs_lastmodifieddate' && (before[name] ?? '') !== (record.properties[name] ?? ''));
  }

  touch(record: StoredRecord, at: number): void {
    record.updatedAt = at;
    record.properties['hs_lastmodifieddate'] = new Date(at).toISOString();
  }

  live(type: HubspotObjectType, id: string): StoredRecord | undefined {
    const record = this.records[type].get(id);
    return record && !record.archived ? record : undefined;
  }

  archive(type: HubspotObjectType, id: string, at: number): boolean {
    const record = this.live(type, id);
    if (!record) return false;
    record.archived = true;
    record.archivedAt = at;
    return true;
  }
}

/** HubSpot computes the closed flags from the deal stage. */
function deriveDealFlags(properties: Record<string, string>): void {
  const stage = properties['dealstage'];
  const meaning = stage === undefined ? undefined : DEAL_STAGES[stage];
  if (meaning) {
    properties['hs_is_closed'] = String(meaning.closed);
    properties['hs_is_closed_won'] = String(meaning.won);
  } else {
    properties['hs_is_closed'] ??= 'false';
    properties['hs_is_closed_won'] ??= 'false';
  }
}
