import type { FieldSpec, SObjectSchema } from './org-schema.ts';

/** `GET /sobjects/{type}/describe` in Salesforce's shape (the parts clients read), as the calling user sees it. */
export function describeAnswer(schema: SObjectSchema, version: string, editable: (field: string) => boolean = () => true): Record<string, unknown> {
  return {
    name: schema.name,
    label: schema.label,
    labelPlural: schema.labelPlural,
    keyPrefix: schema.keyPrefix,
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    urls: {
      sobject: `/services/data/v${version}/sobjects/${schema.name}`,
      describe: `/services/data/v${version}/sobjects/${schema.name}/describe`,
      rowTemplate: `/services/data/v${version}/sobjects/${schema.name}/{ID}`,
    },
    fields: schema.fields.map((spec) => describeField(editable(spec.name) ? spec : { ...spec, createable: false, updateable: false })),
  };
}

function describeField(spec: FieldSpec): Record<string, unknown> {
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    soapType: soapType(spec),
    custom: spec.custom,
    createable: spec.createable,
    updateable: spec.updateable,
    nillable: spec.nillable,
    filterable: true,
    sortable: spec.type !== 'textarea',
    length: spec.length ?? 0,
    precision: spec.precision ?? 0,
    scale: spec.scale ?? 0,
    restrictedPicklist: spec.restrictedPicklist ?? false,
    picklistValues: (spec.picklistValues ?? []).map((p) => ({ active: true, defaultValue: false, label: p.label, validFor: null, value: p.value })),
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.type === 'reference' && spec.name.endsWith('__c') ? spec.name.replace(/__c$/, '__r') : spec.type === 'reference' ? spec.name.replace(/Id$/, '') : null,
    externalId: false,
    unique: false,
  };
}

function soapType(spec: FieldSpec): string {
  switch (spec.type) {
    case 'id':
    case 'reference':
      return 'tns:ID';
    case 'boolean':
      return 'xsd:boolean';
    case 'int':
      return 'xsd:int';
    case 'double':
    case 'currency':
      return 'xsd:double';
    case 'date':
      return 'xsd:date';
    case 'datetime':
      return 'xsd:dateTime';
    default:
      return 'xsd:string';
  }
}

export function describeGlobalAnswer(objects: Iterable<SObjectSchema>, version: string): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: [...objects].map((o) => ({
      name: o.name,
      label: o.label,
      labelPlural: o.labelPlural,
      keyPrefix: o.keyPrefix,
      custom: false,
      queryable: true,
      urls: { sobject: `/services/data/v${version}/sobjects/${o.name}`, describe: `/services/data/v${version}/sobjects/${o.name}/describe` },
    })),
  };
}

export function limitsAnswer(used: number, max: number): Record<string, unknown> {
  return {
    DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
    DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
    DataStorageMB: { Max: 5, Remaining: 5 },
    SingleEmail: { Max: 15, Remaining: 15 },
  };
}
