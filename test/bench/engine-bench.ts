import { fileURLToPath } from 'node:url';
import { evaluate } from '../../shared/journey/evaluate.ts';
import type { ParsedEvaluationInput } from '../../shared/journey/input.ts';
import { generateDataset } from '../../server/demo/dataset.ts';

/**
 * The journey engine over 10,000 partners and 100,000 deals (generated, seeded), next to a
 * baseline loop that only sums the same deals' amounts, in the same run: the ratio says what the
 * rules cost over merely touching the data.
 */
export interface EngineBenchResult {
  readonly partners: number;
  readonly deals: number;
  readonly evaluateMs: number;
  readonly baselineMs: number;
  readonly partnersPerSecond: number;
  readonly ratio: number;
  /** Checksum so neither loop can be optimised away, and a quick sanity view of the output. */
  readonly stages: Record<string, number>;
}

const AS_OF = '2026-06-30';
const NOW = Date.parse('2026-06-30T12:00:00Z');

export function runEngineBench(options: { partners?: number; deals?: number; rounds?: number } = {}): EngineBenchResult {
  const partners = options.partners ?? 10_000;
  const deals = options.deals ?? 100_000;
  const inputs = buildInputs(partners, deals);
  const rounds = options.rounds ?? 5;

  let evaluateMs = Infinity;
  let baselineMs = Infinity;
  let stages: Record<string, number> = {};
  let checksum = 0;
  for (let round = 0; round < rounds; round += 1) {
    const t0 = performance.now();
    let sum = 0;
    for (const input of inputs) for (const deal of input.deals) sum += deal.amount ?? 0;
    baselineMs = Math.min(baselineMs, performance.now() - t0);
    checksum += sum;

    const t1 = performance.now();
    const counts: Record<string, number> = {};
    for (const input of inputs) {
      const stage = evaluate(input, { now: NOW }).suggestedStage;
      counts[stage] = (counts[stage] ?? 0) + 1;
    }
    evaluateMs = Math.min(evaluateMs, performance.now() - t1);
    stages = counts;
  }
  if (checksum <= 0) throw new Error('the baseline read no amounts');
  return {
    partners,
    deals,
    evaluateMs,
    baselineMs,
    partnersPerSecond: partners / (evaluateMs / 1000),
    ratio: evaluateMs / baselineMs,
    stages,
  };
}

function buildInputs(partners: number, deals: number): ParsedEvaluationInput[] {
  const dataset = generateDataset({ partners, deals, seed: 7, asOf: AS_OF });
  const byPartner = new Map<string, ParsedEvaluationInput['deals'][number][]>();
  for (const deal of dataset.deals) {
    const list = byPartner.get(deal.partnerId) ?? [];
    list.push({ id: deal.id, createdAt: deal.createdAt, registeredAt: deal.registeredAt, closedAt: deal.closedAt, status: deal.status, amount: deal.amount });
    byPartner.set(deal.partnerId, list);
  }
  return dataset.partners.map((p) => ({
    asOf: AS_OF,
    partner: { ...p, stage: null },
    deals: byPartner.get(p.id) ?? [],
  }));
}

export function describeEngineBench(r: EngineBenchResult): string {
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
  return [
    `journey engine: ${fmt(r.partners)} partners, ${fmt(r.deals)} deals`,
    `  evaluate all        ${fmt(r.evaluateMs, 1)} ms  (${fmt(r.partnersPerSecond)} partners/s)`,
    `  baseline (sum)      ${fmt(r.baselineMs, 1)} ms`,
    `  ratio               ${fmt(r.ratio, 1)}× the baseline loop`,
    `  suggested stages    ${Object.entries(r.stages).map(([s, n]) => `${s} ${fmt(n)}`).join(', ')}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(describeEngineBench(runEngineBench()));
}
