import type { UiText } from '../../../../shared/i18n/messages.ts';
import type { CardView } from '../../../../shared/view/card-view.ts';
import { Heading } from './Heading.tsx';

export function StageHistory({ history, ui }: { readonly history: CardView['history']; readonly ui: UiText }) {
  return (
    <section className="card-section">
      <Heading>{ui.history}</Heading>
      {history.length === 0 ? (
        <p className="muted">{ui.noHistory}</p>
      ) : (
        <ol className="history">
          {history.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className="history-entry">
              <p>
                <strong>{entry.change}</strong>
              </p>
              <p className="muted">
                {entry.at} · {entry.source} · {entry.actor}
              </p>
              {entry.reason ? <p className="history-reason">“{entry.reason}”</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
