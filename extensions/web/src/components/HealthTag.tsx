import type { CardView, TagVariant } from '../../../../shared/view/card-view.ts';
import type { WebText } from '../text/web-text.ts';

const SYMBOLS: Record<TagVariant, string> = { success: '●', warning: '▲', danger: '■', info: 'ℹ', default: '○' };

/** A tag whose shape and word carry the meaning as much as its colour. */
export function HealthTag({ health, text }: { readonly health: CardView['health']; readonly text: WebText }) {
  return (
    <p className="health">
      {text.health}:{' '}
      <span className={`tag tag-${health.variant}`}>
        <span aria-hidden="true">{SYMBOLS[health.variant]} </span>
        {health.label}
      </span>
    </p>
  );
}
