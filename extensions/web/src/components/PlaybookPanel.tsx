import type { UiText } from '../../../../shared/i18n/messages.ts';
import type { StagePlaybook } from '../../../../shared/playbook/playbook.ts';
import { Heading, Section } from './Heading.tsx';

interface PlaybookPanelProps {
  readonly playbook: StagePlaybook;
  readonly stageLabel: string;
  readonly ui: UiText;
}

/** The framework's guidance for the official stage; closed by default so the card stays short. */
export function PlaybookPanel({ playbook, stageLabel, ui }: PlaybookPanelProps) {
  return (
    <details className="card-section playbook">
      <summary>
        {ui.playbook}: {stageLabel}
      </summary>
      <Section>
        <p>{playbook.focus}</p>
        <Heading>{ui.keyQuestions}</Heading>
        <Section>
          {playbook.questions.map((q) => (
            <div key={q.question} className="playbook-question">
              <Heading>{q.question}</Heading>
              <p className="playbook-label">{ui.consider}</p>
              <ul>
                {q.consider.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p className="playbook-label">{ui.potentialActions}</p>
              <ul>
                {q.actions.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      </Section>
    </details>
  );
}
