import { z } from 'zod';
import { resolveLocale, type Locale } from './vendor/shared/i18n/locale.ts';

export const COMPANY_TYPE_ID = '0-2';
export const DEAL_TYPE_ID = '0-3';

export type RecordKind = 'partner' | 'deal';

/** What the card needs from HubSpot's extension context, already checked. */
export interface RecordContext {
  readonly kind: RecordKind | null;
  readonly objectTypeId: string;
  readonly objectId: string;
  readonly locale: Locale;
  /** The service's public origin from the `serviceOrigin` profile variable, or null when it is missing or not https. */
  readonly serviceOrigin: string | null;
}

interface ExtensionContextLike {
  readonly crm: { readonly objectId: number | string; readonly objectTypeId: string };
  readonly user: { readonly locale?: string | undefined; readonly language?: string | undefined };
  readonly variables?: Record<string, unknown> | undefined;
}

const originSchema = z
  .url({ protocol: /^https$/ })
  .transform((value) => new URL(value).origin);

export function readRecordContext(context: ExtensionContextLike): RecordContext {
  const typeId = context.crm.objectTypeId;
  const origin = originSchema.safeParse(context.variables?.['serviceOrigin']);
  return {
    kind: typeId === COMPANY_TYPE_ID ? 'partner' : typeId === DEAL_TYPE_ID ? 'deal' : null,
    objectTypeId: typeId,
    objectId: String(context.crm.objectId),
    locale: resolveLocale(context.user.locale ?? context.user.language),
    serviceOrigin: origin.success ? origin.data : null,
  };
}
