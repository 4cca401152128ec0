import { rulesDocumentSchema, rulesKeyHint, type RulesDocument } from '../../shared/journey/rules.ts';
import { readJsonDocument } from '../cli/read-json.ts';
import { parseOrThrow } from '../errors/app-error.ts';

/** Loads threshold overrides (global and per partner type) from a JSON rules file. */
export async function loadRulesFile(path: string): Promise<RulesDocument> {
  const raw = await readJsonDocument(path, 'rules file');
  return parseOrThrow(rulesDocumentSchema, raw, `rules file ${path}`, '', rulesKeyHint);
}
