import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PartnerListItem } from '../../../../shared/api/journey-api.ts';
import { messagesFor } from '../../../../shared/i18n/index.ts';
import type { Locale } from '../../../../shared/i18n/locale.ts';
import { describeError } from '../describe-error.ts';
import type { JourneyApi } from '../journey-api.ts';
import { webTextFor } from '../text/web-text.ts';
import { asApiError } from '../use-journey.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Heading } from './Heading.tsx';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

interface PartnerListProps {
  readonly api: JourneyApi;
  readonly locale: Locale;
  readonly selectedId: string | null;
  readonly onSelect: (partner: PartnerListItem) => void;
}

/** Search and pick a partner. Tab reaches the list; arrow keys, Home and End move within it. */
export function PartnerList({ api, locale, selectedId, onSelect }: PartnerListProps) {
  const text = webTextFor(locale);
  const messages = messagesFor(locale);
  const ids = useId();
  const [search, setSearch] = useState('');
  const [partners, setPartners] = useState<PartnerListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        api.listPartners(search.trim(), PAGE_SIZE).then(
          (found) => {
            if (!current) return;
            setPartners(found);
            setError(null);
          },
          (caught: unknown) => current && setError(describeError(asApiError(caught), text)),
        );
      },
      search ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, search, attempt, text]);

  function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.findIndex((b) => b === document.activeElement);
    const target =
      event.key === 'ArrowDown' ? buttons[Math.min(index + 1, buttons.length - 1)]
      : event.key === 'ArrowUp' ? buttons[Math.max(index - 1, 0)]
      : event.key === 'Home' ? buttons[0]
      : event.key === 'End' ? buttons[buttons.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  return (
    <nav className="partner-list" aria-labelledby={`${ids}-title`}>
      <Heading id={`${ids}-title`}>{text.partners}</Heading>
      <div className="field">
        <label htmlFor={`${ids}-search`}>{text.searchPartners}</label>
        <input
          id={`${ids}-search`}
          type="search"
          value={search}
          autoComplete="off"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <p className="muted" role="status">
        {partners ? (partners.length === 0 ? text.noPartners : text.partnersFound(partners.length)) : text.loading}
      </p>
      {error ? <ErrorNotice message={error} text={text} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {partners && partners.length > 0 ? (
        <ul ref={listRef} className="partner-items" onKeyDown={moveFocus}>
          {partners.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="partner-item"
                aria-current={p.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(p)}
              >
                <span className="partner-name">{p.name}</span>
                <span className="partner-meta">
                  {messages.partnerTypes[p.type]} · {messages.stageNames[p.officialStage]} · {messages.healthNames[p.health]}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}
