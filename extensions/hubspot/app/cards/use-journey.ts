import { useCallback, useEffect, useState } from 'react';
import type { CallFailure, JourneyClient } from './journey-client.ts';
import type { JourneyResponse } from './vendor/shared/api/journey-api.ts';

export type JourneyState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly response: JourneyResponse }
  | { readonly status: 'failed'; readonly failure: CallFailure | { readonly kind: 'not-configured' } };

/** Loads the record's journey once per client; later answers (a stage change, an action) replace it. */
export function useJourney(client: JourneyClient | null): { state: JourneyState; replace: (response: JourneyResponse) => void } {
  const [state, setState] = useState<JourneyState>(client ? { status: 'loading' } : { status: 'failed', failure: { kind: 'not-configured' } });

  useEffect(() => {
    if (!client) {
      setState({ status: 'failed', failure: { kind: 'not-configured' } });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    client.load().then((outcome) => {
      if (!current) return;
      setState(outcome.ok ? { status: 'ready', response: outcome.response } : { status: 'failed', failure: outcome.failure });
    });
    return () => {
      current = false;
    };
  }, [client]);

  const replace = useCallback((response: JourneyResponse) => setState({ status: 'ready', response }), []);
  return { state, replace };
}
