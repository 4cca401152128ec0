import { SoqlError } from './soql-error.ts';

export type Token =
  | { readonly kind: 'word'; readonly text: string; readonly upper: string; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly at: number }
  | { readonly kind: 'date'; readonly value: string; readonly at: number }
  | { readonly kind: 'datetime'; readonly epochMs: number; readonly text: string; readonly at: number }
  | { readonly kind: 'op'; readonly text: '=' | '!=' | '<>' | '<' | '<=' | '>' | '>='; readonly at: number }
  | { readonly kind: 'punct'; readonly text: '(' | ')' | ','; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/** `\_` and `\%` stay escaped so LIKE can tell a literal underscore from a wildcard. */
const LIKE_ESCAPES = new Set(['_', '%']);

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < soql.length) {
    const ch = soql[at] as string;
    if (/\s/.test(ch)) {
      at += 1;
      continue;
    }
    const rest = soql.slice(at);
    if (ch === "'") {
      const { value, length } = readString(soql, at);
      tokens.push({ kind: 'string', value, at });
      at += length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', text: ch, at });
      at += 1;
      continue;
    }
    const op = /^(<=|>=|!=|<>|=|<|>)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[1] as '=', at });
      at += (op[1] as string).length;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      tokens.push({ kind: 'datetime', epochMs: datetimeMs(datetime, at), text: datetime[0], at });
      at += datetime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      checkCalendar(Number(date[1]), Number(date[2]), Number(date[3]), date[0], at);
      tokens.push({ kind: 'date', value: date[0], at });
      at += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0], at });
      at += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], upper: word[0].toUpperCase(), at });
      at += word[0].length;
      continue;
    }
    throw new SoqlError('MALFORMED_QUERY', `unexpected character '${ch}' at position ${at}`);
  }
  tokens.push({ kind: 'end', at });
  return tokens;
}

function readString(soql: string, start: number): { value: string; length: number } {
  let value = '';
  let at = start + 1;
  while (at < soql.length) {
    const ch = soql[at] as string;
    if (ch === "'") return { value, length: at - start + 1 };
    if (ch === '\\') {
      const next = soql[at + 1];
      if (next !== undefined && ESCAPES[next] !== undefined) value += ESCAPES[next];
      else if (next !== undefined && LIKE_ESCAPES.has(next)) value += `\\${next}`;
      else throw new SoqlError('MALFORMED_QUERY', `invalid escape sequence '\\${next ?? ''}' in a string at position ${at}`);
      at += 2;
      continue;
    }
    value += ch;
    at += 1;
  }
  throw new SoqlError('MALFORMED_QUERY', `unterminated string starting at position ${start}`);
}

function datetimeMs(match: RegExpExecArray, at: number): number {
  const [text, y, mo, d, h, mi, s, zone] = match as unknown as [string, string, string, string, string, string, string, string];
  checkCalendar(Number(y), Number(mo), Number(d), text, at);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new SoqlError('MALFORMED_QUERY', `invalid datetime literal ${text} at position ${at}`);
  }
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  return utc - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

function checkCalendar(year: number, month: number, day: number, text: string, at: number): void {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day) {
    throw new SoqlError('MALFORMED_QUERY', `invalid date literal ${text} at position ${at}`);
  }
}
