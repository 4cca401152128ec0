import type { PartnerOutputs } from './crm-adapter.ts';

/**
 * Writes a partner's stage fields to the CRM as the viewing user (their own CRM session), so the
 * CRM's permissions and field history apply to them. Resolves when the CRM saved the record;
 * otherwise throws an AppError saying why (forbidden, conflict, not_found, unauthorized,
 * rate_limited, crm_unavailable), with nothing saved in the CRM.
 */
export type UserStageWriter = (partnerId: string, outputs: Partial<PartnerOutputs>) => Promise<void>;

/**
 * The viewing user's own CRM session (a Salesforce Canvas request's OAuth token). The service
 * keeps it on the server with the card's session and never sends it to the browser.
 */
export interface CrmUserSession {
  readonly crm: 'salesforce';
  readonly orgId: string;
  readonly instanceUrl: string;
  readonly accessToken: string;
}

export type UserStageWriterFactory = (session: CrmUserSession) => UserStageWriter;
