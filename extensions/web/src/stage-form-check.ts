import { stageChangeRequestSchema, type StageChangeRequest } from '../../../shared/api/journey-api.ts';
import type { WebText } from './text/web-text.ts';

export type StageFormField = 'stage' | 'reason';
export type FieldMessages = Partial<Record<StageFormField, string>>;

/**
 * Checks the form with the same schema the service applies, and words each failure in the
 * viewer's language (the schema's own messages are English).
 */
export function checkStageForm(
  draft: StageChangeRequest,
  text: WebText,
): { readonly ok: true; readonly request: StageChangeRequest } | { readonly ok: false; readonly errors: FieldMessages } {
  const parsed = stageChangeRequestSchema.safeParse(draft);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: FieldMessages = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'reason') {
      if (issue.code === 'too_small') errors.reason = text.reasonTooShort(Number(issue.minimum));
      else if (issue.code === 'too_big') errors.reason = text.reasonTooLong(Number(issue.maximum));
      else errors.reason = issue.message;
    } else if (field === 'stage') {
      errors.stage = text.stageRefused;
    }
  }
  return { ok: false, errors };
}

/** The service names fields by path (`reason`, `body.reason`); the last segment is the form field. */
export function fieldOf(path: string): StageFormField | null {
  const last = path.split(/[.[\]/]/).filter(Boolean).pop();
  return last === 'stage' || last === 'reason' ? last : null;
}
