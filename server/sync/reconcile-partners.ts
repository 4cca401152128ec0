import { messagesFor } from '../../shared/i18n/index.ts';
import { decideOfficialStage, type PersonDecision } from '../../shared/journey/stage-ownership.ts';
import { compareStages, type PartnerType, type StageId } from '../../shared/journey/stages.ts';
import type { OutputUpdate, PartnerOutputs } from '../crm/crm-adapter.ts';
import { AppError } from '../errors/app-error.ts';
import type { StoredEvaluation, StoredPartner } from '../storage/journey-store.ts';
import { CLEARED_WHEN_NOT_PARTNER, changedOutputs, desiredOutputs } from './desired-outputs.ts';
import { evaluateStoredPartner, evidenceSnapshot, type StoredPartnerEvaluation } from './evaluate-stored-partner.ts';
import { notePendingWrites } from './pending-writes.ts';
import { CRM_NAMES, SYNC_ACTOR, type SyncContext } from './sync-context.ts';

/**
 * Brings a batch of partners to their journey: evaluates each from the stored facts, records a
 * hand edit of the stage seen in the CRM, promotes when the evidence rises (never demotes), and
 * writes back only the output fields whose values changed.
 *
 * Crash safety: a stage change is committed (history row + official stage) before the CRM write,
 * and what the CRM holds is recorded only after the write succeeds, so a run killed anywhere and
 * started again neither repeats a history row nor a write.
 *
 * A stage change is recorded only if the official stage is still the one it was decided from. When
 * someone (a manager's card, another sync) changed it meanwhile, that partner is decided once more
 * from what they left; a second collision fails the run, and the next run starts from the page.
 *
 * `observed` holds our fields as just read from the CRM for some partners.
 */
export async function reconcilePartners(
  ctx: SyncContext,
  partnerIds: readonly string[],
  observed: ReadonlyMap<string, PartnerOutputs> = new Map(),
): Promise<void> {
  const raced = await reconcileBatch(ctx, partnerIds, observed);
  if (raced.length === 0) return;
  ctx.log.info({ tenant: ctx.tenant, partnerIds: raced }, 'stage changed by someone else during the sync; deciding again');
  const again = await reconcileBatch(ctx, raced, observed);
  if (again.length > 0) throw new AppError('conflict', `the stage of partners ${again.join(', ')} keeps changing during the sync; the next run decides again`);
}

