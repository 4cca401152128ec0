import { Flex, Heading, ProgressBar } from '@hubspot/ui-extensions';
import type { CardView } from '../vendor/shared/view/card-view.ts';

/** The criteria of the next stage (or of staying at the top), each as a bar towards its threshold. */
export function EvidenceSection({ view }: { readonly view: CardView }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>{view.evidenceTitle}</Heading>
      {view.evidence.map((item) => (
        <ProgressBar
          key={item.label}
          title={item.label}
          value={Math.round(item.progress * 100)}
          maxValue={100}
          showPercentage
          variant={item.met ? 'success' : 'warning'}
        />
      ))}
    </Flex>
  );
}
