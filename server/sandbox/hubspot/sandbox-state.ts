import {
  ALL_PROPERTIES,
  PARTNER_LABEL,
  PROPERTY_GROUP,
  type HubspotObjectType,
  type PropertyDefinition,
} from '../../crm/hubspot/property-definitions.ts';
import { AssociationStore, type AssociationType } from './association-store.ts';
import { ChangeFeed, type ApiWrite, type ChangeSource } from './change-feed.ts';
import { FaultInjector, type ScriptedFault } from './faults.ts';
import { ObjectStore, type StoredRecord } from './object-store.ts';
import type { SandboxProperty } from './property-registry.ts';
import type { SandboxFaults, SandboxSeed } from './sandbox-options.ts';

export interface RequestLogEntry {
  readonly method: string;
  /** The route pattern, e.g. `POST /crm/v3/objects/:type/search`, or `unknown`. */
  readonly route: string;
  readonly path: string;
  /** Arrival time (performance.now()), for window checks. */
  readonly at: number;
  status: number;
}

/** What tests and the demo see of the sandbox: records, counters and fault switches. */
export class SandboxState {
  readonly portalId: number;
  readonly token: string;
  readonly store: ObjectStore;
  readonly associations = new AssociationStore();
  readonly faults: FaultInjector;
  readonly requests: RequestLogEntry[] = [];
  /** Every record input the API was asked to write, in order (batch inputs and single PATCHes). */
  readonly apiWrites: ApiWrite[] = [];
  /** Creations, property and association changes, as webhooks report them. */
  readonly changes = new ChangeFeed();
  searchResultCap: number;
  associationPageSize: number;
  private readonly writeFailures = new Map<string, number>();
  private correlation = 0;

  constructor(init: {
    portalId: number;
    token: string;
    clock: () => number;
    faults: SandboxFaults | undefined;
    searchResultCap: number;
    associationPageSize: number;
  }) {
    this.portalId = init.portalId;
    this.token = init.token;
    this.store = new ObjectStore(init.clock);
    this.faults = new FaultInjector(init.faults);
    this.searchResultCap = init.searchResultCap;
    this.associationPageSize = init.associationPageSize;
  }

  nextCorrelationId(): number {
    this.correlation += 1;
    return this.correlation;
  }

  // ---- records -------------------------------------------------------------------------------

  record(type: HubspotObjectType, id: string): StoredRecord | undefined {
    return this.store.records[type].get(id);
  }

  liveRecords(type: HubspotObjectType): StoredRecord[] {
    return [...this.store.records[type].values()].filter((r) => !r.archived);
  }

  /** Creates a record as a person or import would (no API validation, no request counted). */
  create(type: HubspotObjectType, properties: Readonly<Record<string, string | null | undefined>>, id?: string): StoredRecord {
    const record = this.store.insert(type, properties, id);
    this.changes.publish({ kind: 'creation', type, id: record.id, at: record.createdAt, source: 'CRM_UI' });
    return record;
  }

  /** Edits a record as a person in HubSpot would; moves hs_lastmodifieddate to `at` (default now). */
  edit(type: HubspotObjectType, id: string, properties: Readonly<Record<string, string>>, at = this.store.now()): StoredRecord {
    const record = this.store.live(type, id);
    if (!record) throw new Error(`sandbox: no live ${type} ${id}`);
    this.applyValues(type, record, properties, at, 'CRM_UI');
    return record;
  }

  /** Applies values the API validated, logging the write (tests count them). */
  writeFromApi(type: HubspotObjectType, record: StoredRecord, values: Readonly<Record<string, string>>, at: number): void {
    this.apiWrites.push({ type, id: record.id, properties: { ...values } });
    this.applyValues(type, record, values, at, 'INTEGRATION');
  }

  /** Creates a record through the API with already validated values. */
  createFromApi(type: HubspotObjectType, values: Readonly<Record<string, string>>): StoredRecord {
    const record = this.store.insert(type, {});
    this.store.apply(type, record, values, record.createdAt);
    this.changes.publish({ kind: 'creation', type, id: record.id, at: record.createdAt, source: 'INTEGRATION' });
    return record;
  }

  private applyValues(type: HubspotObjectType, record: StoredRecord, values: Readonly<Record<string, string>>, at: number, source: ChangeSource): void {
    for (const propertyName of this.store.apply(type, record, values, at)) {
      this.changes.publish({ kind: 'propertyChange', type, id: record.id, propertyName, value: record.properties[propertyName] ?? '', at, source });
    }
  }

  /** Sets hs_lastmodifieddate of many records to one instant, like HubSpot's own bulk jobs do. */
  stampModified(type: HubspotObjectType, ids: readonly string[], at: number): void {
    for (const id of ids) {
      const record = this.store.live(type, id);
      if (record) this.store.touch(record, at);
    }
  }

  /** Deletes a record the way a person does in HubSpot: archived, and reported by the deletion webhook. */
  archive(type: HubspotObjectType, id: string): void {
    const at = this.store.now();
    if (this.store.archive(type, id, at)) this.changes.publish({ kind: 'deletion', type, id, at, source: 'CRM_UI' });
  }

