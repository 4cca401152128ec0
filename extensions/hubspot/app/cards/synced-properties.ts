import { z } from 'zod';
import { HEALTH_IDS, PARTNER_TYPES, STAGE_IDS, type HealthId, type PartnerType, type StageId } from './vendor/shared/journey/stages.ts';

/** The partner outputs the sync writes to a company (DESIGN.md §4), read when the service is out of reach. */
export const SYNCED_PROPERTY_NAMES = [
  'name',
  'pj_partner_type',
  'pj_stage',
  'pj_suggested_stage',
  'pj_health',
  'pj_next_action',
  'pj_won_revenue_12m',
  'pj_won_deals_12m',
] as const;

export interface SyncedPartnerValues {
  readonly name: string | null;
  readonly partnerType: PartnerType | null;
  readonly stage: StageId | null;
  readonly suggestedStage: StageId | null;
  readonly health: HealthId | null;
  readonly nextAction: string | null;
  readonly wonRevenue12m: number | null;
  readonly wonDeals12m: number | null;
}

const text = z.unknown().transform((value): string | null => {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return raw === '' ? null : raw;
});

/** A CRM value that is empty or not one of ours reads as "not synced", never as an error on screen. */
const oneOf = <T extends string>(values: readonly T[]) =>
  text.transform((value): T | null => (value !== null && (values as readonly string[]).includes(value) ? (value as T) : null));

const count = text.transform((value) => {
  if (value === null) return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
});

const syncedSchema = z.object({
  name: text,
  pj_partner_type: oneOf(PARTNER_TYPES),
  pj_stage: oneOf(STAGE_IDS),
  pj_suggested_stage: oneOf(STAGE_IDS),
  pj_health: oneOf(HEALTH_IDS),
  pj_next_action: text,
  pj_won_revenue_12m: count,
  pj_won_deals_12m: count,
});

export function readSyncedValues(properties: Record<string, string | null | undefined>): SyncedPartnerValues {
  // An unset property may come back absent rather than null; both read as "not synced".
  const parsed = syncedSchema.parse(Object.fromEntries(SYNCED_PROPERTY_NAMES.map((name) => [name, properties[name] ?? null])));
  return {
    name: parsed.name,
    partnerType: parsed.pj_partner_type,
    stage: parsed.pj_stage,
    suggestedStage: parsed.pj_suggested_stage,
    health: parsed.pj_health,
    nextAction: parsed.pj_next_action,
    wonRevenue12m: parsed.pj_won_revenue_12m,
    wonDeals12m: parsed.pj_won_deals_12m,
  };
}

/** DESIGN.md §4: an empty partner type means not a partner, whatever stage the record kept from before. */
export function isPartner(values: SyncedPartnerValues): boolean {
  return values.partnerType !== null;
}
