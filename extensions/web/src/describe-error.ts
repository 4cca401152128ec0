import type { ApiError } from './journey-api.ts';
import type { WebText } from './text/web-text.ts';

/** What to tell the viewer about a failed call; the service's own words when it sent a problem document. */
export function describeError(error: ApiError, text: WebText): string {
  switch (error.kind) {
    case 'problem':
      return error.problem?.detail ?? error.problem?.title ?? text.unexpectedAnswer;
    case 'unauthorized':
      return text.sessionExpired;
    case 'unreachable':
      return text.unreachable;
    case 'unexpected':
      return text.unexpectedAnswer;
  }
}
