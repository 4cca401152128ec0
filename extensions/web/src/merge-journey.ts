import type { JourneyResponse } from '../../../shared/api/journey-api.ts';

/**
 * Folds the answer of a change into what the card shows. A change made from a deal comes back as
 * the partner's journey, which replaces that partner inside the deal (its what-if does not depend
 * on the official stage or on done actions, so it stays valid).
 */
export function mergeJourney(current: JourneyResponse, update: JourneyResponse): JourneyResponse {
  if (current.kind === 'partner' || update.kind === 'deal') return update;
  const id = update.journey.partner.id;
  return {
    ...current,
    partners: current.partners.map((entry) => (entry.journey.partner.id === id ? { ...entry, journey: update.journey } : entry)),
  };
}
