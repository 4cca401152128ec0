import type { Locale } from '../i18n/locale.ts';
import type { StageId } from '../journey/stages.ts';
import { playbookEn } from './en.ts';
import { playbookPtBR } from './pt-BR.ts';

/** One key question of a stage: what to weigh before answering it, and what teams usually do. */
export interface KeyQuestion {
  readonly question: string;
  readonly consider: readonly string[];
  readonly actions: readonly string[];
}

/** What a stage is about, in the framework's terms (paraphrased from the partner journey framework). */
export interface StagePlaybook {
  readonly focus: string;
  readonly questions: readonly KeyQuestion[];
}

export type Playbook = Record<StageId, StagePlaybook>;

const playbooks: Record<Locale, Playbook> = { en: playbookEn, 'pt-BR': playbookPtBR };

export function playbookFor(locale: Locale): Playbook {
  return playbooks[locale];
}
