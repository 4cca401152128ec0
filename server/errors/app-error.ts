import type { z } from 'zod';
import { describeIssues, type FieldProblem } from '../../shared/validation/issues.ts';

/** The small set of things that go wrong, each with one HTTP meaning. */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  misconfigured: 500,
  internal: 500,
  crm_unavailable: 503,
  /** The service itself cannot serve now (its database is unreachable, it is shutting down). */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorOptions {
  readonly problems?: readonly FieldProblem[];
  readonly cause?: unknown;
  /** Milliseconds after which a retry may succeed (rate limits, unavailable CRMs). */
  readonly retryAfterMs?: number;
}

/** The one error type of the service and the CLI. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly FieldProblem[];
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.retryAfterMs = options.retryAfterMs;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** An invalid-input error naming each failing field. */
  static fromZod(
    error: z.ZodError,
    what: string,
    root = '',
    unknownKeyHint?: (path: readonly PropertyKey[]) => string | undefined,
  ): AppError {
    return new AppError('invalid_input', `${what} is invalid`, { problems: describeIssues(error, root, unknownKeyHint) });
  }
}

/** Parses `value` with `schema`, throwing an invalid-input AppError that names the failing fields. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  root = '',
  unknownKeyHint?: (path: readonly PropertyKey[]) => string | undefined,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw AppError.fromZod(result.error, what, root, unknownKeyHint);
  return result.data;
}
