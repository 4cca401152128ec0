import { en } from './en.ts';
import type { Locale } from './locale.ts';
import type { Messages } from './messages.ts';
import { ptBR } from './pt-BR.ts';

const catalogues: Record<Locale, Messages> = { en, 'pt-BR': ptBR };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
