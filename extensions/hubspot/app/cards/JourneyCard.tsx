import { EmptyState, LoadingSpinner, useExtensionActions, useExtensionContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { cardTextFor } from './card-text.ts';
import { createJourneyClient } from './journey-client.ts';
import { readRecordContext } from './record-context.ts';
import { useJourney } from './use-journey.ts';
import { problemText } from './vendor/shared/i18n/problem-text.ts';
import { DealPartnersView } from './views/DealPartnersView.tsx';
import { PartnerJourneyView } from './views/PartnerJourneyView.tsx';
import { SyncedCompanyView } from './views/SyncedCompanyView.tsx';
import { SyncedDealView } from './views/SyncedDealView.tsx';

/** hubspot.fetch allows up to 15 s by default; the card gives up sooner and shows the synced values. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 8_000;

export interface JourneyCardProps {
  readonly requestTimeoutMs?: number;
}

export function JourneyCard({ requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS }: JourneyCardProps) {
  const context = useExtensionContext<'crm.record.tab'>();
  const actions = useExtensionActions<'crm.record.tab'>();
  const record = readRecordContext(context);
  const text = cardTextFor(record.locale);
  const { serviceOrigin, objectTypeId, objectId, locale, kind } = record;
  const client = useMemo(
    () =>
      serviceOrigin && kind
        ? createJourneyClient({ serviceOrigin, objectTypeId, objectId, locale, timeoutMs: requestTimeoutMs })
        : null,
    [serviceOrigin, objectTypeId, objectId, locale, kind, requestTimeoutMs],
  );
  const { state, replace } = useJourney(client);

  if (!kind) {
    return (
      <EmptyState imageName="multipleObjects" layout="vertical">
        {text.unsupportedRecord}
      </EmptyState>
    );
  }
  if (state.status === 'loading') return <LoadingSpinner label={text.loading} layout="centered" />;
  if (state.status === 'failed') {
    const failure = state.failure;
    if (failure.kind === 'problem' && failure.problem.status === 404) {
      return kind === 'partner' ? (
        <EmptyState title={text.notPartnerTitle} imageName="companies" layout="vertical">
          {text.notPartnerBody}
        </EmptyState>
      ) : (
        <EmptyState title={text.noPartnersTitle} imageName="deals" layout="vertical">
          {text.noPartnersBody}
        </EmptyState>
      );
    }
    const notice =
      failure.kind === 'not-configured'
        ? text.serviceNotConfigured
        : failure.kind === 'problem'
          ? text.serviceAnswered(problemText(failure.problem, locale))
          : null;
    return kind === 'partner' ? <SyncedCompanyView locale={locale} notice={notice} /> : <SyncedDealView locale={locale} notice={notice} />;
  }
  const response = state.response;
  if (response.kind === 'deal') return <DealPartnersView response={response} locale={locale} />;
  if (!client) return null;
  return (
    <PartnerJourneyView
      response={response}
      locale={locale}
      objectId={objectId}
      client={client}
      onJourney={replace}
      refreshRecord={actions.refreshObjectProperties}
      addAlert={actions.addAlert}
    />
  );
}
