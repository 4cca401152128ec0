import { useEffect, useRef } from 'react';
import type { Locale } from '../../../../shared/i18n/locale.ts';
import { describeError } from '../describe-error.ts';
import type { JourneyApi, RecordRef } from '../journey-api.ts';
import { webTextFor } from '../text/web-text.ts';
import { useJourney } from '../use-journey.ts';
import { DealJourneyCard } from './DealJourneyCard.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { PartnerJourneyCard } from './PartnerJourneyCard.tsx';

interface RecordViewProps {
  readonly api: JourneyApi;
  readonly record: RecordRef;
  /** Words shown before the service answers (then the answer's own locale wins). */
  readonly locale: Locale;
  /** Move focus to the card once it is shown (the viewer just picked it). */
  readonly focusOnLoad?: boolean;
}

export function RecordView({ api, record, locale, focusOnLoad = false }: RecordViewProps) {
  const { state, apply, retry } = useJourney(api, record);
  const containerRef = useRef<HTMLDivElement>(null);
  const text = webTextFor(state.status === 'ready' ? state.response.locale : locale);

  useEffect(() => {
    if (!focusOnLoad || state.status === 'loading') return;
    const target = containerRef.current?.querySelector<HTMLElement>('[data-card-title]') ?? containerRef.current;
    target?.focus();
    // Only the first render of an answer moves focus; later updates (a done action) must not.
  }, [focusOnLoad, state.status, record.objectId]);

  return (
    <div ref={containerRef} className="record-view" tabIndex={-1} aria-busy={state.status === 'loading' || undefined}>
      {state.status === 'loading' ? (
        <p className="muted" role="status">
          {text.loading}
        </p>
      ) : state.status === 'failed' ? (
        <ErrorNotice message={describeError(state.error, text)} text={text} onRetry={state.error.kind === 'unauthorized' ? undefined : retry} />
      ) : state.response.kind === 'partner' ? (
        <PartnerJourneyCard
          journey={state.response.journey}
          locale={state.response.locale}
          role={state.response.role}
          api={api}
          onUpdate={apply}
        />
      ) : (
        <DealJourneyCard response={state.response} api={api} onUpdate={apply} />
      )}
    </div>
  );
}
