import { describe, expect, it } from 'vitest';
import { buildOrgObjects } from '../../server/sandbox/salesforce/org-objects.ts';
import type { SalesforceRecord } from '../../server/sandbox/salesforce/org-schema.ts';
import { parseSoql } from '../../server/sandbox/salesforce/soql/parser.ts';
import { runSoql, type QuerySource } from '../../server/sandbox/salesforce/soql/run-query.ts';
import { SoqlError } from '../../server/sandbox/salesforce/soql/soql-error.ts';

const objects = buildOrgObjects({ partnerAccountField: true });

function account(id: string, fields: Partial<SalesforceRecord>): SalesforceRecord {
  return {
    Id: `0015g00000000${id}AAA`,
    IsDeleted: false,
    Name: `Account ${id}`,
    PJ_Partner_Type__c: null,
    PJ_Certifications__c: null,
    PJ_Joint_Business_Plan__c: false,
    PJ_Partner_Since__c: null,
    SystemModstamp: '2026-01-01T00:00:00.000+0000',
    ...fields,
  };
}

const accounts: SalesforceRecord[] = [
  account('01', { Name: 'Acme', PJ_Partner_Type__c: 'channel', PJ_Certifications__c: 2, PJ_Partner_Since__c: '2025-01-15', SystemModstamp: '2026-01-02T10:00:00.000+0000' }),
  account('02', { Name: 'Globex', PJ_Partner_Type__c: 'technology', PJ_Certifications__c: 0, PJ_Joint_Business_Plan__c: true, SystemModstamp: '2026-01-02T10:00:00.000+0000' }),
  account('03', { Name: "O'Brien & Sons", PJ_Partner_Type__c: 'strategic', PJ_Certifications__c: 5, PJ_Partner_Since__c: '2024-06-30', SystemModstamp: '2026-01-03T00:00:00.000+0000' }),
  account('04', { Name: 'Initech', SystemModstamp: '2026-01-01T23:59:59.000+0000' }),
  account('05', { Name: 'Gone Inc', PJ_Partner_Type__c: 'channel', IsDeleted: true, SystemModstamp: '2026-01-04T00:00:00.000+0000' }),
  account('06', { Name: '100%_Partner', PJ_Partner_Type__c: 'channel', PJ_Certifications__c: 1 }),
];

const source: QuerySource = {
  schemaOf: (name) => [...objects.values()].find((o) => o.name.toLowerCase() === name.toLowerCase()),
  recordsOf: (name) => (name === 'Account' ? accounts : []),
};

const names = (soql: string, includeDeleted = false) => runSoql(soql, source, includeDeleted).rows.map((r) => r.values.Name);

