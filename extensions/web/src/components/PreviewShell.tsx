import { useEffect, useMemo, useState } from 'react';
import type { CardBoot } from '../../../../shared/api/card-boot.ts';
import type { Role } from '../../../../shared/api/journey-api.ts';
import type { Locale } from '../../../../shared/i18n/locale.ts';
import { describeError } from '../describe-error.ts';
import { createJourneyApi, openPreviewSession, type RecordRef } from '../journey-api.ts';
import { webTextFor } from '../text/web-text.ts';
import { asApiError } from '../use-journey.ts';
import { Announcer } from './Announcer.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Heading, Section } from './Heading.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { PartnerList } from './PartnerList.tsx';
import { RecordView } from './RecordView.tsx';
import { RoleSwitch } from './RoleSwitch.tsx';

type SessionState =
  | { readonly status: 'opening' }
  | { readonly status: 'open'; readonly token: string }
  | { readonly status: 'failed'; readonly message: string };

/** The demo page: pick a role and a partner, then use the card as that role would. */
export function PreviewShell({ boot }: { readonly boot: CardBoot }) {
  const [role, setRole] = useState<Role>('manager');
  const [locale, setLocale] = useState<Locale>(boot.locale);
  const [session, setSession] = useState<SessionState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [record, setRecord] = useState<RecordRef | null>(boot.record ?? null);
  const [picked, setPicked] = useState(false);
  const text = webTextFor(locale);
  const { apiBase } = boot;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    let current = true;
    setSession({ status: 'opening' });
    openPreviewSession(apiBase, role).then(
      (opened) => current && setSession({ status: 'open', token: opened.token }),
      (error: unknown) => current && setSession({ status: 'failed', message: describeError(asApiError(error), webTextFor(locale)) }),
    );
    return () => {
      current = false;
    };
    // The locale only words the failure; a new language does not need a new session.
  }, [apiBase, role, attempt]);

  const token = session.status === 'open' ? session.token : null;
  const api = useMemo(
    () =>
      token
        ? createJourneyApi({
            apiBase,
            token,
            locale,
            renewToken: () => openPreviewSession(apiBase, role).then((s) => s.token),
          })
        : null,
    [apiBase, token, locale, role],
  );

  return (
    <div className="app preview">
      <a className="skip-link" href="#pj-card">
        {text.skipToCard}
      </a>
      <header className="topbar">
        <Heading className="app-title">{text.previewTitle}</Heading>
        <div className="switches">
          <RoleSwitch role={role} text={text} onChange={setRole} />
          <LocaleSwitch locale={locale} text={text} onChange={setLocale} />
        </div>
      </header>
      <Section>
        <div className="preview-layout">
          {api ? (
            <PartnerList
              api={api}
              locale={locale}
              selectedId={record?.objectType === 'partner' ? record.objectId : null}
              onSelect={(p) => {
                setPicked(true);
                setRecord({ objectType: 'partner', objectId: p.id });
              }}
            />
          ) : null}
          <main id="pj-card" className="card-area" tabIndex={-1}>
            <Announcer>
              {session.status === 'failed' ? (
                <ErrorNotice message={session.message} text={text} onRetry={() => setAttempt((n) => n + 1)} />
              ) : session.status === 'opening' || !api ? (
                <p className="muted" role="status">
                  {text.loading}
                </p>
              ) : record ? (
                <RecordView api={api} record={record} locale={locale} focusOnLoad={picked} />
              ) : (
                <p className="muted">{text.choosePartner}</p>
              )}
            </Announcer>
          </main>
        </div>
      </Section>
    </div>
  );
}
