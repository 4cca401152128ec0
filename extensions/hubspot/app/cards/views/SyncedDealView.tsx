import { Alert, EmptyState, Flex, Heading, LoadingSpinner, Text, Tile } from '@hubspot/ui-extensions';
import { useAssociations } from '@hubspot/ui-extensions/crm';
import { cardTextFor } from '../card-text.ts';
import { COMPANY_TYPE_ID } from '../record-context.ts';
import { isPartner, readSyncedValues, SYNCED_PROPERTY_NAMES } from '../synced-properties.ts';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import { SyncedPartnerSummary } from './SyncedPartnerSummary.tsx';
import type { SyncedViewProps } from './SyncedCompanyView.tsx';

/** The deal→company association label that marks a deal's partner (DESIGN.md §4). */
export const PARTNER_ASSOCIATION_LABEL = 'Partner';

/** The service is out of reach: the deal's partner companies with the values the sync last wrote to them. */
export function SyncedDealView({ locale, notice }: SyncedViewProps) {
  const { results, isLoading } = useAssociations({ toObjectType: COMPANY_TYPE_ID, properties: [...SYNCED_PROPERTY_NAMES], pageLength: 20 });
  const text = cardTextFor(locale);
  if (isLoading) return <LoadingSpinner label={text.loading} layout="centered" />;
  const partners = results
    .filter((result) => result.associationTypes.some((type) => type.label?.toLowerCase() === PARTNER_ASSOCIATION_LABEL.toLowerCase()))
    .map((result) => ({ id: result.toObjectId, values: readSyncedValues(result.properties) }))
    .filter((partner) => isPartner(partner.values));
  return (
    <Flex direction="column" gap="md">
      <Alert variant="warning" title={messagesFor(locale).ui.syncedValues} testId="synced-notice">
        {notice ?? ''}
      </Alert>
      {partners.length === 0 ? (
        <EmptyState title={text.noPartnersTitle} imageName="deals" layout="vertical">
          <Text>{text.noPartnersBody}</Text>
        </EmptyState>
      ) : (
        <Flex direction="column" gap="sm">
          <Heading>{text.partnersOnDeal}</Heading>
          {partners.map(({ id, values }) => (
            <Tile key={id} testId={`synced-partner-${id}`}>
              <SyncedPartnerSummary values={values} locale={locale} idSuffix={String(id)} {...(values.name ? { title: values.name } : {})} />
            </Tile>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
