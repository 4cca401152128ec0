import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli as cli } from '../support/run-cli.ts';

let dir: string;
async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const valid = {
  asOf: '2026-06-30',
  partner: { id: 'p1', name: 'Acme', type: 'channel', joinedAt: '2025-01-15', lastActivityAt: '2026-06-20' },
  deals: [
    { id: 'd1', createdAt: '2026-03-01', registeredAt: '2026-03-01', closedAt: '2026-05-01', status: 'won', amount: 12000 },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pj-cli-'));
});

describe('partner-journey evaluate', () => {
  it('prints the DESIGN.md output for a file', async () => {
    const result = await cli(['evaluate', await file('ok.json', valid)]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ suggestedStage: 'activate', health: 'healthy' });
    expect(output.actions.map((a: { id: string }) => a.id)).toEqual(['activate.sales-training', 'activate.share-roi-plan']);
    expect(Object.keys(output.kpis)).toEqual(
      expect.arrayContaining(['wonRevenue12m', 'wonDeals12m', 'wonDealsTotal', 'openDeals', 'openPipeline', 'winRate12m', 'daysSinceLastActivity', 'daysToFirstWin', 'daysInProgram']),
    );
  }, 30_000);

  it('reads standard input with "-" and speaks pt-BR', async () => {
    const result = await cli(['evaluate', '-', '--locale', 'pt-BR'], JSON.stringify(valid));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).actions[0].title).toBe('Fazer um treinamento prático de vendas');
  });

  it('loads threshold overrides per partner type from --rules', async () => {
    const rules = await file('rules.json', { partnerTypes: { channel: { accelerate: { minWonDeals12m: 1, minWonRevenue12m: 10000 } } } });
    const result = await cli(['evaluate', await file('ok2.json', valid), '--rules', rules]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).suggestedStage).toBe('accelerate');
  });

  it.each<[string, unknown, RegExp]>([
    ['bad JSON', '{"partner": ', /not valid JSON/],
    ['missing joinedAt', { ...valid, partner: { id: 'p', type: 'channel' } }, /partner\.joinedAt: /],
    [
      'a won deal without closedAt',
      { ...valid, deals: [{ id: 'd', createdAt: '2026-01-01', status: 'won', amount: 1 }] },
      /deals\[0\]\.closedAt: is required when status is "won"/,
    ],
    [
      'a negative amount',
      { ...valid, deals: [{ id: 'd', createdAt: '2026-01-01', status: 'open', amount: -5 }] },
      /deals\[0\]\.amount: must not be negative/,
    ],
    ['an unknown stage id in rules', { ...valid, rules: { expert: { minWonDeals12m: 1 } } }, /rules\.expert: is not a known field/],
    ['a date that does not parse', { ...valid, asOf: '30/06/2026' }, /asOf: "30\/06\/2026" is not an ISO-8601 date/],
    ['an impossible date', { ...valid, partner: { ...valid.partner, joinedAt: '2025-02-30' } }, /partner\.joinedAt: /],
    ['an unknown status', { ...valid, deals: [{ id: 'd', createdAt: '2026-01-01', status: 'pending' }] }, /deals\[0\]\.status: must be one of open, won, lost/],
    ['an unknown partner type', { ...valid, partner: { ...valid.partner, type: 'reseller' } }, /partner\.type: must be one of/],
  ])('rejects %s with the field named and no stack trace', async (name, content, message) => {
    const result = await cli(['evaluate', await file(`${name.replaceAll(' ', '-')}.json`, content)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown stage id in a rules file', async () => {
    const rules = await file('bad-rules.json', { accelerate: {}, champion: { minWonDeals12m: 9 } });
    const result = await cli(['evaluate', await file('ok3.json', valid), '--rules', rules]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/champion: is not a known field here \(stage ids and sections: window, recruit, activate, accelerate, mature, health, partnerTypes\)/);
  });

  it('rejects a missing file and an unknown locale', async () => {
    expect((await cli(['evaluate', join(dir, 'nope.json')])).stderr).toMatch(/cannot read input .*nope\.json: no such file/);
    const locale = await cli(['evaluate', await file('ok4.json', valid), '--locale', 'fr']);
    expect(locale.code).toBe(1);
    expect(locale.stderr).toMatch(/--locale must be one of en, pt-BR/);
  });

  it('explains usage errors', async () => {
    const result = await cli(['evaluate', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--bogus'/);
    expect((await cli(['--help'])).stdout).toMatch(/partner-journey evaluate FILE\|-/);
  });
});
