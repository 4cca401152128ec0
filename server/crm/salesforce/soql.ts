/**
 * The one way values enter SOQL. `soql` is a tagged template: the literal parts are our own
 * text, every interpolated value becomes a correctly escaped SOQL literal (or an already-built
 * fragment). Nothing else in this folder concatenates values into a query.
 */

declare const fragmentBrand: unique symbol;

/** SOQL text produced by this module, safe to embed in another `soql` template. */
export type SoqlFragment = { readonly [fragmentBrand]: true; readonly text: string };

/** A DATETIME literal (unquoted ISO, to the second, UTC). */
export type SoqlDateTime = { readonly kind: 'datetime'; readonly ms: number };
/** A DATE literal (unquoted YYYY-MM-DD). */
export type SoqlDate = { readonly kind: 'date'; readonly day: string };

export type SoqlValue = string | number | boolean | null | SoqlDateTime | SoqlDate | SoqlFragment | readonly (string | number)[];

const fragments = new WeakSet<object>();

function fragment(text: string): SoqlFragment {
  const made = { text } as SoqlFragment;
  fragments.add(made);
  return made;
}

function isFragment(value: unknown): value is SoqlFragment {
  return typeof value === 'object' && value !== null && fragments.has(value);
}

export function soql(strings: TemplateStringsArray, ...values: readonly SoqlValue[]): SoqlFragment {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += literal(value) + (strings[index + 1] ?? '');
  });
  return fragment(text);
}

/** Fragments joined with a separator (`, ` for field lists, ` AND ` for conditions). */
export function soqlJoin(parts: readonly SoqlFragment[], separator: ', ' | ' AND ' | ' OR '): SoqlFragment {
  return fragment(parts.map((p) => p.text).join(separator));
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** An object or field name; names are ours, but a bad one must fail here rather than reach Salesforce. */
export function soqlName(name: string): SoqlFragment {
  if (!IDENTIFIER.test(name)) throw new Error(`not a SOQL identifier: ${JSON.stringify(name)}`);
  return fragment(name);
}

export function soqlNames(names: readonly string[]): SoqlFragment {
  return soqlJoin(names.map(soqlName), ', ');
}

export function soqlDateTime(ms: number): SoqlDateTime {
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${ms}`);
  return { kind: 'datetime', ms };
}

export function soqlDate(day: string): SoqlDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw new Error(`not a calendar day: ${JSON.stringify(day)}`);
  return { kind: 'date', day };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A quoted string literal with every character SOQL treats specially escaped. */
export function quoteString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (ch) => ESCAPES[ch] as string)}'`;
}

function literal(value: SoqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    const text = String(value);
    if (/e/i.test(text)) throw new Error(`number out of SOQL's plain notation: ${text}`);
    return text;
  }
  if (isFragment(value)) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error('an IN list needs at least one value');
    return `(${value.map((v) => literal(v)).join(', ')})`;
  }
  const typed = value as SoqlDateTime | SoqlDate;
  if (typed.kind === 'datetime') return new Date(Math.floor(typed.ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  if (typed.kind === 'date') return typed.day;
  throw new Error('not a SOQL value');
}
