import { useState } from 'react';
import type { JourneyResponse } from '../../../../shared/api/journey-api.ts';
import { isActionId } from '../../../../shared/journey/actions.ts';
import type { UiText } from '../../../../shared/i18n/messages.ts';
import type { CardView } from '../../../../shared/view/card-view.ts';
import { useAnnounce } from '../announce.ts';
import { describeError } from '../describe-error.ts';
import type { JourneyApi } from '../journey-api.ts';
import type { WebText } from '../text/web-text.ts';
import { asApiError } from '../use-journey.ts';
import { ActionItem } from './ActionItem.tsx';
import { Heading } from './Heading.tsx';

interface ActionListProps {
  readonly partnerId: string;
  readonly actions: CardView['actions'];
  readonly api: JourneyApi;
  readonly ui: UiText;
  readonly text: WebText;
  readonly onUpdate: (response: JourneyResponse) => void;
}

export function ActionList({ partnerId, actions, api, ui, text, onUpdate }: ActionListProps) {
  const announce = useAnnounce();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);

  async function toggle(id: string, title: string, done: boolean) {
    if (!isActionId(id)) return;
    setBusyId(id);
    setFailure(null);
    try {
      onUpdate(await api.setActionDone({ objectId: partnerId, actionId: id, done }));
      announce(done ? text.actionDone(title) : text.actionReopened(title));
    } catch (error) {
      setFailure({ id, message: describeError(asApiError(error), text) });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="card-section">
      <Heading>{ui.nextActions}</Heading>
      {actions.length === 0 ? (
        <p className="muted">{ui.noActions}</p>
      ) : (
        <ol className="actions">
          {actions.map((action) => (
            <ActionItem
              key={action.id}
              action={action}
              ui={ui}
              busy={busyId === action.id}
              error={failure?.id === action.id ? failure.message : null}
              onToggle={(done) => void toggle(action.id, action.title, done)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
