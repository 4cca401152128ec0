import { Alert, EmptyState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { useCrmProperties } from '@hubspot/ui-extensions/crm';
import { cardTextFor } from '../card-text.ts';
import { isPartner, readSyncedValues, SYNCED_PROPERTY_NAMES } from '../synced-properties.ts';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { Locale } from '../vendor/shared/i18n/locale.ts';
import { SyncedPartnerSummary } from './SyncedPartnerSummary.tsx';

export interface SyncedViewProps {
  readonly locale: Locale;
  /** Why the service could not be used, when there is more to say than "unreachable". */
  readonly notice: string | null;
}

/** The service is out of reach: the company's own partner properties, as the sync last wrote them. */
export function SyncedCompanyView({ locale, notice }: SyncedViewProps) {
  const { properties, isLoading } = useCrmProperties([...SYNCED_PROPERTY_NAMES]);
  const text = cardTextFor(locale);
  if (isLoading) return <LoadingSpinner label={text.loading} layout="centered" />;
  const values = readSyncedValues(properties);
  return (
    <Flex direction="column" gap="md">
      <Alert variant="warning" title={messagesFor(locale).ui.syncedValues} testId="synced-notice">
        {notice ?? ''}
      </Alert>
      {!isPartner(values) ? (
        <EmptyState title={text.notPartnerTitle} imageName="companies" layout="vertical">
          <Text>{text.notPartnerBody}</Text>
        </EmptyState>
      ) : (
        <SyncedPartnerSummary values={values} locale={locale} idSuffix="record" {...(values.name ? { title: values.name } : {})} />
      )}
    </Flex>
  );
}
