import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, type ExpectStatic } from 'vitest';
import { runCli as cli } from '../support/run-cli.ts';
import type { DesignCase, Expected } from './cases/case-types.ts';
import { choiceCases } from './cases/choice-cases.ts';
import { healthAndRulesCases } from './cases/health-and-rules-cases.ts';
import { stageCases } from './cases/stage-cases.ts';

const designCases = [...stageCases, ...healthAndRulesCases];

/** The hand-written histories of cases/*-cases.ts, run through the real CLI. */
const CASES = join(import.meta.dirname, 'cases');

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
