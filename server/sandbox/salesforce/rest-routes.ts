import type { IncomingMessage } from 'node:http';
import { retrieveCollection, writeCollection } from './collection-routes.ts';
import { describeAnswer, describeGlobalAnswer, limitsAnswer } from './describe-answers.ts';
import type { Faults } from './faults.ts';
import { apiError, readJson } from './http-kit.ts';
import type { OrgStore } from './org-store.ts';
import type { QueryCursors } from './query-cursors.ts';
import { runSoql } from './soql/run-query.ts';
import { SoqlError } from './soql/soql-error.ts';

export interface RestRequest {
  readonly req: IncomingMessage;
  readonly method: string;
  /** The path below `/services/data/vXX.X`, e.g. `/query`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly version: string;
  readonly userId: string;
}

export interface RestServices {
  readonly store: OrgStore;
  readonly cursors: QueryCursors;
  readonly faults: Faults;
  apiUsage(): { used: number; limit: number };
}

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;

/** A stable name for a REST call, for request counts: `GET query/locator`, `PATCH composite/sobjects`… */
export function endpointOf(method: string, path: string): string {
  const [first, second, third, fourth] = path.split('/').filter((s) => s !== '');
  if (first === 'query' || first === 'queryAll') return `${method} ${first}${second === undefined ? '' : '/locator'}`;
  if (first === 'sobjects' && third === 'describe') return `${method} sobjects/describe`;
  if (first === 'composite' && second === 'sobjects') return `${method} composite/sobjects${third === undefined ? '' : fourth === undefined ? '/retrieve' : '/other'}`;
  return `${method} ${[first, second].filter((s) => s !== undefined).join('/')}`;
}

/** Routes one authenticated REST call. */
export async function routeRest(request: RestRequest, services: RestServices): Promise<{ status: number; body: unknown }> {
  const { method, path } = request;
  const segments = path.split('/').filter((s) => s !== '');
  const [first, second, third, fourth] = segments;
  const ctx = { store: services.store, faults: services.faults, userId: request.userId, version: request.version };

  if (method === 'GET' && (first === 'query' || first === 'queryAll')) {
    if (second !== undefined) {
      const page = services.cursors.next(second, request.userId, request.version);
      if (!page) throw apiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return { status: 200, body: page };
    }
    const soql = request.query.get('q');
    if (!soql) throw apiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    try {
      const result = runSoql(soql, services.store, first === 'queryAll');
      const page = services.cursors.first(result, request.userId, batchSize(request.req), request.version);
      return { status: 200, body: page };
    } catch (error) {
      if (error instanceof SoqlError) throw apiError(400, error.errorCode, error.message);
      throw error;
    }
  }
  if (first === 'sobjects') {
    if (method === 'GET' && second === undefined) {
      return { status: 200, body: describeGlobalAnswer(services.store.objects.values(), request.version) };
    }
    const schema = second === undefined ? undefined : services.store.schemaOf(second);
    if (method === 'GET' && third === 'describe' && fourth === undefined) {
      if (!schema) throw apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
      return { status: 200, body: describeAnswer(schema, request.version, (field) => services.store.editable(schema, field, request.userId)) };
    }
  }
  if (method === 'GET' && first === 'limits' && second === undefined) {
    const { used, limit } = services.apiUsage();
    return { status: 200, body: limitsAnswer(used, limit) };
  }
  if (first === 'composite' && second === 'sobjects') {
    if (third === undefined && (method === 'POST' || method === 'PATCH' || method === 'DELETE')) {
      const body = method === 'DELETE' ? null : await readJson(request.req);
      return { status: 200, body: writeCollection(method, body, request.query, ctx) };
    }
    if (third !== undefined && fourth === undefined && method === 'POST') {
      return { status: 200, body: retrieveCollection(third, await readJson(request.req), ctx) };
    }
  }
  throw apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

/** `Sforce-Query-Options: batchSize=N`: 200 to 2,000, 2,000 when absent. */
function batchSize(req: IncomingMessage): number {
  const header = req.headers['sforce-query-options'];
  const match = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  if (!match) return DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(match[1])));
}
