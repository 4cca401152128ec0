import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, type ExpectStatic } from 'vitest';

/**
 * Hand-written partner histories (test/cli/cases/) run through the real CLI. Every expectation was
 * worked out by hand from DESIGN.md §3, never copied from the engine's output; `why` says how.
 * asOf is 2026-06-30 unless a case says otherwise, so "A-45" is 2026-05-16 and the 12 months are
 * 2025-07-01..2026-06-30; the 91-day windows start on 2026-04-01, 2025-12-31, 2025-10-01 and 2025-07-02.
 */
const CLI = join(import.meta.dirname, '../../server/cli/partner-journey.ts');
const CASES = join(import.meta.dirname, 'cases');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

interface Expected {
  readonly stage: 'recruit' | 'activate' | 'accelerate' | 'mature';
  readonly health: 'healthy' | 'at_risk' | 'inactive';
  readonly actions: readonly string[];
  readonly kpis?: Record<string, number | null>;
}

interface DesignCase extends Expected {
  readonly file: string;
  readonly why: string;
  readonly rules?: string;
}

const designCases: readonly DesignCase[] = [
  {
    file: 'recruit-new',
    why: 'joined 10 days ago, no deal: recruit; last activity falls back to joinedAt (10 days); no certification, no plan; under 30 days so no first-deal nudge',
    stage: 'recruit',
    health: 'healthy',
    actions: ['recruit.share-learning-path', 'recruit.agree-success-metrics'],
    kpis: { daysInProgram: 10, daysSinceLastActivity: 10, winRate12m: null, daysToFirstWin: null, wonDealsTotal: 0 },
  },
  {
    file: 'recruit-30-days',
    why: 'no "deals" at all and exactly 30 days in the program: the first-deal nudge starts at ≥ 30',
    stage: 'recruit',
    health: 'healthy',
    actions: ['recruit.register-first-deal'],
    kpis: { daysInProgram: 30, daysSinceLastActivity: 5 },
  },
  {
    file: 'recruit-29-days',
    why: '29 days in the program, certified, with a plan: nothing to do yet',
    stage: 'recruit',
    health: 'healthy',
    actions: [],
    kpis: { daysInProgram: 29, daysSinceLastActivity: 29 },
  },
  {
    file: 'recruit-270-days',
    why: 'exactly 270 days in the program is not "more than 270": healthy, no fit review; an open deal means some deal exists',
    stage: 'recruit',
    health: 'healthy',
    actions: [],
    kpis: { daysInProgram: 270, openDeals: 1, openPipeline: 9000 },
  },
  {
    file: 'recruit-271-days',
    why: '271 days without a win: at risk (slow start) and review fit; the one lost deal in 12m gives a 0 win rate',
    stage: 'recruit',
    health: 'at_risk',
    actions: ['any.check-in-at-risk', 'recruit.review-fit'],
    kpis: { daysInProgram: 271, winRate12m: 0, daysSinceLastActivity: 1 },
  },
  {
    file: 'recruit-forgotten',
    why: 'joined 400 days ago, nothing since: inactive (it takes precedence over at risk) and every recruit action applies',
    stage: 'recruit',
    health: 'inactive',
    actions: [
      'any.reengage-inactive',
      'recruit.share-learning-path',
      'recruit.agree-success-metrics',
      'recruit.register-first-deal',
      'recruit.review-fit',
    ],
    kpis: { daysInProgram: 400, daysSinceLastActivity: 400 },
  },
  {
    file: 'activate-first-win',
    why: "DESIGN.md's own example: one win of 12,000; last activity 29 days ago; no certification, no plan",
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.sales-training', 'activate.share-roi-plan'],
    kpis: {
      wonRevenue12m: 12000,
      wonDeals12m: 1,
      wonDealsTotal: 1,
      openDeals: 0,
      openPipeline: 0,
      winRate12m: 1,
      daysSinceLastActivity: 29,
      daysToFirstWin: 471,
      daysInProgram: 531,
    },
  },
  {
    file: 'activate-registered-14-days',
    why: 'registered exactly 14 days after creation is not late',
    stage: 'activate',
    health: 'healthy',
    actions: [],
  },
  {
    file: 'activate-registered-15-days',
    why: 'registered 15 days after creation, in the last 12 months: reward early registration',
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.reward-early-registration'],
  },
  {
    file: 'activate-open-unregistered',
    why: 'one win and one loss in 12m (50%); an open unregistered deal: support it, train (0 certifications), reward registration',
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.support-first-negotiations', 'activate.sales-training', 'activate.reward-early-registration'],
    kpis: { openDeals: 1, openPipeline: 8000, winRate12m: 0.5, wonDeals12m: 1, daysToFirstWin: 212, daysSinceLastActivity: 10 },
  },
  {
    file: 'activate-unregistered-before-12m',
    why: 'the unregistered deal was created exactly 365 days before asOf, outside the 12 months: no registration action',
    stage: 'activate',
    health: 'healthy',
    actions: [],
    kpis: { wonDeals12m: 1 },
  },
  {
    file: 'accelerate-exactly-25000',
    why: 'three wins of 8,404.72 + 8,404.73 + 8,190.55 = 25,000.00 exactly: the revenue criterion (≥ 25,000) is met',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { wonRevenue12m: 25000, wonDeals12m: 3 },
  },
  {
    file: 'activate-24999-99',
    why: 'the same three wins one cent short (24,999.99): still activate',
    stage: 'activate',
    health: 'healthy',
    actions: [],
    kpis: { wonRevenue12m: 24999.99, wonDeals12m: 3 },
  },
  {
    file: 'activate-third-win-365-days-ago',
    why: 'the third win closed exactly 365 days before asOf, which "asOf-365d < date" leaves out: 2 wins in 12m',
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.sales-training', 'activate.share-roi-plan'],
    kpis: { wonDeals12m: 2, wonRevenue12m: 40000, wonDealsTotal: 3 },
  },
  {
    file: 'accelerate-third-win-364-days-ago',
    why: 'the third win closed 364 days before asOf is inside the 12 months: 3 wins, 60,000',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.build-joint-plan', 'accelerate.certify-team', 'accelerate.target-campaigns'],
    kpis: { wonDeals12m: 3, wonRevenue12m: 60000 },
  },
  {
    file: 'accelerate-stalled-61-days',
    why: 'an open deal created 61 days before asOf is stalled (> 60)',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.follow-up-stalled-deals', 'accelerate.target-campaigns'],
  },
  {
    file: 'accelerate-open-60-days',
    why: 'an open deal created exactly 60 days before asOf is not stalled yet',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
  },
  {
    file: 'accelerate-revenue-drop',
    why: '30,000 won in 12m against 50,000 in the 365 days before (10,000 at A-729 + 40,000 at A-365; the win at A-730 is older): below 70% → at risk',
    stage: 'accelerate',
    health: 'at_risk',
    actions: ['any.check-in-at-risk'],
    kpis: { wonRevenue12m: 30000 },
  },
  {
    file: 'accelerate-revenue-at-70-percent',
    why: '35,000 against 50,000 is exactly 70%, not below it: healthy',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { wonRevenue12m: 35000 },
  },
  {
    file: 'rules-revenue-exactly-at-ratio',
    why: 'rules lower the ratio to 68%; 27,200 against 40,000 is exactly 68%, not below it: healthy',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { wonRevenue12m: 27200 },
  },
  {
    file: 'mature-every-quarter',
    why: 'a 30,000 win in each 91-day window (A-10, A-100, A-190, A-280), 120,000 in 12m, in the program since 2024',
    stage: 'mature',
    health: 'healthy',
    actions: ['mature.review-kpis', 'mature.promote-top-partner'],
    kpis: { wonDeals12m: 4, wonRevenue12m: 120000 },
  },
  {
    file: 'accelerate-latest-quarter-empty',
    why: 'the latest win closed exactly 91 days before asOf, which belongs to the second window: the first window is empty',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { wonDeals12m: 4, wonRevenue12m: 120000 },
  },
  {
    file: 'accelerate-oldest-win-364-days-ago',
    why: 'the fourth window is (A-364, A-273]: a win at A-364 counts for the 12 months but fills no window',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { wonDeals12m: 4, wonRevenue12m: 120000 },
  },
  {
    file: 'mature-oldest-win-363-days-ago',
    why: 'a win at A-363 fills the fourth window',
    stage: 'mature',
    health: 'healthy',
    actions: ['mature.review-kpis', 'mature.promote-top-partner'],
  },
  {
    file: 'accelerate-joined-364-days-ago',
    why: 'every maturity criterion but joining: 364 days is less than the 365 required',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { daysInProgram: 364 },
  },
  {
    file: 'mature-joined-365-days-ago',
    why: 'joined exactly 365 days before asOf: mature',
    stage: 'mature',
    health: 'healthy',
    actions: ['mature.review-kpis', 'mature.promote-top-partner'],
    kpis: { daysInProgram: 365 },
  },
  {
    file: 'activate-quiet-44-days',
    why: '44 days since the last activity: still healthy',
    stage: 'activate',
    health: 'healthy',
    actions: [],
    kpis: { daysSinceLastActivity: 44 },
  },
  {
    file: 'activate-quiet-45-days',
    why: '45 days since the last activity: at risk',
    stage: 'activate',
    health: 'at_risk',
    actions: ['any.check-in-at-risk'],
    kpis: { daysSinceLastActivity: 45 },
  },
  {
    file: 'activate-quiet-89-days',
    why: '89 days: at risk, not yet inactive',
    stage: 'activate',
    health: 'at_risk',
    actions: ['any.check-in-at-risk'],
  },
  {
    file: 'activate-quiet-90-days',
    why: '90 days: inactive, re-engage first',
    stage: 'activate',
    health: 'inactive',
    actions: ['any.reengage-inactive'],
    kpis: { daysSinceLastActivity: 90 },
  },
  {
    file: 'activity-from-late-registration',
    why: 'lastActivityAt is 200 days old but a deal was registered 10 days ago: that is the last activity; the 90-day registration lag is late',
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.support-first-negotiations', 'activate.sales-training', 'activate.reward-early-registration'],
    kpis: { daysSinceLastActivity: 10 },
  },
  {
    file: 'future-facts-ignored',
    why: 'a win closing after asOf, a deal created after asOf and a future lastActivityAt do not count: recruit, last activity the deal created 20 days ago',
    stage: 'recruit',
    health: 'healthy',
    actions: ['recruit.share-learning-path', 'recruit.agree-success-metrics'],
    kpis: { wonDealsTotal: 0, wonRevenue12m: 0, daysSinceLastActivity: 20 },
  },
  {
    file: 'rules-inline-override',
    why: 'the input lowers Acceleration to 2 wins in 12m: the two inside the 12 months (40,000) are enough',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.build-joint-plan', 'accelerate.certify-team', 'accelerate.target-campaigns'],
  },
  {
    file: 'activate-open-unregistered',
    rules: 'rules/technology-fast-track.json',
    why: 'the rules file lowers Acceleration for technology partners to 1 win and 10,000: one win of 15,000 is enough; 10 days quiet is under the new 29-day limit',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.certify-team', 'accelerate.target-campaigns'],
  },
  {
    file: 'activate-first-win',
    rules: 'rules/technology-fast-track.json',
    why: 'a channel partner keeps the default stage rules, but the global 29-day at-risk limit applies: 29 days quiet is at risk',
    stage: 'activate',
    health: 'at_risk',
    actions: ['any.check-in-at-risk', 'activate.sales-training', 'activate.share-roi-plan'],
  },
];

