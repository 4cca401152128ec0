import type { JourneyResponse } from '../../../../shared/api/journey-api.ts';
import { formatterFor } from '../../../../shared/i18n/format.ts';
import { messagesFor } from '../../../../shared/i18n/index.ts';
import { describeWhatIf } from '../../../../shared/view/card-view.ts';
import { formatDate } from '../format-date.ts';
import type { JourneyApi } from '../journey-api.ts';
import { webTextFor } from '../text/web-text.ts';
import { Heading, Section } from './Heading.tsx';
import { PartnerJourneyCard } from './PartnerJourneyCard.tsx';

type DealResponse = Extract<JourneyResponse, { kind: 'deal' }>;

interface DealJourneyCardProps {
  readonly response: DealResponse;
  readonly api: JourneyApi;
  readonly onUpdate: (response: JourneyResponse) => void;
}

/** A deal, then each of its partners with what closing the deal would do to them. */
export function DealJourneyCard({ response, api, onUpdate }: DealJourneyCardProps) {
  const { deal, locale } = response;
  const text = webTextFor(locale);
  const ui = messagesFor(locale).ui;
  const fmt = formatterFor(locale);
  return (
    <article className="journey-card deal-card" lang={locale} aria-labelledby={`deal-${deal.id}`}>
      <header className="card-header">
        <Heading id={`deal-${deal.id}`} className="card-title" tabIndex={-1} data-card-title="">
          {deal.name}
        </Heading>
        <p className="muted">{text.deal}</p>
      </header>
      <dl className="kpis deal-facts">
        <div className="kpi">
          <dt>{text.status}</dt>
          <dd>{text.dealStatus[deal.status]}</dd>
        </div>
        <div className="kpi">
          <dt>{text.amount}</dt>
          <dd>{deal.amount === null ? ui.notApplicable : fmt.amount(deal.amount)}</dd>
        </div>
        <div className="kpi">
          <dt>{text.closeDate}</dt>
          <dd>{deal.closedAt ? formatDate(deal.closedAt, locale) : ui.notApplicable}</dd>
        </div>
      </dl>
      <Section>
        <section className="card-section" aria-labelledby={`deal-${deal.id}-partners`}>
          <Heading id={`deal-${deal.id}-partners`}>{text.dealPartners}</Heading>
          {response.partners.length === 0 ? <p className="muted">{text.noDealPartners}</p> : null}
          <Section>
            {response.partners.map(({ journey, whatIf }) => (
              <PartnerJourneyCard
                key={journey.partner.id}
                journey={journey}
                locale={locale}
                role={response.role}
                api={api}
                onUpdate={onUpdate}
                {...(whatIf ? { lead: describeWhatIf(whatIf, journey.partner.name, locale) } : {})}
              />
            ))}
          </Section>
        </section>
      </Section>
    </article>
  );
}
