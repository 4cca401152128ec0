import type { StageHistoryEntry } from '../../../shared/view/card-view.ts';
import type { DealStatus, PartnerType, StageId } from '../../../shared/journey/stages.ts';
import { AS_OF, daysAgo } from '../../support/journey-builders.ts';

/** A deal as the service keeps it: the engine's facts plus what the card shows. */
export interface DealRecord {
  readonly id: string;
  readonly name: string;
  readonly partnerIds: readonly string[];
  readonly createdAt: string;
  readonly registeredAt?: string;
  readonly closedAt?: string;
  readonly status: DealStatus;
  readonly amount: number;
}

/** A partner as the service keeps it; official stage, history and done actions change during a test. */
export interface PartnerRecord {
  readonly id: string;
  readonly name: string;
  readonly type: PartnerType;
  readonly joinedAt: string;
  readonly certifications: number;
  readonly hasJointBusinessPlan: boolean;
  readonly lastActivityAt: string;
  officialStage: StageId;
  history: (StageHistoryEntry & { readonly id: string })[];
  completedActionIds: string[];
}

export const SCENARIO_AS_OF = AS_OF;

const won = (id: string, partnerId: string, closedDaysAgo: number, amount: number): DealRecord => ({
  id,
  name: `Won deal ${id}`,
  partnerIds: [partnerId],
  createdAt: daysAgo(closedDaysAgo + 30),
  registeredAt: daysAgo(closedDaysAgo + 30),
  closedAt: daysAgo(closedDaysAgo),
  status: 'won',
  amount,
});

/**
 * Six partners across the four stages and three health states, and an open deal that would lift
 * Acme from First revenue to Acceleration (2 won deals and 21,000 now; 3 and 29,000 with it).
 */
export function demoScenario(): { partners: PartnerRecord[]; deals: DealRecord[] } {
  const partner = (p: Omit<PartnerRecord, 'history' | 'completedActionIds'> & Partial<PartnerRecord>): PartnerRecord => ({
    history: [],
    completedActionIds: [],
    ...p,
  });
  const partners = [
    partner({
      id: 'p-acme',
      name: 'Acme Integrations',
      type: 'channel',
      joinedAt: daysAgo(400),
      certifications: 1,
      hasJointBusinessPlan: false,
      lastActivityAt: daysAgo(3),
      officialStage: 'recruit',
      history: [
        { id: 'h-1', at: `${daysAgo(390)}T09:30:00Z`, from: null, to: 'recruit', source: 'sync', actor: 'sync', reason: 'First seen by the sync' },
      ],
    }),
    partner({
      id: 'p-borealis',
      name: 'Borealis Cloud',
      type: 'technology',
      joinedAt: daysAgo(800),
      certifications: 3,
      hasJointBusinessPlan: true,
      lastActivityAt: daysAgo(2),
      officialStage: 'mature',
    }),
    partner({
      id: 'p-cobalt',
      name: 'Cobalt Consulting',
      type: 'strategic',
      joinedAt: daysAgo(500),
      certifications: 0,
      hasJointBusinessPlan: false,
      lastActivityAt: daysAgo(120),
      officialStage: 'recruit',
    }),
    partner({
      id: 'p-delta',
      name: 'Delta Resellers',
      type: 'channel',
      joinedAt: daysAgo(600),
      certifications: 1,
      hasJointBusinessPlan: true,
      lastActivityAt: daysAgo(50),
      officialStage: 'accelerate',
    }),
    partner({
      id: 'p-evergreen',
      name: 'Evergreen Systems',
      type: 'technology',
      joinedAt: daysAgo(20),
      certifications: 0,
      hasJointBusinessPlan: false,
      lastActivityAt: daysAgo(5),
      officialStage: 'recruit',
    }),
    partner({
      id: 'p-fjord',
      name: 'Fjord Partners',
      type: 'strategic',
      joinedAt: daysAgo(300),
      certifications: 0,
      hasJointBusinessPlan: false,
      lastActivityAt: daysAgo(10),
      officialStage: 'activate',
    }),
  ];
  const deals: DealRecord[] = [
    won('d-acme-1', 'p-acme', 40, 12_000),
    won('d-acme-2', 'p-acme', 120, 9_000),
    {
      id: 'd-globex',
      name: 'Globex rollout',
      partnerIds: ['p-acme'],
      createdAt: daysAgo(20),
      registeredAt: daysAgo(20),
      status: 'open',
      amount: 8_000,
    },
    ...[10, 100, 190, 280].map((d, i) => won(`d-bor-${i}`, 'p-borealis', d, 30_000)),
    won('d-delta-1', 'p-delta', 60, 15_000),
    won('d-delta-2', 'p-delta', 150, 15_000),
    won('d-delta-3', 'p-delta', 250, 10_000),
    won('d-fjord-1', 'p-fjord', 90, 6_000),
  ];
  return { partners, deals };
}
