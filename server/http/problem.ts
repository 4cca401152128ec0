import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Problem } from '../../shared/api/journey-api.ts';
import { AppError, type ErrorCode } from '../errors/app-error.ts';

const TITLES: Record<ErrorCode, string> = {
  invalid_input: 'The request is invalid',
  unauthorized: 'The request could not be authenticated',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  conflict: 'The request conflicts with an earlier one',
  payload_too_large: 'The request is too large',
  rate_limited: 'Too many requests',
  misconfigured: 'The service is not configured for this',
  internal: 'Something went wrong on our side',
  crm_unavailable: 'The CRM is not reachable right now',
  unavailable: 'The service cannot answer right now',
};

/** Body-parser and other http-errors style failures carry a status and a `type`. */
interface HttpLikeError {
  readonly status?: number;
  readonly statusCode?: number;
  readonly type?: string;
  readonly expose?: boolean;
  /** Bytes a body parser allowed (its 413s carry it). */
  readonly limit?: number;
}

/** Turns anything thrown into an AppError: known HTTP errors keep their meaning, the rest is internal. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const http = (error ?? {}) as HttpLikeError;
  const status = http.status ?? http.statusCode;
  if (http.type === 'entity.too.large' || status === 413) {
    // Routes set their own limits (the Canvas form takes far less than the JSON routes' 1 MB).
    const limit = typeof http.limit === 'number' ? bytesText(http.limit) : '1 MB';
    return new AppError('payload_too_large', `the request body is larger than ${limit}`, {
      problems: [{ field: '(body)', problem: `must be at most ${limit}` }],
    });
  }
  if (http.type === 'entity.parse.failed') {
    return new AppError('invalid_input', 'the request body is not valid JSON', {
      problems: [{ field: '(body)', problem: 'is not valid JSON' }],
    });
  }
  if (status !== undefined && status >= 400 && status < 500 && http.expose) {
    return new AppError('invalid_input', error instanceof Error ? error.message : 'the request is invalid', { cause: error });
  }
  return new AppError('internal', 'unexpected error', { cause: error });
}

function bytesText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function sendProblem(res: Response, error: AppError, requestId: string | undefined): void {
  const problem: Problem = {
    type: `urn:partner-journey:problem:${error.code.replace(/_/g, '-')}`,
    title: TITLES[error.code],
    status: error.status,
    // Internal failures say nothing about their cause to the caller; the log has it.
    ...(error.code === 'internal' ? {} : { detail: error.message }),
    ...(error.problems.length > 0 ? { errors: error.problems.map((p) => ({ field: p.field, problem: p.problem })) } : {}),
    ...(requestId ? { requestId } : {}),
  };
  if (error.retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
  if (error.code === 'unauthorized' && !res.hasHeader('WWW-Authenticate')) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(error.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** The one error middleware: every failure leaves as an RFC 9457 problem document. */
export const problemMiddleware: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const appError = toAppError(error);
  if (appError.status >= 500) {
    // pino-http logs the request line with this error attached.
    const cause = appError.cause instanceof Error ? appError.cause : appError;
    (res as Response & { err?: Error }).err = cause;
  }
  sendProblem(res, appError, typeof req.id === 'string' ? req.id : undefined);
};

export const notFound: RequestHandler = (req) => {
  throw new AppError('not_found', `no route for ${req.method} ${req.path}`);
};
