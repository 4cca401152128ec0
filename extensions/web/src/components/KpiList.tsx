import type { CardView } from '../../../../shared/view/card-view.ts';
import { Heading } from './Heading.tsx';

export function KpiList({ kpis, title }: { readonly kpis: CardView['kpis']; readonly title: string }) {
  return (
    <section className="card-section">
      <Heading>{title}</Heading>
      <dl className="kpis">
        {kpis.map((kpi) => (
          <div key={kpi.id} className="kpi">
            <dt>{kpi.label}</dt>
            <dd>{kpi.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
