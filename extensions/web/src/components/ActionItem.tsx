import type { CardView } from '../../../../shared/view/card-view.ts';
import type { UiText } from '../../../../shared/i18n/messages.ts';

interface ActionItemProps {
  readonly action: CardView['actions'][number];
  readonly ui: UiText;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onToggle: (done: boolean) => void;
}

/**
 * One ranked action. While its request runs the button is aria-disabled rather than disabled, so
 * keyboard focus stays on it and lands on "Undo" afterwards.
 */
export function ActionItem({ action, ui, busy, error, onToggle }: ActionItemProps) {
  const errorId = `action-error-${action.id}`;
  const verb = action.done ? ui.markUndone : ui.markDone;
  return (
    <li className={`action${action.done ? ' is-done' : ''}`}>
      <p className="action-title">
        <strong>{action.title}</strong>
        {action.done ? (
          <span className="tag tag-success">
            <span aria-hidden="true">✓ </span>
            {ui.done}
          </span>
        ) : null}
      </p>
      <p className="action-reason">{action.reason}</p>
      <button
        type="button"
        className="button button-small"
        aria-label={`${verb}: ${action.title}`}
        aria-disabled={busy || undefined}
        aria-describedby={error ? errorId : undefined}
        onClick={() => {
          if (!busy) onToggle(!action.done);
        }}
      >
        {verb}
      </button>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
