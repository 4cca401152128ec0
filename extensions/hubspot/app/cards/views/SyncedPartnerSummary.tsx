import { DescriptionList, DescriptionListItem, Flex, Heading, StatusTag, StepIndicator, Text } from '@hubspot/ui-extensions';
import { cardTextFor } from '../card-text.ts';
import type { SyncedPartnerValues } from '../synced-properties.ts';
import { formatterFor } from '../vendor/shared/i18n/format.ts';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { Locale } from '../vendor/shared/i18n/locale.ts';
import { STAGE_IDS, stageIndex } from '../vendor/shared/journey/stages.ts';
import { formatKpi, HEALTH_VARIANTS } from '../vendor/shared/view/card-view.ts';

export interface SyncedPartnerSummaryProps {
  readonly values: SyncedPartnerValues;
  readonly locale: Locale;
  readonly title?: string;
  /** Keeps test ids unique when several partners are listed. */
  readonly idSuffix: string;
}

/** Stage, health, next action and the two synced KPIs, exactly as the sync last wrote them to the company. */
export function SyncedPartnerSummary({ values, locale, title, idSuffix }: SyncedPartnerSummaryProps) {
  const messages = messagesFor(locale);
  const text = cardTextFor(locale);
  const fmt = formatterFor(locale);
  const stage = values.stage ?? values.suggestedStage;
  const none = messages.ui.notApplicable;
  return (
    <Flex direction="column" gap="sm">
      {title ? <Heading>{title}</Heading> : null}
      {stage ? (
        <StepIndicator stepNames={STAGE_IDS.map((id) => messages.stageNames[id])} currentStep={stageIndex(stage)} testId={`synced-steps-${idSuffix}`} />
      ) : null}
      <DescriptionList direction="row">
        <DescriptionListItem label={messages.ui.officialStage}>
          <Text>{values.stage ? messages.stageNames[values.stage] : none}</Text>
        </DescriptionListItem>
        {values.suggestedStage && values.suggestedStage !== values.stage ? (
          <DescriptionListItem label={messages.ui.suggested}>
            <Text>{messages.stageNames[values.suggestedStage]}</Text>
          </DescriptionListItem>
        ) : null}
        <DescriptionListItem label={text.health}>
          {values.health ? (
            <StatusTag variant={HEALTH_VARIANTS[values.health]} testId={`synced-health-${idSuffix}`}>
              {messages.healthNames[values.health]}
            </StatusTag>
          ) : (
            <Text>{none}</Text>
          )}
        </DescriptionListItem>
        <DescriptionListItem label={messages.kpiLabels.wonRevenue12m}>
          <Text>{formatKpi('wonRevenue12m', values.wonRevenue12m, fmt, messages)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={messages.kpiLabels.wonDeals12m}>
          <Text>{formatKpi('wonDeals12m', values.wonDeals12m, fmt, messages)}</Text>
        </DescriptionListItem>
      </DescriptionList>
      <Text testId={`synced-next-action-${idSuffix}`}>
        <Text inline format={{ fontWeight: 'demibold' }}>{`${text.nextAction}: `}</Text>
        {values.nextAction ?? none}
      </Text>
    </Flex>
  );
}
