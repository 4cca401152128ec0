import type { HealthId, StageId } from '../../shared/journey/stages.ts';

type Range = readonly [number, number];

/**
 * The journeys the demo partners follow, under the default rules (DESIGN.md §3). Every date is a
 * number of days before `asOf`, and every value keeps a margin from the thresholds, so the
 * intended stage and health hold on any day and with the generator's jitter (±4 days, ×0.9–1.15).
 */
export interface Profile {
  readonly stage: StageId;
  readonly health: HealthId;
  readonly joinedDaysAgo: Range;
  /** Days since the partner's last activity: no deal date or activity is more recent. */
  readonly quietDays: Range;
  /** The won deals that put the partner in its stage (days ago the deal closed, amount). */
  readonly wins: readonly { readonly daysAgo: number; readonly amount: number }[];
  /** Whether extra deals may be won in the last 12 months (only where that cannot change the stage). */
  readonly extraWins: boolean;
  /** Share of the other deals this profile receives (larger partners carry more pipeline). */
  readonly weight: number;
  readonly certifications: Range;
  readonly jointPlanChance: number;
}

export const PROFILES: readonly Profile[] = [
  { stage: 'recruit', health: 'healthy', joinedDaysAgo: [40, 200], quietDays: [1, 15], wins: [], extraWins: false, weight: 1, certifications: [0, 1], jointPlanChance: 0.2 },
  // 270+ days in the program without a win: the 9–12 month expectation is slipping.
  { stage: 'recruit', health: 'at_risk', joinedDaysAgo: [290, 360], quietDays: [2, 20], wins: [], extraWins: false, weight: 1, certifications: [0, 1], jointPlanChance: 0.3 },
  { stage: 'recruit', health: 'inactive', joinedDaysAgo: [200, 400], quietDays: [100, 150], wins: [], extraWins: false, weight: 1, certifications: [0, 0], jointPlanChance: 0 },
  {
    stage: 'activate', health: 'healthy', joinedDaysAgo: [250, 500], quietDays: [1, 20],
    wins: [{ daysAgo: 40, amount: 9_000 }, { daysAgo: 190, amount: 6_000 }],
    extraWins: false, weight: 2, certifications: [0, 2], jointPlanChance: 0.3,
  },
  { stage: 'activate', health: 'at_risk', joinedDaysAgo: [300, 500], quietDays: [55, 75], wins: [{ daysAgo: 120, amount: 12_000 }], extraWins: false, weight: 2, certifications: [0, 1], jointPlanChance: 0.2 },
  { stage: 'activate', health: 'inactive', joinedDaysAgo: [400, 600], quietDays: [110, 160], wins: [{ daysAgo: 250, amount: 8_000 }], extraWins: false, weight: 1, certifications: [0, 1], jointPlanChance: 0.1 },
  {
    // No win in the oldest quarter of the year, so the volume never reaches Maturity.
    stage: 'accelerate', health: 'healthy', joinedDaysAgo: [400, 700], quietDays: [1, 15],
    wins: [
      { daysAgo: 20, amount: 12_000 }, { daysAgo: 80, amount: 14_000 }, { daysAgo: 150, amount: 11_000 }, { daysAgo: 250, amount: 13_000 },
      { daysAgo: 420, amount: 15_000 }, { daysAgo: 560, amount: 12_000 },
    ],
    extraWins: false, weight: 3, certifications: [1, 3], jointPlanChance: 0.6,
  },
  {
    // Revenue fell to about a fifth of the year before.
    stage: 'accelerate', health: 'at_risk', joinedDaysAgo: [750, 900], quietDays: [3, 20],
    wins: [
      { daysAgo: 30, amount: 10_000 }, { daysAgo: 100, amount: 12_000 }, { daysAgo: 200, amount: 10_000 },
      { daysAgo: 400, amount: 50_000 }, { daysAgo: 500, amount: 60_000 }, { daysAgo: 620, amount: 40_000 },
    ],
    extraWins: false, weight: 3, certifications: [1, 3], jointPlanChance: 0.7,
  },
  {
    stage: 'accelerate', health: 'inactive', joinedDaysAgo: [500, 700], quietDays: [105, 150],
    wins: [{ daysAgo: 160, amount: 10_000 }, { daysAgo: 230, amount: 12_000 }, { daysAgo: 300, amount: 11_000 }],
    extraWins: false, weight: 2, certifications: [0, 2], jointPlanChance: 0.5,
  },
  {
    stage: 'mature', health: 'healthy', joinedDaysAgo: [600, 800], quietDays: [1, 10],
    wins: [
      { daysAgo: 25, amount: 35_000 }, { daysAgo: 130, amount: 30_000 }, { daysAgo: 210, amount: 32_000 }, { daysAgo: 310, amount: 33_000 },
      { daysAgo: 420, amount: 40_000 }, { daysAgo: 600, amount: 45_000 },
    ],
    extraWins: true, weight: 5, certifications: [2, 5], jointPlanChance: 0.9,
  },
  {
    // Still winning every quarter, but nobody has heard from them for almost two months.
    stage: 'mature', health: 'at_risk', joinedDaysAgo: [600, 800], quietDays: [50, 62],
    wins: [
      { daysAgo: 70, amount: 36_000 }, { daysAgo: 140, amount: 34_000 }, { daysAgo: 220, amount: 35_000 }, { daysAgo: 320, amount: 36_000 },
      { daysAgo: 450, amount: 50_000 },
    ],
    extraWins: true, weight: 4, certifications: [2, 4], jointPlanChance: 0.8,
  },
];