/**
 * Where DESIGN.md leaves a reading open, the engine's choice (see prepareFacts and time/iso-date.ts).
 */
const choiceCases: readonly DesignCase[] = [
  {
    file: 'choice-open-deal-past-close-date',
    why: "an open deal's closedAt is only its expected close (the CRM adapters drop it too): no activity, so the last activity is 100 days old",
    stage: 'activate',
    health: 'inactive',
    actions: ['any.reengage-inactive', 'activate.support-first-negotiations'],
    kpis: { daysSinceLastActivity: 100, openDeals: 1 },
  },
  {
    file: 'choice-lost-deal-without-close-date',
    why: 'a lost deal without closedAt is still a deal (no first-deal nudge) and its createdAt is activity, but it is in no 12-month figure',
    stage: 'recruit',
    health: 'healthy',
    actions: ['recruit.share-learning-path', 'recruit.agree-success-metrics'],
    kpis: { winRate12m: null, daysSinceLastActivity: 40 },
  },
  {
    file: 'choice-partner-without-type',
    why: 'without a type no per-type rules apply; the defaults give the same result as DESIGN.md\'s example',
    stage: 'activate',
    health: 'healthy',
    actions: ['activate.sales-training', 'activate.share-roi-plan'],
  },
  {
    file: 'choice-date-only-asof-with-times',
    why: 'a date-only asOf is the whole UTC day: a win at 23:30 that day counts, a win on the day 365 days before (even at 23:59) does not',
    stage: 'activate',
    health: 'healthy',
    actions: [],
    kpis: { wonRevenue12m: 1100, wonDeals12m: 2, wonDealsTotal: 3, daysSinceLastActivity: 0, daysInProgram: 759 },
  },
  {
    file: 'choice-datetime-asof',
    why: 'a date-time asOf is that instant: wins at 13:00 a year back and 11:59 today count, 11:00 a year back and 12:30 today do not',
    stage: 'accelerate',
    health: 'healthy',
    actions: ['accelerate.target-campaigns'],
    kpis: { wonDeals12m: 3, wonRevenue12m: 30000, wonDealsTotal: 4, openDeals: 1, daysSinceLastActivity: 0 },
  },
];

