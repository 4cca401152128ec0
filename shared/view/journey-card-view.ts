import type { PartnerJourney } from '../api/journey-api.ts';
import type { Locale } from '../i18n/locale.ts';
import { buildCardView, type CardView } from './card-view.ts';

/** The card view of a partner journey as the service sends it: one mapping for both cards. */
export function cardViewOfJourney(journey: PartnerJourney, locale: Locale): CardView {
  return buildCardView({
    locale,
    partnerName: journey.partner.name,
    partnerType: journey.partner.type,
    evaluation: journey.evaluation,
    officialStage: journey.officialStage,
    history: journey.history,
    completedActionIds: journey.completedActionIds,
  });
}
