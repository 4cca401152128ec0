import type { ActionRequest, JourneyResponse } from '../../shared/api/journey-api.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { JourneyDeps } from './journey-deps.ts';
import { getPartnerJourney, loadPartner } from './record-journey.ts';
import { assertRecordInScope } from './record-scope.ts';

/** Reps and managers mark a partner's action done or undone; each mark is a new row. */
export async function markAction(deps: JourneyDeps, viewer: Viewer, request: ActionRequest): Promise<JourneyResponse> {
  await assertRecordInScope(deps, viewer, { objectType: 'partner', objectId: request.objectId });
  const partner = await loadPartner(deps, viewer.tenant, request.objectId);
  await deps.store.setActionDone(viewer.tenant, {
    partnerId: partner.partnerId,
    actionId: request.actionId,
    done: request.done,
    actor: viewer.actor,
    at: new Date(deps.now()).toISOString(),
  });
  return getPartnerJourney(deps, viewer, partner.partnerId);
}