async function evaluateCase(expect: ExpectStatic, c: DesignCase, locale = 'en') {
  const args = ['evaluate', join(CASES, `${c.file}.json`), '--locale', locale];
  if (c.rules) args.push('--rules', join(CASES, c.rules));
  const result = await cli(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    suggestedStage: string;
    health: string;
    actions: { id: string; priority: number; title: string; reason: string }[];
    kpis: Record<string, number | null>;
  };
}

function expectCase(expect: ExpectStatic, output: Awaited<ReturnType<typeof evaluateCase>>, c: Expected): void {
  expect({ stage: output.suggestedStage, health: output.health, actions: output.actions.map((a) => a.id) }).toEqual({
    stage: c.stage,
    health: c.health,
    actions: c.actions,
  });
  expect(output.actions.map((a) => a.priority)).toEqual(c.actions.map((_, i) => i + 1));
  if (c.kpis) expect(output.kpis).toMatchObject(c.kpis);
}

const label = (c: DesignCase) => `${c.file}${c.rules ? ` with --rules ${c.rules}` : ''}: ${c.why}`;

describe('partner-journey evaluate on hand-written histories (DESIGN.md §3)', () => {
  it.concurrent.for(designCases.map((c) => [label(c), c] as const))('%s', async ([, c], { expect }) => {
    expectCase(expect, await evaluateCase(expect, c), c);
  });
});

