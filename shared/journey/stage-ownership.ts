import { compareStages, type StageId } from './stages.ts';

/**
 * Who owns the official stage (DESIGN.md §3): the engine only suggests; the sync promotes when the
 * suggestion rises, never demotes, and a stage a person set stands until the evidence changes.
 */
export interface PersonDecision {
  /** The suggestion the engine made when the person set the stage. */
  readonly suggestedStage: StageId | null;
}

export type StageDecision =
  | { readonly kind: 'keep' }
  | { readonly kind: 'initial'; readonly to: StageId }
  | { readonly kind: 'promote'; readonly to: StageId };

export function decideOfficialStage(
  official: StageId | null,
  suggested: StageId,
  lastPersonDecision: PersonDecision | null,
): StageDecision {
  if (official === null) return { kind: 'initial', to: suggested };
  if (compareStages(suggested, official) <= 0) return { kind: 'keep' };
  if (lastPersonDecision && lastPersonDecision.suggestedStage === suggested) return { kind: 'keep' };
  return { kind: 'promote', to: suggested };
}
