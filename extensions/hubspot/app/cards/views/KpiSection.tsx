import { Flex, Heading, Statistics, StatisticsItem } from '@hubspot/ui-extensions';
import { messagesFor } from '../vendor/shared/i18n/index.ts';
import type { CardView } from '../vendor/shared/view/card-view.ts';

export function KpiSection({ view }: { readonly view: CardView }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>{messagesFor(view.locale).ui.kpis}</Heading>
      <Statistics>
        {view.kpis.map((kpi) => (
          <StatisticsItem key={kpi.id} id={kpi.id} label={kpi.label} number={kpi.value} />
        ))}
      </Statistics>
    </Flex>
  );
}
