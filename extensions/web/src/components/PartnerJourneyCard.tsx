import type { JourneyResponse, PartnerJourney, Role } from '../../../../shared/api/journey-api.ts';
import type { Locale } from '../../../../shared/i18n/locale.ts';
import { messagesFor } from '../../../../shared/i18n/index.ts';
import { cardViewOfJourney } from '../../../../shared/view/journey-card-view.ts';
import { formatDate } from '../format-date.ts';
import type { JourneyApi } from '../journey-api.ts';
import { webTextFor } from '../text/web-text.ts';
import { ActionList } from './ActionList.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { Heading, Section } from './Heading.tsx';
import { HealthTag } from './HealthTag.tsx';
import { KpiList } from './KpiList.tsx';
import { PlaybookPanel } from './PlaybookPanel.tsx';
import { StageChangeForm } from './StageChangeForm.tsx';
import { StageHistory } from './StageHistory.tsx';
import { StageIndicator } from './StageIndicator.tsx';

interface PartnerJourneyCardProps {
  readonly journey: PartnerJourney;
  readonly locale: Locale;
  readonly role: Role;
  readonly api: JourneyApi;
  readonly onUpdate: (response: JourneyResponse) => void;
  /** Shown between the title and the stage (the what-if sentence on a deal). */
  readonly lead?: string;
}

export function PartnerJourneyCard({ journey, locale, role, api, onUpdate, lead }: PartnerJourneyCardProps) {
  const ui = messagesFor(locale).ui;
  const text = webTextFor(locale);
  const { partner } = journey;
  const view = cardViewOfJourney(journey, locale);
  return (
    <article className="journey-card" lang={locale} aria-labelledby={`partner-${partner.id}`}>
      <header className="card-header">
        <Heading id={`partner-${partner.id}`} className="card-title" tabIndex={-1} data-card-title="">
          {partner.name}
        </Heading>
        <p className="muted">
          {view.partnerTypeLabel} · {text.partnerSince(formatDate(partner.joinedAt, locale))}
          {partner.joinedAtInferred ? ` ${text.partnerSinceInferred}` : ''}
        </p>
      </header>
      <Section>
        {lead ? <p className="what-if">{lead}</p> : null}
        <StageIndicator view={view} ui={ui} text={text} />
        <HealthTag health={view.health} text={text} />
        <EvidenceList view={view} text={text} />
        <ActionList partnerId={partner.id} actions={view.actions} api={api} ui={ui} text={text} onUpdate={onUpdate} />
        {role === 'manager' ? (
          <StageChangeForm partnerId={partner.id} view={view} api={api} ui={ui} text={text} onUpdate={onUpdate} />
        ) : null}
        <KpiList kpis={view.kpis} title={ui.kpis} />
        <StageHistory history={view.history} ui={ui} />
        <PlaybookPanel playbook={view.playbook} stageLabel={view.stage.label} ui={ui} />
      </Section>
    </article>
  );
}
