export const STAGE_IDS = ['recruit', 'activate', 'accelerate', 'mature'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const HEALTH_IDS = ['healthy', 'at_risk', 'inactive'] as const;
export type HealthId = (typeof HEALTH_IDS)[number];

export const PARTNER_TYPES = ['technology', 'channel', 'strategic'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Zero-based position of a stage in the journey; also the step index of the cards' indicators. */
export function stageIndex(stage: StageId): number {
  return STAGE_IDS.indexOf(stage);
}

export function nextStage(stage: StageId): StageId | null {
  return STAGE_IDS[stageIndex(stage) + 1] ?? null;
}

export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGE_IDS as readonly string[]).includes(value);
}

/** Positive when `a` is further along the journey than `b`. */
export function compareStages(a: StageId, b: StageId): number {
  return stageIndex(a) - stageIndex(b);
}
