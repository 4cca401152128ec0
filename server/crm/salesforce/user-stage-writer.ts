import { AppError } from '../../errors/app-error.ts';
import type { WriteFailure } from '../crm-adapter.ts';
import type { CrmUserSession, UserStageWriter } from '../user-stage-writer.ts';
import { connectAsSalesforceUser, type SalesforceAdapterOptions } from './salesforce-adapter.ts';

/** Salesforce's answers for "this user may not edit this field or record". */
const NOT_PERMITTED = new Set([
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
  'INSUFFICIENT_ACCESS',
]);
const GONE = new Set(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY', 'MALFORMED_ID']);

/**
 * The Canvas user's stage write: one Account update through their own OAuth token (a connection
 * of its own per change, since the token is theirs), so Salesforce applies their field-level
 * security, sharing, validation rules and field history. A record-level refusal becomes the
 * AppError the card shows; whole-call failures (expired session, limits) arrive as the adapter
 * already classifies them.
 */
export function salesforceUserStageWriter(
  session: CrmUserSession,
  options: Omit<SalesforceAdapterOptions, 'connection'> = {},
): UserStageWriter {
  return async (partnerId, outputs) => {
    const adapter = connectAsSalesforceUser({ instanceUrl: session.instanceUrl, accessToken: session.accessToken, orgId: session.orgId }, options);
    let report;
    try {
      report = await adapter.writePartnerOutputs([{ partnerId, outputs }]);
    } catch (error) {
      // The user's token cannot be refreshed here; Salesforce hands out a new one with the next page load.
      if (error instanceof AppError && error.code === 'unauthorized') {
        throw new AppError('unauthorized', 'Your Salesforce session has expired, so nothing was changed; reload the record page to open the card again.', { cause: error });
      }
      throw error;
    }
    if (report.written.includes(partnerId)) return;
    throw refusal(report.failed.find((f) => f.partnerId === partnerId));
  };
}

function refusal(failure: WriteFailure | undefined): AppError {
  const code = failure?.code ?? 'UNKNOWN_ERROR';
  const said = `Salesforce answered ${code}${failure?.message ? `: ${failure.message}` : ''}`;
  if (NOT_PERMITTED.has(code)) {
    return new AppError('forbidden', `Salesforce did not let you change this Account's Partner Journey stage, so nothing was changed (${said}). Ask your Salesforce admin for edit access to the Partner Journey fields (permission set Partner_Journey).`);
  }
  if (code === 'UNABLE_TO_LOCK_ROW') {
    return new AppError('conflict', `Salesforce is saving this Account for someone else right now, so nothing was changed (${said}). Try again in a moment.`);
  }
  if (GONE.has(code)) return new AppError('not_found', `The Account is no longer in Salesforce, so nothing was changed (${said}).`);
  return new AppError('conflict', `Salesforce refused the stage change, so nothing was changed (${said}).`);
}
