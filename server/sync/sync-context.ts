import type { Locale } from '../../shared/i18n/locale.ts';
import type { RulesDocument } from '../../shared/journey/rules.ts';
import type { CrmAdapter } from '../crm/crm-adapter.ts';
import type { JourneyStore } from '../storage/journey-store.ts';

export interface SyncLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** Counters of one sync run, reported at the end (and in benchmarks). */
export interface SyncReport {
  partnersRead: number;
  dealsRead: number;
  evaluated: number;
  promotions: number;
  crmEdits: number;
  fieldsWritten: number;
  recordsWritten: number;
  writeFailures: { partnerId: string; code: string; message: string }[];
  stoppedEarly: string | null;
}

export function emptyReport(): SyncReport {
  return {
    partnersRead: 0,
    dealsRead: 0,
    evaluated: 0,
    promotions: 0,
    crmEdits: 0,
    fieldsWritten: 0,
    recordsWritten: 0,
    writeFailures: [],
    stoppedEarly: null,
  };
}

export interface SyncContext {
  readonly tenant: string;
  readonly store: JourneyStore;
  readonly adapter: CrmAdapter;
  readonly now: () => number;
  /** Language of the texts written to the CRM (next action, history reasons). */
  readonly locale: Locale;
  readonly rules?: RulesDocument | undefined;
  readonly log: SyncLogger;
  readonly report: SyncReport;
  /** Checked between pages: a run asked to stop finishes its page, saves its cursor and returns. */
  readonly shouldStop?: () => boolean;
  /** Called between pages, once the page is committed: lets other work for the tenant (a manager's stage change) go first. */
  readonly betweenPages?: () => Promise<void>;
}

export const CRM_NAMES = { hubspot: 'HubSpot', salesforce: 'Salesforce' } as const;
export const SYNC_ACTOR = 'partner-journey sync';
