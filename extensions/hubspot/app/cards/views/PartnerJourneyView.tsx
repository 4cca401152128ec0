import type { AddAlertAction, refreshObjectPropertiesAction } from '@hubspot/ui-extensions';
import { Divider, Flex } from '@hubspot/ui-extensions';
import { cardTextFor } from '../card-text.ts';
import type { JourneyClient } from '../journey-client.ts';
import { actionRequestSchema, type JourneyResponse } from '../vendor/shared/api/journey-api.ts';
import type { Locale } from '../vendor/shared/i18n/locale.ts';
import { cardViewOfJourney } from '../vendor/shared/view/journey-card-view.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { JourneyHeader } from './JourneyHeader.tsx';
import { KpiSection } from './KpiSection.tsx';
import { PlaybookSection } from './PlaybookSection.tsx';
import { StageChangeForm } from './StageChangeForm.tsx';

export type PartnerResponse = Extract<JourneyResponse, { kind: 'partner' }>;

export interface PartnerJourneyViewProps {
  readonly response: PartnerResponse;
  readonly locale: Locale;
  /** The company record the card sits on; the service addresses the partner by it. */
  readonly objectId: string;
  readonly client: JourneyClient;
  readonly onJourney: (response: JourneyResponse) => void;
  readonly refreshRecord: refreshObjectPropertiesAction;
  readonly addAlert: AddAlertAction;
}

/** A company record: where the partner stands, why, what to do next, and (for channel managers) the stage control. */
export function PartnerJourneyView({ response, locale, objectId, client, onJourney, refreshRecord, addAlert }: PartnerJourneyViewProps) {
  const journey = response.journey;
  const text = cardTextFor(locale);
  const view = cardViewOfJourney(journey, locale);

  const toggleAction = async (actionId: string, done: boolean) => {
    const request = actionRequestSchema.safeParse({ objectId, actionId, done });
    const outcome = request.success ? await client.setActionDone(request.data) : null;
    if (outcome?.ok) onJourney(outcome.response);
    else addAlert({ type: 'danger', message: text.actionNotSaved });
  };

  return (
    <Flex direction="column" gap="md">
      <JourneyHeader view={view} text={text} joinedAtInferred={journey.partner.joinedAtInferred} />
      <Divider />
      <EvidenceSection view={view} />
      <KpiSection view={view} />
      <ActionsSection view={view} onToggle={toggleAction} />
      {response.role === 'manager' ? (
        <StageChangeForm
          view={view}
          text={text}
          objectId={objectId}
          client={client}
          onChanged={(next, stageLabel) => {
            onJourney(next);
            refreshRecord();
            addAlert({ type: 'success', message: text.stageChanged(stageLabel) });
          }}
        />
      ) : null}
      <HistorySection view={view} text={text} />
      <PlaybookSection view={view} text={text} />
    </Flex>
  );
}
