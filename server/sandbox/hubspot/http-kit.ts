import type { IncomingMessage } from 'node:http';

/** HubSpot's error categories the sandbox answers with. */
export type ErrorCategory =
  | 'VALIDATION_ERROR'
  | 'INVALID_AUTHENTICATION'
  | 'MISSING_SCOPES'
  | 'OBJECT_NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITS'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE';

export interface ErrorDetail {
  readonly message: string;
  readonly code?: string;
  readonly context?: Record<string, readonly string[]>;
}

export interface ErrorShape {
  readonly message: string;
  readonly category: ErrorCategory;
  readonly subCategory?: string;
  readonly context?: Record<string, readonly string[]>;
  readonly errors?: readonly ErrorDetail[];
  /** Fields some HubSpot errors add at the top level (429: errorType, policyName). */
  readonly extra?: Record<string, string>;
}

/** A HubSpot-shaped error answer; the server adds `status: "error"` and the correlationId. */
export class SandboxHttpError extends Error {
  readonly status: number;
  readonly shape: ErrorShape;
  readonly headers: Record<string, string>;

  constructor(status: number, shape: ErrorShape, headers: Record<string, string> = {}) {
    super(shape.message);
    this.status = status;
    this.shape = shape;
    this.headers = headers;
  }
}

export function validationError(message: string, errors?: readonly ErrorDetail[]): SandboxHttpError {
  return new SandboxHttpError(400, { message, category: 'VALIDATION_ERROR', ...(errors ? { errors } : {}) });
}

export function notFound(message: string): SandboxHttpError {
  return new SandboxHttpError(404, { message, category: 'OBJECT_NOT_FOUND' });
}

export function errorJson(shape: ErrorShape, correlationId: string): Record<string, unknown> {
  return {
    status: 'error',
    message: shape.message,
    correlationId,
    category: shape.category,
    ...(shape.subCategory ? { subCategory: shape.subCategory } : {}),
    ...(shape.context ? { context: shape.context } : {}),
    ...(shape.errors ? { errors: shape.errors } : {}),
    ...shape.extra,
  };
}

/** A correlation id shaped like HubSpot's UUIDs, numbered so runs are reproducible. */
export function correlationIdFor(n: number): string {
  return `c0ffee00-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw validationError('The request body is too large.');
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError('Invalid input JSON on line 1: the body is not valid JSON.');
  }
}

export interface RouteMatch {
  readonly params: Record<string, string>;
}

/** Matches `/crm/v3/objects/:type/batch/read`-style patterns segment by segment. */
export function matchPath(pattern: string, path: string): RouteMatch | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return null;
    }
  }
  return { params };
}

/** Query parameters that HubSpot accepts both repeated and comma-separated (`properties`, `associations`). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.getAll(name);
  if (raw.length === 0) return undefined;
  return raw.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError(`Invalid input JSON: ${what} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

export function asInputs(body: unknown, max: number): Record<string, unknown>[] {
  const record = asRecord(body, 'the body');
  const inputs = record['inputs'];
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: "inputs" must be an array.');
  if (inputs.length > max) {
    throw validationError(`Batch size ${inputs.length} is too large: at most ${max} inputs are allowed per request.`);
  }
  return inputs.map((input, i) => asRecord(input, `inputs[${i}]`));
}