/** Returns the partners whose stage changed under the batch (nothing was recorded or written for them). */
async function reconcileBatch(ctx: SyncContext, partnerIds: readonly string[], observed: ReadonlyMap<string, PartnerOutputs>): Promise<string[]> {
  if (partnerIds.length === 0) return [];
  const { store, tenant } = ctx;
  const partners = await store.getPartners(tenant, partnerIds);
  const dealsByPartner = await store.dealsOfPartners(
    tenant,
    partners.filter((p) => p.type !== null).map((p) => p.partnerId),
  );
  const now = ctx.now();
  const updates: OutputUpdate[] = [];
  const evaluations: StoredEvaluation[] = [];
  const raced: string[] = [];

  for (const partner of partners) {
    const seen = observed.get(partner.partnerId);
    const current = seen ?? partner.crmOutputs;
    if (partner.type === null) {
      await recordSeen(ctx, partner, seen);
      pushChanges(updates, partner.partnerId, changedOutputs(CLEARED_WHEN_NOT_PARTNER, current));
      continue;
    }
    const deals = dealsByPartner.get(partner.partnerId) ?? [];
    let result = evaluateStoredPartner({ ...partner, type: partner.type }, deals, { now, locale: ctx.locale, rules: ctx.rules });
    let official = { stage: partner.officialStage, changedAt: partner.stageChangedAt, changedBy: partner.stageChangedBy };

    try {
      if (seen?.stage && isHandEdit(seen.stage, partner)) {
        official = await recordHandEdit(ctx, partner, seen.stage, result, now);
        result = reevaluate(ctx, partner, official.stage, deals, now);
      }
      // Recorded only now: a run killed before the hand edit's row still finds the edit next time,
      // since the last known CRM value it is told from is still the one before the edit.
      await recordSeen(ctx, partner, seen);
      const decision = decideOfficialStage(
        official.stage,
        result.evaluation.suggestedStage,
        await lastPersonDecision(ctx, partner, official.stage, result.evaluation.suggestedStage),
      );
      if (decision.kind !== 'keep') {
        official = await recordSyncChange(ctx, partner.partnerId, official.stage, decision, result, now);
        result = reevaluate(ctx, partner, official.stage, deals, now);
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
      raced.push(partner.partnerId);
      continue;
    }
    ctx.report.evaluated += 1;
    evaluations.push({
      partnerId: partner.partnerId,
      asOf: result.evaluation.asOf,
      suggestedStage: result.evaluation.suggestedStage,
      health: result.evaluation.health,
      data: evidenceSnapshot(result.evaluation),
      evaluatedAt: new Date(now).toISOString(),
    });
    const stage = official.stage ?? result.evaluation.suggestedStage;
    const desired = desiredOutputs(result.evaluation, { stage, changedAt: official.changedAt, changedBy: official.changedBy });
    pushChanges(updates, partner.partnerId, changedOutputs(desired, current));
  }

  await store.saveEvaluations(tenant, evaluations);
  await writeBack(ctx, updates);
  return raced;
}

/** Most reads find what we last wrote: only a difference is worth a database write. */
async function recordSeen(ctx: SyncContext, partner: StoredPartner, seen: PartnerOutputs | undefined): Promise<void> {
  if (seen && Object.keys(changedOutputs(seen, partner.crmOutputs)).length > 0) await ctx.store.recordCrmOutputs(ctx.tenant, partner.partnerId, seen);
}

/** A stage in the CRM that is neither ours nor the last value we knew there was put there by a person. */
function isHandEdit(crmStage: StageId, partner: StoredPartner): boolean {
  return crmStage !== partner.officialStage && crmStage !== partner.crmOutputs.stage;
}

async function recordHandEdit(ctx: SyncContext, partner: StoredPartner, to: StageId, result: StoredPartnerEvaluation, now: number) {
  const at = new Date(now).toISOString();
  const actor = CRM_NAMES[ctx.adapter.kind];
  const { row } = await ctx.store.changeStage(ctx.tenant, {
    partnerId: partner.partnerId,
    to,
    source: 'crm-edit',
    actor,
    reason: messagesFor(ctx.locale).ui.crmEditReason(actor),
    evidence: evidenceSnapshot(result.evaluation),
    at,
    expectedFrom: partner.officialStage,
  });
  ctx.report.crmEdits += 1;
  return { stage: to, changedAt: row.at, changedBy: row.actor };
}

async function recordSyncChange(
  ctx: SyncContext,
  partnerId: string,
  from: StageId | null,
  { kind, to }: { readonly kind: 'initial' | 'promote'; readonly to: StageId },
  result: StoredPartnerEvaluation,
  now: number,
) {
  const messages = messagesFor(ctx.locale);
  const stageName = messages.stageNames[to];
  const reason =
    kind === 'initial'
      ? messages.ui.syncInitialReason(stageName)
      : messages.ui.syncPromotionReason(stageName, metEvidence(result, to));
  const { row } = await ctx.store.changeStage(ctx.tenant, {
    partnerId,
    to,
    source: 'sync',
    actor: SYNC_ACTOR,
    reason,
    evidence: evidenceSnapshot(result.evaluation),
    at: new Date(now).toISOString(),
    expectedFrom: from,
  });
  if (kind === 'promote') ctx.report.promotions += 1;
  return { stage: to, changedAt: row.at, changedBy: row.actor };
}

/** The criteria of the reached stage, as the journey measured them ("3 of 3 won deals…"). */
function metEvidence(result: StoredPartnerEvaluation, stage: StageId): string {
  return result.evaluation.evidence
    .filter((e) => e.stage === stage && e.met)
    .map((e) => e.label)
    .join('; ');
}

/** The suggestion in force when a person last set the stage, if the last change was a person's. */
async function lastPersonDecision(
  ctx: SyncContext,
  partner: StoredPartner,
  official: StageId | null,
  suggested: StageId,
): Promise<PersonDecision | null> {
  if (official === null || compareStages(suggested, official) <= 0) return null;
  const history = await ctx.store.stageHistory(ctx.tenant, partner.partnerId);
  const last = history.at(-1);
  if (!last || last.source === 'sync') return null;
  const snapshot = last.evidence as { suggestedStage?: StageId } | null;
  return { suggestedStage: snapshot?.suggestedStage ?? null };
}

function reevaluate(ctx: SyncContext, partner: StoredPartner, official: StageId | null, deals: Parameters<typeof evaluateStoredPartner>[1], now: number) {
  const typed = { ...partner, type: partner.type as PartnerType, officialStage: official };
  return evaluateStoredPartner(typed, deals, { now, locale: ctx.locale, rules: ctx.rules });
}

function pushChanges(updates: OutputUpdate[], partnerId: string, outputs: Partial<PartnerOutputs>): void {
  if (Object.keys(outputs).length > 0) updates.push({ partnerId, outputs });
}

async function writeBack(ctx: SyncContext, updates: readonly OutputUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const result = await ctx.adapter.writePartnerOutputs(updates);
  const written = new Set(result.written);
  for (const update of updates) {
    if (!written.has(update.partnerId)) continue;
    await ctx.store.recordCrmOutputs(ctx.tenant, update.partnerId, update.outputs);
    ctx.report.recordsWritten += 1;
    ctx.report.fieldsWritten += Object.keys(update.outputs).length;
  }
  for (const failure of result.failed) {
    ctx.report.writeFailures.push({ ...failure });
    ctx.log.warn({ partnerId: failure.partnerId, code: failure.code }, 'partner fields not written; the next run retries');
  }
  await notePendingWrites(ctx.store, ctx.tenant, result.failed.map((f) => f.partnerId), result.written);
}