describe('partner-journey evaluate where DESIGN.md leaves a choice', () => {
  it.concurrent.for(choiceCases.map((c) => [label(c), c] as const))('%s', async ([, c], { expect }) => {
    expectCase(expect, await evaluateCase(expect, c), c);
  });
});

describe('partner-journey evaluate in both languages and from standard input', () => {
  const firstWin = designCases.find((c) => c.file === 'activate-first-win')!;
  const atRisk = designCases.find((c) => c.file === 'recruit-271-days')!;

  it('When the input comes on standard input with --locale pt-BR, then ids and figures match English and the words are Portuguese', async ({ expect }) => {
    const text = await readFile(join(CASES, 'activate-first-win.json'), 'utf8');
    const piped = await cli(['evaluate', '-', '--locale', 'pt-BR'], text);
    expect(piped.code).toBe(0);
    const pt = JSON.parse(piped.stdout) as Awaited<ReturnType<typeof evaluateCase>>;
    expectCase(expect, pt, firstWin);
    const en = await evaluateCase(expect, firstWin);
    expect(pt.kpis).toEqual(en.kpis);
    expect(pt.actions.map((a) => a.title)).toEqual(['Fazer um treinamento prático de vendas', 'Mostrar ao parceiro um plano simples de retorno']);
    expect(en.actions.map((a) => a.title)).toEqual(['Run a practical sales training', 'Show the partner a simple ROI plan']);
  });

  it('When the file starts with a UTF-8 byte order mark, then it is read like any other', async ({ expect }) => {
    const text = await readFile(join(CASES, 'activate-first-win.json'), 'utf8');
    const piped = await cli(['evaluate', '-'], `\uFEFF${text}`);
    expect(piped.stderr).toBe('');
    expectCase(expect, JSON.parse(piped.stdout), firstWin);
  });

  it('When a partner is at risk, then both languages say why with the day counts', async ({ expect }) => {
    const en = await evaluateCase(expect, atRisk, 'en');
    const pt = await evaluateCase(expect, atRisk, 'pt-BR');
    expect(en.actions[0]?.reason).toContain('271 days in the program without a won deal');
    expect(pt.actions[0]?.reason).toContain('271 dias no programa sem negócio ganho');
  });
});

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
