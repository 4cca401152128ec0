import { evaluate, type Evaluation } from '../../shared/journey/evaluate.ts';
import { evaluationInputSchema } from '../../shared/journey/input.ts';
import { rulesKeyHint } from '../../shared/journey/rules.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { loadRulesFile } from '../config/rules-file.ts';
import { parseOrThrow } from '../errors/app-error.ts';
import { readJsonDocument } from './read-json.ts';

export interface EvaluateCommandOptions {
  readonly file: string;
  readonly locale: Locale;
  readonly rulesFile?: string | undefined;
  readonly now: number;
}

/** `partner-journey evaluate FILE|-`: one DESIGN.md §3 input document in, one output document out. */
export async function runEvaluate(options: EvaluateCommandOptions): Promise<Evaluation> {
  const rules = options.rulesFile ? await loadRulesFile(options.rulesFile) : undefined;
  const raw = await readJsonDocument(options.file, 'input');
  const input = parseOrThrow(evaluationInputSchema, raw, 'input', '', rulesKeyHint);
  return evaluate(input, { now: options.now, locale: options.locale, ...(rules ? { rules } : {}) });
}
