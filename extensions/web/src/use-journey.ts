import { useCallback, useEffect, useState } from 'react';
import type { JourneyResponse } from '../../../shared/api/journey-api.ts';
import { ApiError, type JourneyApi, type RecordRef } from './journey-api.ts';
import { mergeJourney } from './merge-journey.ts';

export type JourneyState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly response: JourneyResponse }
  | { readonly status: 'failed'; readonly error: ApiError };

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('unexpected', 0, null, String(error), { cause: error });
}

/** The journey of one record: loaded on mount and when the record or session changes, updated by changes. */
export function useJourney(api: JourneyApi, record: RecordRef) {
  const [state, setState] = useState<JourneyState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { objectType, objectId } = record;

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.getJourney({ objectType, objectId }).then(
      (response) => current && setState({ status: 'ready', response }),
      (error: unknown) => current && setState({ status: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, objectType, objectId, attempt]);

  const apply = useCallback((update: JourneyResponse) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', response: mergeJourney(s.response, update) } : s));
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, apply, retry };
}
