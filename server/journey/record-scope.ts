import type { RecordRef, Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors/app-error.ts';
import type { JourneyDeps } from './journey-deps.ts';

/**
 * A record-bound session (a Canvas page opened on one record) reaches that record only, and for
 * a deal, the deal's partners. Anything else answers "not found", so existence does not leak.
 */
export async function assertRecordInScope(deps: JourneyDeps, viewer: Viewer, target: RecordRef): Promise<void> {
  const bound = viewer.record;
  if (!bound) return;
  if (bound.objectType === target.objectType && bound.objectId === target.objectId) return;
  if (bound.objectType === 'deal' && target.objectType === 'partner') {
    const deal = await deps.store.getDeal(viewer.tenant, bound.objectId);
    if (deal?.partnerIds.includes(target.objectId)) return;
  }
  throw new AppError('not_found', `${target.objectType} ${target.objectId} is not known`);
}

/** Lists span many records, so a record-bound session cannot use them. */
export function assertUnbound(viewer: Viewer): void {
  if (viewer.record) throw new AppError('forbidden', 'this session is bound to one record');
}
