import { Flex, Heading, StatusTag, StepIndicator, Tag, Text } from '@hubspot/ui-extensions';
import type { CardText } from '../card-text.ts';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { CardView } from '../vendor/shared/view/card-view.ts';

export interface JourneyHeaderProps {
  readonly view: CardView;
  readonly text: CardText;
  readonly joinedAtInferred: boolean;
}

export function JourneyHeader({ view, text, joinedAtInferred }: JourneyHeaderProps) {
  const ui = messagesFor(view.locale).ui;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center" wrap>
        <Heading inline>{view.partnerName}</Heading>
        <Tag variant="info">{view.partnerTypeLabel}</Tag>
        <StatusTag variant={view.health.variant} testId="health">
          {view.health.label}
        </StatusTag>
      </Flex>
      <StepIndicator stepNames={[...view.stepNames]} currentStep={view.currentStep} testId="journey-steps" />
      <Text>
        <Text inline format={{ fontWeight: 'demibold' }}>{`${ui.officialStage}: ${view.stage.label}`}</Text>
        {` · ${view.stage.tagline}`}
      </Text>
      {view.suggestion.differs ? <Text testId="suggestion">{`${ui.suggested}: ${view.suggestion.label}`}</Text> : null}
      {joinedAtInferred ? <Text variant="microcopy">{text.joinedAtInferred}</Text> : null}
    </Flex>
  );
}
