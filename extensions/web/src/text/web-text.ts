import type { Locale } from '../../../../shared/i18n/locale.ts';
import { webTextEn } from './en.ts';
import { webTextPtBR } from './pt-BR.ts';

/**
 * Words only the web card needs (its preview shell, loading and error states, form checks). The
 * journey's own words come from the shared catalogue (`messagesFor(locale).ui`).
 */
export interface WebText {
  /** The language these words are in (the service's own problem words are English only). */
  readonly locale: Locale;
  readonly previewTitle: string;
  readonly skipToCard: string;
  readonly viewAs: string;
  readonly roles: Record<'manager' | 'rep', string>;
  readonly language: string;
  readonly partners: string;
  readonly searchPartners: string;
  readonly partnersFound: (count: number) => string;
  readonly noPartners: string;
  readonly choosePartner: string;
  readonly loading: string;
  readonly journeySteps: string;
  readonly stepOf: (step: number, total: number) => string;
  readonly suggestionHigher: string;
  readonly suggestionLower: string;
  readonly health: string;
  readonly partnerSince: (date: string) => string;
  readonly partnerSinceInferred: string;
  readonly evidenceMet: string;
  readonly evidenceMissing: string;
  readonly newStage: string;
  readonly stageRefused: string;
  readonly saving: string;
  readonly reasonTooShort: (min: number) => string;
  readonly reasonTooLong: (max: number) => string;
  readonly stageChanged: (stage: string) => string;
  readonly actionDone: (title: string) => string;
  readonly actionReopened: (title: string) => string;
  readonly unreachable: string;
  readonly unexpectedAnswer: string;
  readonly sessionExpired: string;
  readonly badBoot: string;
  readonly retry: string;
  readonly deal: string;
  readonly status: string;
  readonly dealStatus: Record<'open' | 'won' | 'lost', string>;
  readonly amount: string;
  readonly closeDate: string;
  readonly dealPartners: string;
  readonly noDealPartners: string;
}

const texts: Record<Locale, WebText> = { en: webTextEn, 'pt-BR': webTextPtBR };

export function webTextFor(locale: Locale): WebText {
  return texts[locale];
}

/** Each language is named in itself, so someone who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'pt-BR': 'Português (Brasil)' };