describe('SOQL evaluation against records', () => {
  const cases: readonly [string, string, readonly unknown[]][] = [
    ['selects every live record in Id order', 'SELECT Name FROM Account ORDER BY Id', ['Acme', 'Globex', "O'Brien & Sons", 'Initech', '100%_Partner']],
    ['filters on null with = and !=', 'SELECT Name FROM Account WHERE PJ_Partner_Type__c = null ORDER BY Id', ['Initech']],
    ['keywords and field names are case-insensitive', 'select name from account where pj_partner_type__c != NULL order by ID', ['Acme', 'Globex', "O'Brien & Sons", '100%_Partner']],
    ['compares text case-insensitively', "SELECT Name FROM Account WHERE Name = 'ACME'", ['Acme']],
    ['reads escaped quotes in strings', "SELECT Name FROM Account WHERE Name = 'O\\'Brien & Sons'", ["O'Brien & Sons"]],
    ['compares numbers', 'SELECT Name FROM Account WHERE PJ_Certifications__c >= 2 ORDER BY PJ_Certifications__c DESC', ["O'Brien & Sons", 'Acme']],
    ['skips nulls in ordering comparisons', 'SELECT Name FROM Account WHERE PJ_Certifications__c < 100 ORDER BY Id', ['Acme', 'Globex', "O'Brien & Sons", '100%_Partner']],
    ['compares booleans', 'SELECT Name FROM Account WHERE PJ_Joint_Business_Plan__c = TRUE', ['Globex']],
    ['compares date literals with date fields', 'SELECT Name FROM Account WHERE PJ_Partner_Since__c < 2025-01-01', ["O'Brien & Sons"]],
    ['compares datetimes as instants, offsets included', 'SELECT Name FROM Account WHERE SystemModstamp > 2026-01-02T11:00:00+02:00 ORDER BY Id', ['Acme', 'Globex', "O'Brien & Sons"]],
    ['sorts on several fields with a tie-breaker', 'SELECT Name FROM Account ORDER BY SystemModstamp DESC, Id DESC', ["O'Brien & Sons", 'Globex', 'Acme', 'Initech', '100%_Partner']],
    ['puts nulls first ascending and last descending by default', 'SELECT Name FROM Account ORDER BY PJ_Partner_Since__c, Id', ['Globex', 'Initech', '100%_Partner', "O'Brien & Sons", 'Acme']],
    ['honours NULLS LAST', 'SELECT Name FROM Account ORDER BY PJ_Partner_Since__c ASC NULLS LAST, Id LIMIT 3', ["O'Brien & Sons", 'Acme', 'Globex']],
    ['applies LIMIT and OFFSET after sorting', 'SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1', ['Acme', 'Globex']],
    ['evaluates IN and NOT IN', "SELECT Name FROM Account WHERE PJ_Partner_Type__c IN ('channel', 'strategic') AND Name NOT IN ('Acme') ORDER BY Id", ["O'Brien & Sons", '100%_Partner']],
    ['evaluates NOT and parentheses', "SELECT Name FROM Account WHERE NOT (PJ_Partner_Type__c = 'channel' OR PJ_Partner_Type__c = null) ORDER BY Id", ['Globex', "O'Brien & Sons"]],
    ['nests AND inside OR (the keyset condition)', "SELECT Name FROM Account WHERE (SystemModstamp > 2026-01-02T10:00:00Z OR (SystemModstamp = 2026-01-02T10:00:00Z AND Id > '0015g0000000001AAA')) ORDER BY SystemModstamp, Id", ['Globex', "O'Brien & Sons"]],
    ['matches 15-character ids against 18-character ones', "SELECT Name FROM Account WHERE Id = '0015g0000000002'", ['Globex']],
    ['treats LIKE wildcards and escapes', "SELECT Name FROM Account WHERE Name LIKE '100\\%\\_%'", ['100%_Partner']],
    ['LIKE is case-insensitive', "SELECT Name FROM Account WHERE Name LIKE 'g%' ORDER BY Id", ['Globex']],
  ];
  it.each(cases)('%s', (_, soql, expected) => {
    expect(names(soql)).toEqual(expected);
  });

  it('returns deleted records only through queryAll, with IsDeleted', () => {
    const soql = 'SELECT Name, IsDeleted FROM Account WHERE IsDeleted = true';
    expect(names(soql)).toEqual([]);
    expect(runSoql(soql, source, true).rows.map((r) => r.values)).toEqual([{ Name: 'Gone Inc', IsDeleted: true }]);
  });

  it('answers with describe names whatever case the query used', () => {
    expect(runSoql("SELECT name, pj_partner_type__c FROM account WHERE name = 'Acme'", source, false).rows[0]?.values).toEqual({ Name: 'Acme', PJ_Partner_Type__c: 'channel' });
  });
});

