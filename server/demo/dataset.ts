import { DAY_MS, parseIsoDate, toIsoDate } from '../../shared/time/iso-date.ts';
import { PARTNER_TYPES, type DealStatus, type PartnerType } from '../../shared/journey/stages.ts';
import { AppError } from '../errors/app-error.ts';
import { dealName, partnerName } from './names.ts';
import { PROFILES, type Profile } from './profiles.ts';
import { SeededRandom } from './random.ts';

/**
 * A deterministic, vendor-neutral dataset of partners and deals: the demo tenant, the benchmarks
 * and both CRM sandboxes are filled from it. Dates are relative to `asOf`, so a dataset made on
 * any day spreads the same way over the journey's stages and health states.
 */
export interface DatasetPartner {
  readonly id: string;
  readonly name: string;
  readonly type: PartnerType;
  /** ISO date. */
  readonly joinedAt: string;
  readonly certifications: number;
  readonly hasJointBusinessPlan: boolean;
  readonly lastActivityAt: string | null;
}

export interface DatasetDeal {
  readonly id: string;
  readonly name: string;
  readonly partnerId: string;
  /** ISO date-time. */
  readonly createdAt: string;
  readonly registeredAt: string | null;
  /** ISO date; null while open. */
  readonly closedAt: string | null;
  readonly status: DealStatus;
  readonly amount: number;
}

export interface Dataset {
  readonly asOf: string;
  readonly partners: readonly DatasetPartner[];
  readonly deals: readonly DatasetDeal[];
}

export interface DatasetOptions {
  readonly partners: number;
  /** Total deals; at least the won deals the partners' journeys need. */
  readonly deals: number;
  readonly seed: number;
  /** ISO date or date-time the dataset is relative to. */
  readonly asOf: string;
}

const HISTORY_DAYS = 730;
const DEAL_STATUS_ODDS = { lost: 0.55, open: 0.3 } as const;

export function generateDataset(options: DatasetOptions): Dataset {
  const asOf = parseIsoDate(options.asOf);
  if (!asOf) throw new AppError('invalid_input', `asOf "${options.asOf}" is not an ISO-8601 date`);
  if (!Number.isInteger(options.partners) || options.partners < 0) throw new AppError('invalid_input', 'partners must be a whole number');
  const day0 = Math.floor(asOf.ms / DAY_MS) * DAY_MS;
  const plans = Array.from({ length: options.partners }, (_, index) => planPartner(index, options.seed, day0, options.partners));
  const required = plans.reduce((sum, plan) => sum + plan.deals.length, 0);
  if (!Number.isInteger(options.deals) || options.deals < required) {
    throw new AppError('invalid_input', `${options.partners} partners need at least ${required} deals (asked for ${options.deals})`);
  }

  const random = new SeededRandom(options.seed);
  const totalWeight = plans.reduce((sum, plan) => sum + plan.profile.weight, 0);
  for (let i = required; i < options.deals; i += 1) {
    const plan = pickWeighted(plans, totalWeight, random);
    plan.deals.push(extraDeal(plan, random, day0));
  }

  let sequence = 0;
  const width = Math.max(5, String(options.deals).length);
  const deals = plans.flatMap((plan) =>
    plan.deals.map((deal) => {
      sequence += 1;
      return { ...deal, id: `d-${String(sequence).padStart(width, '0')}` };
    }),
  );
  return { asOf: options.asOf, partners: plans.map((plan) => plan.partner), deals };
}

/** The demo tenant: about 40 partners of every type, stage and health, and several hundred deals over two years. */
export function demoDataset(asOf: string): Dataset {
  return generateDataset({ partners: 40, deals: 480, seed: 20_260_630, asOf });
}

interface PartnerPlan {
  readonly partner: DatasetPartner;
  readonly profile: Profile;
  readonly joinedDaysAgo: number;
  readonly quietDays: number;
  readonly deals: Omit<DatasetDeal, 'id'>[];
}

