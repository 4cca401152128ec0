import { problemText } from '../../../shared/i18n/problem-text.ts';
import type { ApiError } from './journey-api.ts';
import type { WebText } from './text/web-text.ts';

/** What to tell the viewer about a failed call, in the viewer's language (see problemText). */
export function describeError(error: ApiError, text: WebText): string {
  switch (error.kind) {
    case 'problem':
      return error.problem ? problemText(error.problem, text.locale) : text.unexpectedAnswer;
    case 'unauthorized':
      return text.sessionExpired;
    case 'unreachable':
      return text.unreachable;
    case 'unexpected':
      return text.unexpectedAnswer;
  }
}
