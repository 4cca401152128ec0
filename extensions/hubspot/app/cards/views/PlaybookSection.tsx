import { Accordion, Flex, List, Text } from '@hubspot/ui-extensions';
import type { CardText } from '../card-text.ts';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { CardView } from '../vendor/shared/view/card-view.ts';

/** The framework's key questions for the official stage, folded away until someone wants them. */
export function PlaybookSection({ view, text }: { readonly view: CardView; readonly text: CardText }) {
  const ui = messagesFor(view.locale).ui;
  const playbook = view.playbook;
  return (
    <Accordion title={`${ui.playbook}: ${view.stage.label}`} size="sm" testId="playbook">
      <Flex direction="column" gap="sm">
        <Text>
          <Text inline format={{ fontWeight: 'demibold' }}>{`${text.focus}: `}</Text>
          {playbook.focus}
        </Text>
        {playbook.questions.map((question) => (
          <Flex key={question.question} direction="column" gap="xs">
            <Text format={{ fontWeight: 'bold' }}>{question.question}</Text>
            <Text format={{ fontWeight: 'demibold' }}>{ui.consider}</Text>
            <List variant="unordered-styled">
              {question.consider.map((item) => (
                <Text key={item}>{item}</Text>
              ))}
            </List>
            <Text format={{ fontWeight: 'demibold' }}>{ui.potentialActions}</Text>
            <List variant="unordered-styled">
              {question.actions.map((item) => (
                <Text key={item}>{item}</Text>
              ))}
            </List>
          </Flex>
        ))}
      </Flex>
    </Accordion>
  );
}