  // ---- associations --------------------------------------------------------------------------

  partnerLabel(): AssociationType | undefined {
    return this.associations.findUserLabel('deals', 'companies', PARTNER_LABEL.label);
  }

  /** Links a deal to a company, with the "Partner" label when `partner` is true. */
  link(dealId: string, companyId: string, options: { partner: boolean }): void {
    const typeIds: number[] = [];
    if (options.partner) {
      const label = this.partnerLabel();
      if (!label) throw new Error('sandbox: the "Partner" label does not exist (declare the partner-journey schema first)');
      typeIds.push(label.typeId);
    }
    this.associateDeal(dealId, companyId, typeIds, 'CRM_UI');
  }

  /** Adds deal→company association types and reports the change (people and the API alike). */
  associateDeal(dealId: string, companyId: string, typeIds: readonly number[], source: ChangeSource): void {
    this.associations.associate('deals', dealId, companyId, typeIds);
    this.changes.publish({ kind: 'associationChange', dealId, companyId, removed: false, at: this.store.now(), source });
  }

  /** Removes the "Partner" label (or, with `all`, the whole association) between a deal and a company. */
  unlink(dealId: string, companyId: string, options: { all?: boolean } = {}): void {
    this.associations.dissociate(dealId, companyId, options.all ? undefined : this.partnerLabel()?.typeId);
    this.changes.publish({ kind: 'associationChange', dealId, companyId, removed: true, at: this.store.now(), source: 'CRM_UI' });
  }

  // ---- schema --------------------------------------------------------------------------------

  /** Declares our group, properties and the "Partner" label, as a successful `setup` leaves them. */
  declarePartnerJourneySchema(): void {
    for (const type of ['companies', 'deals'] as const) {
      this.store.groups[type].set(PROPERTY_GROUP.name, { name: PROPERTY_GROUP.name, label: PROPERTY_GROUP.label.en, displayOrder: -1, archived: false });
    }
    for (const definition of ALL_PROPERTIES) this.declareProperty(definition);
    if (!this.partnerLabel()) this.associations.createLabel('deals', 'companies', PARTNER_LABEL.name, PARTNER_LABEL.label);
  }

  /** Declares one property (a test can declare a conflicting type on purpose). */
  declareProperty(definition: Pick<PropertyDefinition, 'objectType' | 'name' | 'type' | 'fieldType'> & Partial<PropertyDefinition>): SandboxProperty {
    const now = new Date(this.store.now()).toISOString();
    const property: SandboxProperty = {
      name: definition.name,
      label: definition.label?.en ?? definition.name,
      type: definition.type,
      fieldType: definition.fieldType,
      groupName: PROPERTY_GROUP.name,
      description: definition.description?.en ?? '',
      options: (definition.options ?? []).map((o, i) => ({ label: o.label.en, value: o.value, displayOrder: i, hidden: false })),
      displayOrder: -1,
      hasUniqueValue: false,
      hidden: false,
      formField: definition.formField ?? true,
      hubspotDefined: false,
      calculated: false,
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
    this.store.properties[definition.objectType].set(definition.name, property);
    return property;
  }

  seed(seed: SandboxSeed): void {
    for (const company of seed.companies ?? []) this.create('companies', company.properties, company.id);
    for (const deal of seed.deals ?? []) {
      const record = this.create('deals', deal.properties, deal.id);
      for (const companyId of deal.partnerCompanyIds ?? []) this.link(record.id, companyId, { partner: true });
      for (const companyId of deal.companyIds ?? []) this.link(record.id, companyId, { partner: false });
    }
  }

  // ---- faults --------------------------------------------------------------------------------

  /** Makes the next `times` API writes of this record fail inside a batch (a 207 error entry). */
  failWrites(type: HubspotObjectType, id: string, times = 1): void {
    this.writeFailures.set(`${type}/${id}`, times);
  }

  takeWriteFailure(type: HubspotObjectType, id: string): boolean {
    const key = `${type}/${id}`;
    const left = this.writeFailures.get(key) ?? 0;
    if (left <= 0) return false;
    if (left === 1) this.writeFailures.delete(key);
    else this.writeFailures.set(key, left - 1);
    return true;
  }

  enqueueFault(fault: ScriptedFault): void {
    this.faults.enqueue(fault);
  }

  setFaults(faults: SandboxFaults): void {
    this.faults.configure(faults);
  }

  // ---- counters ------------------------------------------------------------------------------

  /** Requests received, optionally only those of one route pattern (e.g. `POST /crm/v3/objects/:type/search`). */
  countRequests(route?: string): number {
    return route === undefined ? this.requests.length : this.requests.filter((r) => r.route === route).length;
  }

  /** The most requests that arrived within any window of `windowMs` (optionally of some routes). */
  maxRequestsInWindow(windowMs: number, include: (entry: RequestLogEntry) => boolean = () => true): number {
    const times = this.requests.filter(include).map((r) => r.at).sort((a, b) => a - b);
    let max = 0;
    let start = 0;
    for (let end = 0; end < times.length; end += 1) {
      while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  resetRequests(): void {
    this.requests.length = 0;
  }
}
