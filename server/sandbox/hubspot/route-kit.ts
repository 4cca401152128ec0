import type { HubspotObjectType } from '../../crm/hubspot/property-definitions.ts';
import { validationError } from './http-kit.ts';
import type { StoredRecord } from './object-store.ts';
import type { SandboxState } from './sandbox-state.ts';

export interface RouteContext {
  readonly state: SandboxState;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
}

export interface SandboxRoute {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly pattern: string;
  /** Counted against the search policy instead of the ten-secondly one. */
  readonly search?: boolean;
  /** Any one of these scopes is enough. */
  readonly scopes: (params: Record<string, string>) => readonly string[];
  readonly handle: (context: RouteContext) => RouteResult | Promise<RouteResult>;
}

const TYPE_ALIASES: Readonly<Record<string, HubspotObjectType>> = {
  companies: 'companies',
  company: 'companies',
  '0-2': 'companies',
  deals: 'deals',
  deal: 'deals',
  '0-3': 'deals',
};

export function objectType(raw: string | undefined): HubspotObjectType {
  const type = raw === undefined ? undefined : TYPE_ALIASES[raw.toLowerCase()];
  if (!type) throw validationError(`Unable to infer object type from: ${raw ?? ''}`);
  return type;
}

/** Scope names accept the object type as the path gives it. */
export function objectScopes(kind: 'objects' | 'schemas', access: 'read' | 'write') {
  return (params: Record<string, string>): string[] => {
    const type = TYPE_ALIASES[(params['type'] ?? params['from'] ?? '').toLowerCase()] ?? 'companies';
    const scopes = [`crm.${kind}.${type}.write`];
    if (access === 'read') scopes.push(`crm.${kind}.${type}.read`);
    return scopes;
  };
}

export const ALL_SCOPES: readonly string[] = ['companies', 'deals'].flatMap((t) => [
  `crm.objects.${t}.read`,
  `crm.objects.${t}.write`,
  `crm.schemas.${t}.read`,
  `crm.schemas.${t}.write`,
]);

const ALWAYS_RETURNED = ['createdate', 'hs_lastmodifieddate', 'hs_object_id'];

export const DEFAULT_PROPERTIES: Readonly<Record<HubspotObjectType, readonly string[]>> = {
  companies: ['name', 'domain', ...ALWAYS_RETURNED],
  deals: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage', ...ALWAYS_RETURNED],
};

/** A record as the v3 object APIs return it: values as strings (null when unset), ISO timestamps. */
export function apiObject(state: SandboxState, type: HubspotObjectType, record: StoredRecord, requested: readonly string[] | undefined) {
  const names = requested === undefined ? DEFAULT_PROPERTIES[type] : [...new Set([...requested, ...ALWAYS_RETURNED])];
  const properties: Record<string, string | null> = {};
  for (const name of names) {
    if (!state.store.properties[type].has(name)) continue;
    properties[name] = record.properties[name] ?? null;
  }
  return {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
    ...(record.archived && record.archivedAt !== null ? { archivedAt: new Date(record.archivedAt).toISOString() } : {}),
  };
}

export function batchEnvelope(startedAt: number, completedAt: number, results: unknown[], errors: unknown[]): RouteResult {
  const body = {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(completedAt).toISOString(),
  };
  return { status: errors.length > 0 ? 207 : 200, body };
}

export function stringList(value: unknown, what: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationError(`Invalid input JSON: "${what}" must be an array of strings.`);
  }
  return value as string[];
}
