import { messagesFor } from '../../shared/i18n/index.ts';
import { describeJourney } from '../../shared/journey/evaluate.ts';
import { STAGE_IDS, stageIndex, type StageId } from '../../shared/journey/stages.ts';
import type { RulesDocument } from '../../shared/journey/rules.ts';
import { toIsoDate } from '../../shared/time/iso-date.ts';
import { isCurrentPartner, journeyOf, partnerInput } from '../../server/journey/partner-evaluation.ts';
import type { JourneyStore, StoredDeal } from '../../server/storage/journey-store.ts';
import { SYNC_ACTOR } from '../../server/sync/sync-context.ts';
import { evidenceSnapshot } from '../../server/sync/evaluate-stored-partner.ts';
import { demoDataset, type Dataset } from '../../server/demo/dataset.ts';

/**
 * A test fixture: the demo dataset written straight into a tenant of the store, for tests of the
 * service that need journeys without a CRM. (`npm start` fills its demo through the HubSpot
 * sandbox and the sync instead: server/demo/hubspot-demo.ts.)
 */
export const DEMO_TENANT = 'hubspot:demo';

export interface SeedReport {
  readonly partners: number;
  readonly deals: number;
  readonly stagesSet: number;
}

/**
 * Writes the demo dataset into a tenant through the store port. Idempotent: partners and deals
 * are upserted by id, and each partner's first official stage carries an idempotency key, so a
 * second run (even on another day) adds no history rows.
 */
export async function seedDemo(
  store: JourneyStore,
  tenant: string,
  now: number,
  options: { readonly rules?: RulesDocument | undefined; readonly dataset?: Dataset } = {},
): Promise<SeedReport> {
  const dataset = options.dataset ?? demoDataset(toIsoDate(now));
  const syncedAt = new Date(now).toISOString();
  await store.upsertPartners(
    tenant,
    dataset.partners.map((p) => ({
      partnerId: p.id,
      name: p.name,
      type: p.type,
      joinedAt: p.joinedAt,
      certifications: p.certifications,
      hasJointBusinessPlan: p.hasJointBusinessPlan,
      lastActivityAt: p.lastActivityAt,
      crmModifiedAt: null,
      syncedAt,
    })),
  );
  await store.upsertDeals(
    tenant,
    dataset.deals.map(
      (d): StoredDeal => ({
        dealId: d.id,
        name: d.name,
        partnerIds: [d.partnerId],
        createdAt: d.createdAt,
        closedAt: d.closedAt,
        status: d.status,
        amount: d.amount,
        registeredAt: d.registeredAt,
        crmModifiedAt: null,
      }),
    ),
  );

  const ids = dataset.partners.map((p) => p.id);
  const partners = (await store.getPartners(tenant, ids)).filter(isCurrentPartner);
  const deals = await store.dealsOfPartners(tenant, ids);
  const messages = messagesFor('en');
  let stagesSet = 0;
  for (const [index, partner] of partners.entries()) {
    if (partner.officialStage !== null) continue;
    const journey = journeyOf(partnerInput(partner, deals.get(partner.partnerId) ?? []), now, options.rules);
    const to = demoOfficialStage(journey.suggestedStage, index);
    const { created } = await store.changeStage(tenant, {
      partnerId: partner.partnerId,
      to,
      source: 'sync',
      actor: SYNC_ACTOR,
      reason: messages.ui.syncInitialReason(messages.stageNames[to]),
      evidence: evidenceSnapshot(describeJourney(journey, 'en')),
      at: syncedAt,
      idempotencyKey: `demo-seed:${partner.partnerId}`,
    });
    if (created) stagesSet += 1;
  }
  return { partners: dataset.partners.length, deals: dataset.deals.length, stagesSet };
}

/** Every sixth partner is one stage behind its evidence, so the demo shows a suggestion waiting for a manager. */
function demoOfficialStage(suggested: StageId, index: number): StageId {
  const behind = index % 6 === 5 && stageIndex(suggested) > 0;
  return behind ? (STAGE_IDS[stageIndex(suggested) - 1] as StageId) : suggested;
}
