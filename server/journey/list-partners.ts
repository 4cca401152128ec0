import type { PartnerListItem } from '../../shared/api/journey-api.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { JourneyDeps } from './journey-deps.ts';
import { isCurrentPartner, journeyOf, partnerInput } from './partner-evaluation.ts';
import { assertUnbound } from './record-scope.ts';

export interface PartnerListRequest {
  readonly search?: string | undefined;
  readonly limit: number;
}

/** The partners of the viewer's tenant with their official stage, suggestion and health at `now`. */
export async function listPartners(deps: JourneyDeps, viewer: Viewer, request: PartnerListRequest): Promise<PartnerListItem[]> {
  assertUnbound(viewer);
  const partners = (await deps.store.listPartners(viewer.tenant, { limit: request.limit, search: request.search })).filter(
    isCurrentPartner,
  );
  const deals = await deps.store.dealsOfPartners(viewer.tenant, partners.map((p) => p.partnerId));
  const now = deps.now();
  return partners.map((partner) => {
    const journey = journeyOf(partnerInput(partner, deals.get(partner.partnerId) ?? []), now, deps.rules);
    return {
      id: partner.partnerId,
      name: partner.name,
      type: partner.type,
      officialStage: partner.officialStage ?? journey.suggestedStage,
      suggestedStage: journey.suggestedStage,
      health: journey.health,
    };
  });
}