function planPartner(index: number, seed: number, day0: number, count: number): PartnerPlan {
  const random = SeededRandom.derive(seed, index);
  const profile = PROFILES[index % PROFILES.length] as Profile;
  const joinedDaysAgo = random.int(...profile.joinedDaysAgo);
  const quietDays = random.int(...profile.quietDays);
  const id = `p-${String(index + 1).padStart(Math.max(3, String(count).length), '0')}`;
  const partner: DatasetPartner = {
    id,
    name: partnerName(index),
    type: PARTNER_TYPES[index % PARTNER_TYPES.length] as PartnerType,
    joinedAt: dateAgo(day0, joinedDaysAgo),
    certifications: random.int(...profile.certifications),
    hasJointBusinessPlan: random.chance(profile.jointPlanChance),
    lastActivityAt: dateAgo(day0, quietDays),
  };
  const plan: PartnerPlan = { partner, profile, joinedDaysAgo, quietDays, deals: [] };
  for (const win of profile.wins) {
    const closedDaysAgo = Math.max(quietDays, win.daysAgo + random.int(-4, 4));
    plan.deals.push(closedDeal(plan, random, day0, 'won', closedDaysAgo, roundAmount(win.amount * (0.9 + random.next() * 0.25))));
  }
  return plan;
}

/** A deal beyond the ones the journey needs: lost or open, or won where a win cannot change the stage. */
function extraDeal(plan: PartnerPlan, random: SeededRandom, day0: number): Omit<DatasetDeal, 'id'> {
  const oldest = Math.min(plan.joinedDaysAgo, HISTORY_DAYS);
  const amount = roundAmount(2_000 + random.next() * 58_000);
  const roll = random.next();
  if (roll < DEAL_STATUS_ODDS.lost) return closedDeal(plan, random, day0, 'lost', random.int(plan.quietDays, oldest), amount);
  if (roll < DEAL_STATUS_ODDS.lost + DEAL_STATUS_ODDS.open) {
    const createdDaysAgo = random.int(plan.quietDays, oldest);
    return {
      partnerId: plan.partner.id,
      name: dealName((items) => random.pick(items)),
      createdAt: dateTimeAgo(day0, createdDaysAgo, random),
      registeredAt: registration(random, day0, createdDaysAgo, plan.quietDays),
      closedAt: null,
      status: 'open',
      amount,
    };
  }
  // Wins inside the last 12 months only, so the year-over-year revenue never drops because of them.
  return plan.profile.extraWins
    ? closedDeal(plan, random, day0, 'won', random.int(plan.quietDays, 360), amount)
    : closedDeal(plan, random, day0, 'lost', random.int(plan.quietDays, oldest), amount);
}

function closedDeal(
  plan: PartnerPlan,
  random: SeededRandom,
  day0: number,
  status: 'won' | 'lost',
  closedDaysAgo: number,
  amount: number,
): Omit<DatasetDeal, 'id'> {
  const createdDaysAgo = Math.max(closedDaysAgo, Math.min(closedDaysAgo + random.int(15, 90), plan.joinedDaysAgo));
  return {
    partnerId: plan.partner.id,
    name: dealName((items) => random.pick(items)),
    createdAt: dateTimeAgo(day0, createdDaysAgo, random),
    registeredAt: registration(random, day0, createdDaysAgo, closedDaysAgo),
    closedAt: dateAgo(day0, closedDaysAgo),
    status,
    amount,
  };
}

/** Most deals are registered, some late (past the 14-day incentive), some never; never after `latestDaysAgo`. */
function registration(random: SeededRandom, day0: number, createdDaysAgo: number, latestDaysAgo: number): string | null {
  if (random.chance(0.2)) return null;
  const lag = random.chance(0.75) ? random.int(0, 7) : random.int(15, 30);
  return dateTimeAgo(day0, Math.max(latestDaysAgo, createdDaysAgo - lag), random);
}

function pickWeighted(plans: readonly PartnerPlan[], totalWeight: number, random: SeededRandom): PartnerPlan {
  let roll = random.next() * totalWeight;
  for (const plan of plans) {
    roll -= plan.profile.weight;
    if (roll < 0) return plan;
  }
  return plans[plans.length - 1] as PartnerPlan;
}

function dateAgo(day0: number, days: number): string {
  return toIsoDate(day0 - days * DAY_MS);
}

/** A working-hours time on that day (at least one day back, so it is never later than a date-time asOf). */
function dateTimeAgo(day0: number, days: number, random: SeededRandom): string {
  const ms = day0 - Math.max(1, days) * DAY_MS + random.int(9 * 60, 18 * 60) * 60_000;
  return new Date(ms).toISOString();
}

function roundAmount(value: number): number {
  return Math.round(value / 100) * 100;
}
