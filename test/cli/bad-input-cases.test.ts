import { join } from 'node:path';
import { describe, it } from 'vitest';
import { runCli as cli } from '../support/run-cli.ts';

/** Bad inputs through the real CLI: each exits non-zero naming the field and the problem, never with a stack trace. */
const CASES = join(import.meta.dirname, 'cases');

interface BadCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly stdin?: string;
  readonly code: number;
  readonly problem: RegExp;
}

const bad = (file: string) => join(CASES, 'bad', `${file}.json`);
const good = join(CASES, 'activate-first-win.json');

const badCases: readonly BadCase[] = [
  { name: 'a JSON array', args: [bad('document-array')], code: 1, problem: /\(document\): must be an object, not an array/ },
  { name: 'JSON null', args: [bad('document-null')], code: 1, problem: /\(document\): must be an object, not null/ },
  { name: 'a JSON number', args: [bad('document-number')], code: 1, problem: /\(document\): must be an object, not a number/ },
  { name: 'an empty file', args: [bad('empty')], code: 1, problem: /input .*empty\.json is not valid JSON/ },
  { name: 'truncated JSON', args: [bad('truncated')], code: 1, problem: /input .*truncated\.json is not valid JSON/ },
  { name: 'empty standard input', args: ['-'], stdin: '', code: 1, problem: /input \(stdin\) is not valid JSON/ },
  { name: 'no partner', args: [bad('partner-missing')], code: 1, problem: /partner: is required/ },
  {
    name: 'no joinedAt, a deal without status and a date that is a number',
    args: [bad('required-missing')],
    code: 1,
    problem: /partner\.joinedAt: is required\n\s+deals\[0\]\.status: is required\n\s+deals\[1\]\.closedAt: must be an ISO-8601 date or date-time string/,
  },
  { name: 'deals that are not an array', args: [bad('deals-object')], code: 1, problem: /deals: must be an array of deals/ },
  { name: 'an amount written as a string', args: [bad('amount-string')], code: 1, problem: /deals\[0\]\.amount: must be a number/ },
  {
    name: 'partner numbers and flags written as strings',
    args: [bad('partner-fields-strings')],
    code: 1,
    problem: /partner\.certifications: must be a number\n\s+partner\.hasJointBusinessPlan: must be true or false/,
  },
  { name: 'an amount beyond double range (1e400)', args: [bad('amount-overflow')], code: 1, problem: /deals\[0\]\.amount: must be a number/ },
  { name: 'amounts whose sum overflows (1e308)', args: [bad('amount-huge')], code: 1, problem: /deals\[1\]\.amount: must be at most 9007199254740991/ },
  { name: 'a won deal without closedAt', args: [bad('won-without-close')], code: 1, problem: /deals\[0\]\.closedAt: is required when status is "won"/ },
  { name: 'a negative amount', args: [bad('negative-amount')], code: 1, problem: /deals\[0\]\.amount: must not be negative/ },
  { name: 'an unknown deal status', args: [bad('unknown-status')], code: 1, problem: /deals\[0\]\.status: must be one of open, won, lost/ },
  { name: 'an unknown partner type', args: [bad('partner-unknown-type')], code: 1, problem: /partner\.type: must be one of technology, channel, strategic/ },
  { name: 'an unknown stage id in rules', args: [bad('rules-unknown-stage')], code: 1, problem: /rules\.expert: is not a known field here/ },
  { name: 'rules where at risk comes after inactive', args: [bad('rules-inconsistent')], code: 1, problem: /rules\.health\.atRiskDays: must be below health\.inactiveDays \(90\)/ },
  { name: 'a date that is not ISO-8601', args: [bad('date-not-iso')], code: 1, problem: /asOf: "30\/06\/2026" is not an ISO-8601 date/ },
  { name: 'a day that does not exist', args: [bad('date-impossible')], code: 1, problem: /partner\.joinedAt: "2025-02-29" is not an ISO-8601 date/ },
  { name: 'a zone offset of 25 hours', args: [bad('date-bad-offset')], code: 1, problem: /partner\.joinedAt: ".*\+25:00" is not an ISO-8601 date/ },
  { name: 'a directory', args: [CASES], code: 1, problem: /cannot read input .*cases: it is a directory/ },
  { name: 'a missing file', args: [join(CASES, 'nope.json')], code: 1, problem: /cannot read input .*nope\.json: no such file/ },
  { name: '--rules pointing at invalid JSON', args: [good, '--rules', join(CASES, 'rules/invalid-json.json')], code: 1, problem: /rules file .*invalid-json\.json is not valid JSON/ },
  {
    name: '--rules with invalid values',
    args: [good, '--rules', join(CASES, 'rules/invalid-values.json')],
    code: 1,
    problem: /accelerate\.minWonDeals12m: .*\n\s+partnerTypes\.reseller: is not a known field here \(expected one of: technology, channel, strategic\)/,
  },
  {
    name: '--rules with thresholds of the wrong kind',
    args: [good, '--rules', join(CASES, 'rules/invalid-kinds.json')],
    code: 1,
    problem:
      /accelerate\.minWonDeals12m: must be a whole number\n\s+accelerate\.minWonRevenue12m: must be a number\n\s+mature\.windows: must be at most 12\n\s+health\.revenueDropRatio: must be between 0 and 1/,
  },
  { name: '--rules pointing at a directory', args: [good, '--rules', CASES], code: 1, problem: /cannot read rules file .*cases: it is a directory/ },
  { name: 'an unknown locale', args: [good, '--locale', 'fr'], code: 1, problem: /--locale must be one of en, pt-BR \(got "fr"\)/ },
  { name: 'an unknown flag', args: [good, '--verbose'], code: 2, problem: /Unknown option '--verbose'.*see --help/ },
  { name: '--rules without a file', args: [good, '--rules'], code: 2, problem: /Option '--rules <value>' argument missing/ },
  { name: 'no file', args: [], code: 1, problem: /evaluate takes exactly one FILE \(or - for standard input\)/ },
  { name: 'two files', args: [good, good], code: 1, problem: /evaluate takes exactly one FILE/ },
];

describe('partner-journey evaluate on bad input', () => {
  it.concurrent.for(badCases.map((c) => [c.name, c] as const))('When given %s, then it exits non-zero naming the problem, without a stack trace', async ([, c], { expect }) => {
    const result = await cli(['evaluate', ...c.args], c.stdin);
    expect(result.code).toBe(c.code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^partner-journey: /);
    expect(result.stderr).toMatch(c.problem);
    expect(result.stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
  });
});
