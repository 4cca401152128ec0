import type { JourneyResponse, StageChangeRequest } from '../../shared/api/journey-api.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PartnerOutputs } from '../crm/crm-adapter.ts';
import { AppError } from '../errors/app-error.ts';
import type { StageChangeRow } from '../storage/journey-store.ts';
import { evidenceSnapshot } from '../sync/evaluate-stored-partner.ts';
import { notePendingWrites } from '../sync/pending-writes.ts';
import type { JourneyDeps, JourneyLogger } from './journey-deps.ts';
import { evaluationOf, partnerInput } from './partner-evaluation.ts';
import { getPartnerJourney, loadPartner } from './record-journey.ts';
import { assertRecordInScope } from './record-scope.ts';
import { changeStageAsUser } from './change-stage-as-user.ts';
import { assertSameChange } from './stage-change-conflict.ts';
import type { UserStageWriter } from '../crm/user-stage-writer.ts';

export interface StageChangeOptions {
  /** The viewer's own CRM session (Salesforce Canvas): the CRM is then written as them, first. */
  readonly writeAsUser?: UserStageWriter | null | undefined;
}

/**
 * A channel manager sets a partner's official stage. Without the viewer's CRM session, the
 * history row and the stage are committed together first; the CRM write (the service's
 * connection) comes after and may fail without losing the change (the next sync sees the CRM
 * still holds the old value and writes it). With it, see `changeStageAsUser`.
 */
export async function changePartnerStage(
  deps: JourneyDeps,
  viewer: Viewer,
  request: StageChangeRequest,
  log: JourneyLogger,
  options: StageChangeOptions = {},
): Promise<JourneyResponse> {
  if (viewer.role !== 'manager') {
    log.warn({ tenant: viewer.tenant, userId: viewer.userId, partnerId: request.objectId }, 'stage change refused: not a channel manager');
    throw new AppError('forbidden', 'only channel managers can change a partner stage');
  }
  await assertRecordInScope(deps, viewer, { objectType: 'partner', objectId: request.objectId });
  const partner = await loadPartner(deps, viewer.tenant, request.objectId);
  const deals = (await deps.store.dealsOfPartners(viewer.tenant, [partner.partnerId])).get(partner.partnerId) ?? [];
  const now = deps.now();
  const evaluation = evaluationOf(partnerInput(partner, deals), now, deps.rules, viewer.locale);
  if (options.writeAsUser) {
    await changeStageAsUser(deps, viewer, partner.partnerId, request, evidenceSnapshot(evaluation), options.writeAsUser, log);
    return getPartnerJourney(deps, viewer, partner.partnerId);
  }
  const { row, created } = await deps.store.changeStage(viewer.tenant, {
    partnerId: partner.partnerId,
    to: request.stage,
    source: 'manual',
    actor: viewer.actor,
    reason: request.reason,
    evidence: evidenceSnapshot(evaluation),
    at: new Date(now).toISOString(),
    idempotencyKey: request.idempotencyKey,
  });
  if (!created) assertSameChange(row, partner.partnerId, request.stage);
  if (created) {
    log.info({ tenant: viewer.tenant, partnerId: partner.partnerId, from: row.from, to: row.to, actor: row.actor }, 'stage changed');
    await writeToCrm(deps, viewer.tenant, row, log);
  }
  return getPartnerJourney(deps, viewer, partner.partnerId);
}

async function writeToCrm(deps: JourneyDeps, tenant: string, row: StageChangeRow, log: JourneyLogger): Promise<void> {
  const adapter = deps.crm.adapterFor(tenant);
  if (!adapter) return;
  const outputs: Partial<PartnerOutputs> = { stage: row.to, stageChangedAt: row.at, stageChangedBy: row.actor };
  // In the tenant's queue: the pending-writes list is shared with the sync, which also runs there.
  await deps.crm.exclusive(tenant, async () => {
    try {
      const report = await adapter.writePartnerOutputs([{ partnerId: row.partnerId, outputs }]);
      if (report.written.includes(row.partnerId)) {
        await deps.store.recordCrmOutputs(tenant, row.partnerId, outputs);
        return;
      }
      const failure = report.failed.find((f) => f.partnerId === row.partnerId);
      log.warn({ tenant, partnerId: row.partnerId, code: failure?.code }, 'stage saved, CRM not updated yet; the sync will write it');
    } catch (error) {
      log.warn({ tenant, partnerId: row.partnerId, err: error }, 'stage saved, CRM not updated yet; the sync will write it');
    }
    await notePendingWrites(deps.store, tenant, [row.partnerId]);
  });
}
