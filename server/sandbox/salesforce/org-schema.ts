/** What the sandbox knows about an object's fields; describe answers and the SOQL evaluator read it. */

export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'date'
  | 'datetime';

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly custom: boolean;
  readonly updateable: boolean;
  readonly createable: boolean;
  readonly nillable: boolean;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly picklistValues?: readonly { readonly value: string; readonly label: string }[];
  readonly restrictedPicklist?: boolean;
  readonly referenceTo?: readonly string[];
}

export interface SObjectSchema {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly keyPrefix: string;
  readonly fields: readonly FieldSpec[];
}

export type SalesforceValue = string | number | boolean | null;
export type SalesforceRecord = Record<string, SalesforceValue>;

export function findField(schema: SObjectSchema, name: string): FieldSpec | undefined {
  const wanted = name.toLowerCase();
  return schema.fields.find((f) => f.name.toLowerCase() === wanted);
}

export const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['string', 'textarea', 'picklist']);
export const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(['int', 'double', 'currency']);
export const ID_TYPES: ReadonlySet<FieldType> = new Set(['id', 'reference']);
