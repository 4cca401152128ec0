import { computeJourney, prepareFacts } from '../../shared/journey/evaluate.ts';
import { resolveThresholds } from '../../shared/journey/rules.ts';
import { STAGE_IDS, stageIndex, type StageId } from '../../shared/journey/stages.ts';
import type { SandboxState } from '../sandbox/hubspot/index.ts';
import type { Dataset, DatasetDeal, DatasetPartner } from './dataset.ts';

/** HubSpot-style numeric ids for the dataset's partners (p-001 → 1000001) and deals (d-00001 → 9000001). */
const COMPANY_ID_BASE = 1_000_000;
const DEAL_ID_BASE = 9_000_000;
const OPEN_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'] as const;

export interface SeedOutcome {
  readonly companies: number;
  readonly deals: number;
}

/**
 * Puts the demo dataset into the sandbox as people would have entered it: partner companies,
 * deals linked with the "Partner" label. Only ids the portal does not hold yet are created, so a
 * restart keeps what changed in the demo CRM and seeding twice duplicates nothing.
 */
export function seedHubspotSandbox(state: SandboxState, dataset: Dataset, now: number): SeedOutcome {
  const companyIds = new Map(dataset.partners.map((p, i) => [p.id, String(COMPANY_ID_BASE + i + 1)]));
  const dealsOf = new Map<string, DatasetDeal[]>();
  for (const deal of dataset.deals) dealsOf.set(deal.partnerId, [...(dealsOf.get(deal.partnerId) ?? []), deal]);

  let companies = 0;
  dataset.partners.forEach((partner, index) => {
    const id = companyIds.get(partner.id) ?? '';
    if (state.record('companies', id)) return;
    state.create('companies', companyProperties(partner, dealsOf.get(partner.id) ?? [], index, now), id);
    companies += 1;
  });

  let deals = 0;
  dataset.deals.forEach((deal, index) => {
    const id = String(DEAL_ID_BASE + index + 1);
    const companyId = companyIds.get(deal.partnerId);
    if (state.record('deals', id) || companyId === undefined) return;
    state.create('deals', dealProperties(deal, index), id);
    state.link(id, companyId, { partner: true });
    deals += 1;
  });
  return { companies, deals };
}

function companyProperties(partner: DatasetPartner, deals: readonly DatasetDeal[], index: number, now: number): Record<string, string> {
  const behind = stageBehind(partner, deals, index, now);
  return {
    name: partner.name,
    pj_partner_type: partner.type,
    pj_partner_since: partner.joinedAt,
    pj_certifications: String(partner.certifications),
    pj_joint_business_plan: String(partner.hasJointBusinessPlan),
    createdate: partner.joinedAt,
    ...(partner.lastActivityAt ? { notes_last_updated: partner.lastActivityAt } : {}),
    ...(behind ? { pj_stage: behind } : {}),
  };
}

/**
 * Every sixth partner already carries a stage one step behind its evidence, as if a channel
 * manager had set it in HubSpot: the demo then shows a suggestion waiting for a person.
 */
function stageBehind(partner: DatasetPartner, deals: readonly DatasetDeal[], index: number, now: number): StageId | null {
  if (index % 6 !== 5) return null;
  const facts = prepareFacts({ partner: { ...partner, stage: null }, deals: deals.map((d) => ({ ...d })) }, now);
  const suggested = computeJourney(facts, resolveThresholds(undefined, partner.type)).suggestedStage;
  return stageIndex(suggested) > 0 ? (STAGE_IDS[stageIndex(suggested) - 1] ?? null) : null;
}

function dealProperties(deal: DatasetDeal, index: number): Record<string, string> {
  const stage = deal.status === 'won' ? 'closedwon' : deal.status === 'lost' ? 'closedlost' : OPEN_STAGES[index % OPEN_STAGES.length];
  return {
    dealname: deal.name,
    amount: String(deal.amount),
    dealstage: stage ?? 'appointmentscheduled',
    createdate: deal.createdAt,
    ...(deal.closedAt ? { closedate: deal.closedAt } : {}),
    ...(deal.registeredAt ? { pj_registered_at: deal.registeredAt } : {}),
  };
}
