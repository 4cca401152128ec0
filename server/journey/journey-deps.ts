import type { RulesDocument } from '../../shared/journey/rules.ts';
import type { JourneyStore } from '../storage/journey-store.ts';
import type { CrmLinks } from './crm-links.ts';

export interface JourneyLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** What the journey use cases need from the outside world; time comes from `now` only. */
export interface JourneyDeps {
  readonly store: JourneyStore;
  readonly now: () => number;
  readonly rules: RulesDocument | undefined;
  readonly crm: CrmLinks;
}
