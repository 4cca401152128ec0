import { z } from 'zod';
import { chunk, mapLimit } from './batching.ts';
import type { HubspotApis } from './hubspot-client.ts';
import type { HubspotObjectType } from './property-definitions.ts';
import type { RequestRunner } from './request-runner.ts';

export const OBJECT_BATCH = 100;
export const SEARCH_PAGE = 200;

export interface SearchFilter {
  readonly propertyName: string;
  readonly operator: 'EQ' | 'GT' | 'GTE' | 'HAS_PROPERTY';
  readonly value?: string;
}

export interface SearchRequest {
  readonly filterGroups: readonly (readonly SearchFilter[])[];
  readonly sortBy: string;
  readonly properties: readonly string[];
  readonly limit: number;
}

const resultsSchema = z.object({ results: z.array(z.unknown()) }).loose();
const searchSchema = z.object({ total: z.number().int().nonnegative(), results: z.array(z.unknown()) }).loose();

/** Batch reads and searches of companies and deals; records come back unparsed (see record-parsers.ts). */
export class ObjectReader {
  private readonly apis: HubspotApis;
  private readonly runner: RequestRunner;
  private readonly concurrency: number;

  constructor(apis: HubspotApis, runner: RequestRunner, concurrency: number) {
    this.apis = apis;
    this.runner = runner;
    this.concurrency = concurrency;
  }

  /** Reads these records, 100 per request; missing or archived ids are left out (HubSpot answers 207). */
  async read(type: HubspotObjectType, ids: readonly string[], properties: readonly string[]): Promise<unknown[]> {
    const unique = [...new Set(ids)];
    const batches = await mapLimit(chunk(unique, OBJECT_BATCH), this.concurrency, (batch) =>
      this.runner.run(`read ${type} in batch`, 'general', () =>
        this.apis[type].batch.read({ inputs: batch.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [] }),
      ),
    );
    return batches.flatMap((raw) => resultsSchema.parse(raw).results);
  }

  /** One search page from the first result (never `after`: see incremental-cursor.ts). */
  async search(type: HubspotObjectType, request: SearchRequest): Promise<{ total: number; results: unknown[] }> {
    const body = {
      filterGroups: request.filterGroups.map((filters) => ({ filters: filters.map((f) => ({ ...f })) })),
      // The SDK types `sorts` as string[] (hubspot-api-nodejs#559); the API takes sort objects.
      sorts: [{ propertyName: request.sortBy, direction: 'ASCENDING' }] as unknown as string[],
      properties: [...request.properties],
      limit: request.limit,
      after: '0',
    };
    const raw = await this.runner.run(`search ${type}`, 'search', () =>
      this.apis[type].search.doSearch(body as unknown as Parameters<HubspotApis['companies']['search']['doSearch']>[0]),
    );
    return searchSchema.parse(raw);
  }
}
