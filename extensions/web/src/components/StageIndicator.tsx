import type { CardView } from '../../../../shared/view/card-view.ts';
import type { UiText } from '../../../../shared/i18n/messages.ts';
import type { WebText } from '../text/web-text.ts';

interface StageIndicatorProps {
  readonly view: CardView;
  readonly ui: UiText;
  readonly text: WebText;
}

/** The four steps with the official one marked; the suggestion is named in words, not only by colour. */
export function StageIndicator({ view, ui, text }: StageIndicatorProps) {
  const total = view.stepNames.length;
  const { suggestion } = view;
  return (
    <div className="stage">
      <p className="stage-official">
        {ui.officialStage}: <strong>{view.stage.label}</strong>{' '}
        <span className="muted">({text.stepOf(view.currentStep + 1, total)})</span>
      </p>
      <p className="muted">{view.stage.tagline}</p>
      {suggestion.differs ? (
        <p className={`stage-suggestion ${suggestion.higher ? 'is-higher' : 'is-lower'}`}>
          <span aria-hidden="true">{suggestion.higher ? '▲ ' : '▼ '}</span>
          {ui.suggested}: <strong>{suggestion.label}</strong> ({suggestion.higher ? text.suggestionHigher : text.suggestionLower})
        </p>
      ) : null}
      <ol className="steps" aria-label={text.journeySteps}>
        {view.stepNames.map((name, index) => {
          const state = index < view.currentStep ? 'is-past' : index === view.currentStep ? 'is-current' : 'is-future';
          const suggested = suggestion.differs && index === view.suggestedStep;
          return (
            <li
              key={view.stageIds[index]}
              className={`step ${state}${suggested ? ' is-suggested' : ''}`}
              aria-current={index === view.currentStep ? 'step' : undefined}
            >
              <span className="step-marker" aria-hidden="true">
                {index < view.currentStep ? '✓' : index + 1}
              </span>
              <span className="step-name">{name}</span>
              {suggested ? <span className="step-flag">{ui.suggested}</span> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