describe('SOQL errors Salesforce would answer', () => {
  const cases: readonly [string, string, SoqlError['errorCode'], RegExp][] = [
    ['mixing AND and OR without parentheses', "SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'", 'MALFORMED_QUERY', /unexpected token: 'OR'/],
    ['an unknown field', 'SELECT Id, Revenue__c FROM Account', 'INVALID_FIELD', /No such column 'Revenue__c' on entity 'Account'/],
    ['an unknown object', 'SELECT Id FROM Partner__c', 'INVALID_TYPE', /sObject type 'Partner__c' is not supported/],
    ['a quoted datetime', "SELECT Id FROM Account WHERE SystemModstamp > '2026-01-01T00:00:00Z'", 'INVALID_FIELD', /must be of type dateTime and should not be enclosed in quotes/],
    ['a date literal for a datetime field', 'SELECT Id FROM Account WHERE SystemModstamp > 2026-01-01', 'INVALID_FIELD', /must be of type dateTime/],
    ['a malformed id', "SELECT Id FROM Account WHERE Id = 'abc'", 'INVALID_QUERY_FILTER_OPERATOR', /invalid ID field: abc/],
    ['an ordering operator on a boolean', 'SELECT Id FROM Account WHERE PJ_Joint_Business_Plan__c > false', 'INVALID_QUERY_FILTER_OPERATOR', /boolean/],
    ['an unquoted string', 'SELECT Id FROM Account WHERE Name = Acme', 'MALFORMED_QUERY', /where a value was expected/],
    ['an unterminated string', "SELECT Id FROM Account WHERE Name = 'Acme", 'MALFORMED_QUERY', /unterminated string/],
    ['an unknown escape', "SELECT Id FROM Account WHERE Name = 'a\\qb'", 'MALFORMED_QUERY', /invalid escape sequence/],
    ['an impossible date', 'SELECT Id FROM Account WHERE PJ_Partner_Since__c = 2025-02-30', 'MALFORMED_QUERY', /invalid date literal/],
    ['a relationship path', 'SELECT Account.Name FROM Opportunity', 'MALFORMED_QUERY', /unexpected character '\.'/],
    ['a missing FROM', 'SELECT Id, Name', 'MALFORMED_QUERY', /expected FROM/],
    ['trailing tokens', 'SELECT Id FROM Account LIMIT 5 5', 'MALFORMED_QUERY', /unexpected token: '5'/],
    ['a negative LIMIT', 'SELECT Id FROM Account LIMIT -1', 'MALFORMED_QUERY', /LIMIT needs a whole number/],
    ['a reserved word as a field', 'SELECT Id, Limit FROM Account', 'MALFORMED_QUERY', /expected a field name/],
  ];
  it.each(cases)('rejects %s', (_, soql, code, message) => {
    let caught: unknown;
    try {
      runSoql(soql, source, false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SoqlError);
    expect((caught as SoqlError).errorCode).toBe(code);
    expect((caught as SoqlError).message).toMatch(message);
  });
});

describe('SOQL parser', () => {
  it('builds the tree of a keyset query', () => {
    const query = parseSoql("SELECT Id FROM Opportunity WHERE (SystemModstamp > 2026-01-01T00:00:00Z OR (SystemModstamp = 2026-01-01T00:00:00Z AND Id > '0065g0000000001AAA')) ORDER BY SystemModstamp ASC, Id ASC LIMIT 10");
    expect(query.where).toEqual({
      kind: 'or',
      items: [
        { kind: 'compare', field: 'SystemModstamp', op: '>', value: { kind: 'datetime', epochMs: Date.UTC(2026, 0, 1), text: '2026-01-01T00:00:00Z' } },
        {
          kind: 'and',
          items: [
            { kind: 'compare', field: 'SystemModstamp', op: '=', value: { kind: 'datetime', epochMs: Date.UTC(2026, 0, 1), text: '2026-01-01T00:00:00Z' } },
            { kind: 'compare', field: 'Id', op: '>', value: { kind: 'string', value: '0065g0000000001AAA' } },
          ],
        },
      ],
    });
    expect(query.orderBy).toEqual([
      { field: 'SystemModstamp', descending: false, nullsLast: false },
      { field: 'Id', descending: false, nullsLast: false },
    ]);
    expect(query.limit).toBe(10);
  });

  it('reads <> as != and chains of one joiner flat', () => {
    const query = parseSoql("SELECT Id FROM Account WHERE Name <> 'a' AND Name <> 'b' AND Name <> 'c'");
    expect(query.where?.kind).toBe('and');
    expect(query.where?.kind === 'and' && query.where.items.map((i) => i.kind === 'compare' && i.op)).toEqual(['!=', '!=', '!=']);
  });
});
