import type { ComparisonOperator, Condition, Literal, OrderItem, SelectQuery } from './ast.ts';
import { SoqlError } from './soql-error.ts';
import { tokenize, type Token } from './tokenizer.ts';

const RESERVED = new Set([
  'AND', 'ASC', 'BY', 'DESC', 'EXCLUDES', 'FALSE', 'FROM', 'GROUP', 'HAVING', 'IN', 'INCLUDES', 'LIKE',
  'LIMIT', 'NOT', 'NULL', 'NULLS', 'OFFSET', 'OR', 'ORDER', 'SELECT', 'TRUE', 'WHERE', 'WITH',
]);

/** Parses the SOQL subset the sandbox serves: one object, plain fields, WHERE, ORDER BY, LIMIT, OFFSET. */
export function parseSoql(soql: string): SelectQuery {
  return new Parser(tokenize(soql)).query();
}

class Parser {
  private readonly tokens: readonly Token[];
  private position = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  query(): SelectQuery {
    this.keyword('SELECT');
    const fields = this.fieldList();
    this.keyword('FROM');
    const from = this.identifier('an object name');
    const where = this.acceptKeyword('WHERE') ? this.condition() : null;
    const orderBy = this.acceptKeyword('ORDER') ? (this.keyword('BY'), this.orderList()) : [];
    const limit = this.acceptKeyword('LIMIT') ? this.count('LIMIT') : null;
    const offset = this.acceptKeyword('OFFSET') ? this.count('OFFSET') : null;
    const last = this.peek();
    if (last.kind !== 'end') throw this.unexpected(last);
    return { fields, from, where, orderBy, limit, offset };
  }

  private fieldList(): string[] {
    const fields = [this.identifier('a field name')];
    while (this.acceptPunct(',')) fields.push(this.identifier('a field name'));
    return fields;
  }

  private orderList(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      const field = this.identifier('a field name');
      const descending = this.acceptKeyword('DESC') ? true : (this.acceptKeyword('ASC'), false);
      let nullsLast = descending;
      if (this.acceptKeyword('NULLS')) {
        const which = this.identifier('FIRST or LAST').toUpperCase();
        if (which !== 'FIRST' && which !== 'LAST') throw new SoqlError('MALFORMED_QUERY', `expected FIRST or LAST after NULLS, got '${which}'`);
        nullsLast = which === 'LAST';
      }
      items.push({ field, descending, nullsLast });
    } while (this.acceptPunct(','));
    return items;
  }

  /** AND and OR may not be mixed at one level without parentheses, as in Salesforce. */
  private condition(): Condition {
    const first = this.unary();
    const joiner = this.peekKeyword('AND') ? 'AND' : this.peekKeyword('OR') ? 'OR' : null;
    if (joiner === null) return first;
    const items = [first];
    while (this.acceptKeyword(joiner)) items.push(this.unary());
    const other = joiner === 'AND' ? 'OR' : 'AND';
    if (this.peekKeyword(other)) {
      throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${other}' (use parentheses to combine AND with OR)`);
    }
    return { kind: joiner === 'AND' ? 'and' : 'or', items };
  }

  private unary(): Condition {
    if (this.acceptKeyword('NOT')) return { kind: 'not', item: this.unary() };
    if (this.acceptPunct('(')) {
      const inner = this.condition();
      this.punct(')');
      return inner;
    }
    return this.predicate();
  }

  private predicate(): Condition {
    const field = this.identifier('a field name');
    const token = this.peek();
    if (token.kind === 'op') {
      this.position += 1;
      const op: ComparisonOperator = token.text === '<>' ? '!=' : token.text;
      return { kind: 'compare', field, op, value: this.literal() };
    }
    const negated = this.acceptKeyword('NOT');
    if (this.acceptKeyword('IN')) {
      this.punct('(');
      const values = [this.literal()];
      while (this.acceptPunct(',')) values.push(this.literal());
      this.punct(')');
      return { kind: 'in', field, negated, values };
    }
    if (negated) throw this.unexpected(this.peek());
    if (this.acceptKeyword('LIKE')) {
      const pattern = this.next();
      if (pattern.kind !== 'string') throw new SoqlError('MALFORMED_QUERY', `LIKE needs a quoted pattern at position ${pattern.at}`);
      return { kind: 'like', field, pattern: pattern.value };
    }
    throw this.unexpected(token);
  }

  private literal(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value };
      case 'number':
        return { kind: 'number', value: token.value };
      case 'date':
        return { kind: 'date', value: token.value };
      case 'datetime':
        return { kind: 'datetime', epochMs: token.epochMs, text: token.text };
      case 'word':
        if (token.upper === 'NULL') return { kind: 'null' };
        if (token.upper === 'TRUE' || token.upper === 'FALSE') return { kind: 'boolean', value: token.upper === 'TRUE' };
        throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${token.text}' where a value was expected (quote strings)`);
      default:
        throw this.unexpected(token);
    }
  }

  private count(clause: string): number {
    const token = this.next();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) {
      throw new SoqlError('MALFORMED_QUERY', `${clause} needs a whole number at position ${token.at}`);
    }
    return token.value;
  }

  private identifier(what: string): string {
    const token = this.next();
    if (token.kind !== 'word' || RESERVED.has(token.upper)) {
      throw new SoqlError('MALFORMED_QUERY', `expected ${what} at position ${token.at}, found ${describe(token)}`);
    }
    return token.text;
  }

  private keyword(word: string): void {
    if (!this.acceptKeyword(word)) throw new SoqlError('MALFORMED_QUERY', `expected ${word} at position ${this.peek().at}, found ${describe(this.peek())}`);
  }

  private punct(text: '(' | ')' | ','): void {
    if (!this.acceptPunct(text)) throw new SoqlError('MALFORMED_QUERY', `expected '${text}' at position ${this.peek().at}, found ${describe(this.peek())}`);
  }

  private acceptKeyword(word: string): boolean {
    if (!this.peekKeyword(word)) return false;
    this.position += 1;
    return true;
  }

  private peekKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.upper === word;
  }

  private acceptPunct(text: '(' | ')' | ','): boolean {
    const token = this.peek();
    if (token.kind !== 'punct' || token.text !== text) return false;
    this.position += 1;
    return true;
  }

  private peek(): Token {
    return this.tokens[this.position] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position += 1;
    return token;
  }

  private unexpected(token: Token): SoqlError {
    return new SoqlError('MALFORMED_QUERY', `unexpected token: ${describe(token)} at position ${token.at}`);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of query';
    case 'string':
      return `'${token.value}'`;
    case 'number':
    case 'word':
    case 'op':
    case 'punct':
    case 'datetime':
      return `'${token.text}'`;
    case 'date':
      return `'${token.value}'`;
  }
}
