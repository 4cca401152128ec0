import type { StageChangeRequest } from '../../shared/api/journey-api.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PartnerOutputs } from '../crm/crm-adapter.ts';
import type { StageChangeRow } from '../storage/journey-store.ts';
import type { JourneyDeps, JourneyLogger } from './journey-deps.ts';
import { assertSameChange } from './stage-change-conflict.ts';
import type { UserStageWriter } from '../crm/user-stage-writer.ts';

/**
 * A stage change from a session that holds the viewer's own CRM session (Salesforce Canvas).
 *
 * Order: the CRM first, as the user; our history row and official stage (one transaction) only
 * after the CRM saved it. A refusal (the user may not edit the field, the row is locked, the
 * session expired) therefore leaves nothing behind on either side. The reverse order could not
 * be undone: history is append-only.
 *
 * Why this is safe with the sync's hand-edit detection (a CRM stage that is neither the official
 * stage nor the last value we knew in the CRM is a person's edit): both steps run in the tenant's
 * queue, so no sync reads between them, and the CRM's new value is recorded as known in the same
 * breath. If the process dies between the two steps, the next sync finds the user's value in the
 * CRM, records it as a `crm-edit` row and keeps it: the user's decision stands, nothing is lost.
 */
export async function changeStageAsUser(
  deps: JourneyDeps,
  viewer: Viewer,
  partnerId: string,
  request: StageChangeRequest,
  evidence: unknown,
  writeAsUser: UserStageWriter,
  log: JourneyLogger,
): Promise<void> {
  await deps.crm.exclusive(viewer.tenant, async () => {
    const key = request.idempotencyKey;
    const earlier = key === undefined ? null : await deps.store.stageChangeByKey(viewer.tenant, key);
    if (earlier) {
      assertSameChange(earlier, partnerId, request.stage);
      return;
    }
    const at = new Date(deps.now()).toISOString();
    const outputs: Partial<PartnerOutputs> = { stage: request.stage, stageChangedAt: at, stageChangedBy: viewer.actor };
    try {
      await writeAsUser(partnerId, outputs);
    } catch (error) {
      log.warn({ tenant: viewer.tenant, userId: viewer.userId, partnerId, err: error }, 'stage change refused by the CRM; nothing changed');
      throw error;
    }
    const { row, created } = await deps.store.changeStage(viewer.tenant, {
      partnerId,
      to: request.stage,
      source: 'manual',
      actor: viewer.actor,
      reason: request.reason,
      evidence,
      at,
      idempotencyKey: key,
    });
    if (!created) {
      assertSameChange(row, partnerId, request.stage);
      return;
    }
    await deps.store.recordCrmOutputs(viewer.tenant, partnerId, crmOutputsOf(row));
    log.info({ tenant: viewer.tenant, partnerId, from: row.from, to: row.to, actor: row.actor }, 'stage changed as the CRM user');
  });
}

function crmOutputsOf(row: StageChangeRow): Partial<PartnerOutputs> {
  return { stage: row.to, stageChangedAt: row.at, stageChangedBy: row.actor };
}
