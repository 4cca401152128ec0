import { EmptyState, Flex, Heading, StatusTag, StepIndicator, Tag, Text, Tile } from '@hubspot/ui-extensions';
import { cardTextFor } from '../card-text.ts';
import type { JourneyResponse } from '../vendor/shared/api/journey-api.ts';
import type { Locale } from '../vendor/shared/i18n/locale.ts';
import { describeWhatIf } from '../vendor/shared/view/card-view.ts';
import { cardViewOfJourney } from '../vendor/shared/view/journey-card-view.ts';

export type DealResponse = Extract<JourneyResponse, { kind: 'deal' }>;

/** A deal record: each partner on the deal, where it stands, and what closing this deal would do to it. */
export function DealPartnersView({ response, locale }: { readonly response: DealResponse; readonly locale: Locale }) {
  const text = cardTextFor(locale);
  if (response.partners.length === 0) {
    return (
      <EmptyState title={text.noPartnersTitle} imageName="deals" layout="vertical">
        {text.noPartnersBody}
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <Heading>{text.partnersOnDeal}</Heading>
      {response.partners.map(({ journey, whatIf }) => {
        const view = cardViewOfJourney(journey, locale);
        const next = view.actions[0];
        return (
          <Tile key={journey.partner.id} testId={`partner-${journey.partner.id}`}>
            <Flex direction="column" gap="xs">
              <Flex direction="row" gap="sm" align="center" wrap>
                <Heading inline>{view.partnerName}</Heading>
                <Tag variant="info">{view.partnerTypeLabel}</Tag>
                <StatusTag variant={view.health.variant}>{view.health.label}</StatusTag>
              </Flex>
              <StepIndicator stepNames={[...view.stepNames]} currentStep={view.currentStep} variant="compact" />
              {whatIf ? (
                <Text format={{ fontWeight: 'demibold' }} testId={`what-if-${journey.partner.id}`}>
                  {describeWhatIf(whatIf, view.partnerName, locale)}
                </Text>
              ) : null}
              {next ? <Text>{`${text.nextAction}: ${next.title}`}</Text> : null}
            </Flex>
          </Tile>
        );
      })}
    </Flex>
  );
}
