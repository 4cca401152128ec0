import { Flex, Heading, Text, Tile, Toggle } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { CardView } from '../vendor/shared/view/card-view.ts';

export interface ActionsSectionProps {
  readonly view: CardView;
  readonly onToggle: (actionId: string, done: boolean) => Promise<void>;
}

/** The ranked next actions with their reasons; each can be marked done (or undone) by anyone who sees it. */
export function ActionsSection({ view, onToggle }: ActionsSectionProps) {
  const ui = messagesFor(view.locale).ui;
  const [saving, setSaving] = useState<string | null>(null);
  const toggle = async (actionId: string, done: boolean) => {
    setSaving(actionId);
    try {
      await onToggle(actionId, done);
    } finally {
      setSaving(null);
    }
  };
  return (
    <Flex direction="column" gap="xs">
      <Heading>{ui.nextActions}</Heading>
      {view.actions.length === 0 ? <Text>{ui.noActions}</Text> : null}
      {view.actions.map((action) => (
        <Tile key={action.id} compact testId={`action-${action.id}`}>
          <Flex direction="row" gap="sm" justify="between" align="start">
            <Flex direction="column" gap="flush">
              <Text format={{ fontWeight: 'bold', lineDecoration: action.done ? 'strikethrough' : 'none' }}>
                {`${action.priority}. ${action.title}`}
              </Text>
              <Text variant="microcopy">{action.reason}</Text>
            </Flex>
            <Toggle
              name={action.id}
              label={ui.done}
              labelDisplay="inline"
              checked={action.done}
              readOnly={saving !== null}
              onChange={(checked) => void toggle(action.id, checked)}
            />
          </Flex>
        </Tile>
      ))}
    </Flex>
  );
}
