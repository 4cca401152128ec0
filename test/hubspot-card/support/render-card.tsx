import { hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { JourneyCard } from '../../../extensions/hubspot/app/cards/JourneyCard.tsx';
import type { FakeJourneyService } from './fake-journey-service.ts';

export const SERVICE_ORIGIN = 'https://partner-journey.example.com';

export interface CardSetup {
  readonly objectTypeId: '0-2' | '0-3' | '0-1';
  readonly objectId: number;
  readonly locale?: string;
  /** null: the profile variable is missing. */
  readonly serviceOrigin?: string | null;
  readonly timeoutMs?: number;
  /** Runs before the first render, e.g. to make `useCrmProperties` return the record's values. */
  readonly beforeRender?: (mocks: ReturnType<typeof createRenderer<'crm.record.tab'>>['mocks']) => void;
}

/** Renders the card the way HubSpot would on a record, through HubSpot's own test renderer. */
export function renderCard(setup: CardSetup) {
  const renderer = createRenderer('crm.record.tab');
  const context = renderer.mocks.context;
  context.crm.objectTypeId = setup.objectTypeId;
  context.crm.objectId = setup.objectId;
  context.user.locale = setup.locale ?? 'en-us';
  context.variables = setup.serviceOrigin === null ? {} : { serviceOrigin: setup.serviceOrigin ?? SERVICE_ORIGIN };
  setup.beforeRender?.(renderer.mocks);
  renderer.render(setup.timeoutMs === undefined ? <JourneyCard /> : <JourneyCard requestTimeoutMs={setup.timeoutMs} />);
  return renderer;
}

/** The renderer does not mock hubspot.fetch; route it to the fake service for one test. */
export function routeFetchTo(service: FakeJourneyService): () => void {
  const original = hubspot.fetch;
  hubspot.fetch = service.fetch as typeof hubspot.fetch;
  return () => {
    hubspot.fetch = original;
  };
}

/** Calls an event prop with a value (the renderer's typing only admits the handler type itself). */
export function fire(node: { readonly trigger: unknown }, eventProp: string, value?: unknown): void {
  (node.trigger as (name: string, arg?: unknown) => void)(eventProp, value);
}

interface TextTree {
  readonly text?: string | null;
  readonly childNodes?: readonly TextTree[];
}

/** Every text under a node, in order (the renderer's own `text` covers direct text children only). */
export function textOf(node: TextTree): string {
  if (!node.childNodes) return node.text ?? '';
  return node.childNodes.map(textOf).filter((t) => t !== '').join(' ');
}
