import { AppError } from '../../errors/app-error.ts';

const SIGN_IN_ERRORS = new Set(['invalid_grant', 'invalid_client_id', 'invalid_client', 'unsupported_grant_type', 'invalid_request']);
const SETUP_ERRORS = new Set(['INVALID_FIELD', 'INVALID_TYPE', 'NOT_FOUND', 'INSUFFICIENT_ACCESS', 'INVALID_FIELD_FOR_INSERT_UPDATE']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'EAI_AGAIN']);

export interface ErrorPolicy {
  /** How long to wait after REQUEST_LIMIT_EXCEEDED before trying again. */
  readonly rateLimitBackoffMs: number;
}

/** The errorCode jsforce put on an error (its `name`), or the network code under a fetch failure. */
export function salesforceErrorCode(error: unknown): string {
  if (!(error instanceof Error)) return 'UNKNOWN';
  const cause = (error as { cause?: { code?: unknown; cause?: { code?: unknown } } }).cause;
  const network = cause?.code ?? cause?.cause?.code;
  if (typeof network === 'string' && NETWORK_CODES.has(network)) return network;
  if (error.message.startsWith('Unable to refresh session due to')) return 'REFRESH_FAILED';
  return error.name;
}

/** The connection failed (reset, closed, refused) before Salesforce's answer arrived. */
export function isNetworkFailure(error: unknown): boolean {
  return NETWORK_CODES.has(salesforceErrorCode(error));
}

/** Turns whatever jsforce threw into the one error type, saying what to do about it. */
export function toAppError(error: unknown, what: string, policy: ErrorPolicy): AppError {
  if (error instanceof AppError) return error;
  const code = salesforceErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'INVALID_SESSION_ID' || code === 'REFRESH_FAILED') {
    return new AppError('unauthorized', `Salesforce rejected the session while trying to ${what} (${code}): ${detail}`, { cause: error });
  }
  if (SIGN_IN_ERRORS.has(code)) {
    return new AppError('unauthorized', `Salesforce refused the sign-in (${code}: ${detail}); check SALESFORCE_CLIENT_ID, the key or secret, SALESFORCE_USERNAME and that the user is pre-authorized for the Partner Journey app`, {
      cause: error,
    });
  }
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    return new AppError('rate_limited', `Salesforce refused to ${what}: the org's API request limit is exceeded (REQUEST_LIMIT_EXCEEDED); the sync stops and tries again later`, {
      cause: error,
      retryAfterMs: policy.rateLimitBackoffMs,
    });
  }
  if (NETWORK_CODES.has(code) || /^ERROR_HTTP_5\d\d$/.test(code) || code === 'SERVER_UNAVAILABLE' || code === 'UNKNOWN_EXCEPTION') {
    return new AppError('crm_unavailable', `Salesforce is unavailable; could not ${what} (${code})`, { cause: error, retryAfterMs: 30_000 });
  }
  if (SETUP_ERRORS.has(code)) {
    return new AppError('misconfigured', `Salesforce could not ${what} (${code}: ${detail}); run "partner-journey setup --crm salesforce" to check the fields and permissions`, { cause: error });
  }
  return new AppError('internal', `Salesforce call failed while trying to ${what} (${code}: ${detail})`, { cause: error });
}
