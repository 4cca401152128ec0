import type { Role } from '../../shared/api/journey-api.ts';
import type { Locale } from '../../shared/i18n/locale.ts';

export type RecordType = 'partner' | 'deal';

export interface RecordRef {
  readonly objectType: RecordType;
  readonly objectId: string;
}

/** Who is calling, established only from a verified source (a HubSpot signature, a session). */
export interface Viewer {
  /** `hubspot:<portalId>` / `salesforce:<orgId>`: every read and write is scoped to it. */
  readonly tenant: string;
  readonly userId: string;
  /** How the user appears in the stage history and in the CRM's "stage changed by". */
  readonly actor: string;
  readonly role: Role;
  readonly locale: Locale;
  /** Set when the caller may only see one record (and, for a deal, its partners). */
  readonly record?: RecordRef | undefined;
}
