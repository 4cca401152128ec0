import { describe, expect, it } from 'vitest';
import { soql, soqlDate, soqlDateTime, soqlName, soqlNames } from '../../server/crm/salesforce/soql.ts';
import { parseSoql } from '../../server/sandbox/salesforce/soql/parser.ts';

/** Reads back the literal the builder produced, with the sandbox's own parser. */
function literalOf(text: string) {
  const where = parseSoql(text).where;
  if (where?.kind !== 'compare') throw new Error('expected one comparison');
  return where.value;
}

describe('soql.ts: every value enters SOQL escaped', () => {
  const tricky = [
    "O'Brien",
    "' OR Name != '",
    'back\\slash',
    'quote " double',
    'line\nbreak\rand\ttab',
    '\\\'',
    '100%_done',
    'ünïcødé — ✓',
    '',
  ];
  it.each(tricky)('round-trips the string %j through a SOQL parser unchanged', (value) => {
    const query = soql`SELECT Id FROM Account WHERE Name = ${value}`;
    expect(literalOf(query.text)).toEqual({ kind: 'string', value });
  });

  it('cannot be broken out of: an injection attempt stays one string literal', () => {
    const query = soql`SELECT Id FROM Account WHERE Name = ${"x' OR Name != 'y"}`;
    expect(parseSoql(query.text).where).toEqual({ kind: 'compare', field: 'Name', op: '=', value: { kind: 'string', value: "x' OR Name != 'y" } });
  });

  it('writes numbers, booleans, null, dates and datetimes as SOQL literals', () => {
    expect(soql`${42} ${-3.5} ${true} ${false} ${null}`.text).toBe('42 -3.5 TRUE FALSE NULL');
    expect(soql`${soqlDate('2026-06-30')}`.text).toBe('2026-06-30');
    expect(soql`${soqlDateTime(Date.UTC(2026, 5, 30, 14, 5, 9, 750))}`.text).toBe('2026-06-30T14:05:09Z');
  });

  it('writes IN lists and refuses an empty one', () => {
    expect(soql`Id IN ${['001A', "0'2"]}`.text).toBe("Id IN ('001A', '0\\'2')");
    expect(() => soql`Id IN ${[]}`).toThrow(/at least one value/);
  });

  it('embeds fragments it built, and treats a look-alike object as a value', () => {
    const inner = soql`Name = ${'a'}`;
    expect(soql`WHERE ${inner}`.text).toBe("WHERE Name = 'a'");
    expect(() => soql`WHERE ${{ text: '1=1' } as never}`).toThrow(/not a SOQL value/);
  });

  it('accepts only identifiers as names', () => {
    expect(soqlNames(['Id', 'PJ_Stage__c']).text).toBe('Id, PJ_Stage__c');
    expect(() => soqlName('Name, (SELECT Id FROM Contacts)')).toThrow(/not a SOQL identifier/);
    expect(() => soqlName('')).toThrow(/not a SOQL identifier/);
  });

  it('refuses values SOQL cannot express plainly', () => {
    expect(() => soql`${Number.NaN}`).toThrow(/finite/);
    expect(() => soql`${1e21}`).toThrow(/plain notation/);
    expect(() => soqlDate('2026-13-01')).toThrow(/calendar day/);
  });
});
