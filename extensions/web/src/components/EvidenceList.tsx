import type { CardView } from '../../../../shared/view/card-view.ts';
import type { WebText } from '../text/web-text.ts';
import { Heading, Section } from './Heading.tsx';

/** "What the next stage needs": each criterion in words, met or not, with a bar for sighted readers. */
export function EvidenceList({ view, text }: { readonly view: CardView; readonly text: WebText }) {
  return (
    <section className="card-section">
      <Heading>{view.evidenceTitle}</Heading>
      <Section>
        <ul className="evidence">
          {view.evidence.map((item) => (
            <li key={item.label} className={item.met ? 'is-met' : 'is-missing'}>
              <span className="evidence-mark" aria-hidden="true">
                {item.met ? '✓' : '○'}
              </span>
              <span className="evidence-label">
                {item.label} <span className="evidence-state">({item.met ? text.evidenceMet : text.evidenceMissing})</span>
              </span>
              <progress className="evidence-bar" max={100} value={Math.round(item.progress * 100)} aria-hidden="true" />
            </li>
          ))}
        </ul>
      </Section>
    </section>
  );
}
