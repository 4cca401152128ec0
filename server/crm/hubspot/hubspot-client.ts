import { Client } from '@hubspot/api-client';
import type { HubspotAdapterConfig } from './adapter-options.ts';
import { HttpFailure } from './hubspot-failures.ts';

/**
 * The SDK objects the adapter calls. `@hubspot/api-client` keeps its retry and limiter decorators
 * in a process-wide singleton that a `new Client()` resets and that is applied when an API object
 * is first built. We build every API object right here, synchronously after our Client set that
 * singleton to "no decorators", so a Client made later elsewhere cannot change ours. The SDK's own
 * retries stay off on purpose: they ignore Retry-After and DAILY, sleep 10 s × attempt, log through
 * console.error and would make our request counts and limiter lie. RequestRunner does that work.
 */
export function createHubspotApis(config: Pick<HubspotAdapterConfig, 'accessToken' | 'baseUrl'>) {
  const client = new Client({ accessToken: config.accessToken, basePath: config.baseUrl.replace(/\/+$/, ''), numberOfApiCallRetries: 0 });
  const crm = client.crm;
  return {
    companies: { batch: crm.companies.batchApi, search: crm.companies.searchApi, basic: crm.companies.basicApi },
    deals: { batch: crm.deals.batchApi, search: crm.deals.searchApi },
    associations: crm.associations.v4.batchApi,
    labels: crm.associations.v4.schema.definitionsApi,
    properties: crm.properties.coreApi,
    groups: crm.properties.groupsApi,
    /** The SDK wraps no account-info API; apiRequest answers a fetch Response, so failures are raised here. */
    accountDetails: async (): Promise<unknown> => {
      const response = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw new HttpFailure(response.status, body, Object.fromEntries(response.headers.entries()));
      return body;
    },
  };
}

export type HubspotApis = ReturnType<typeof createHubspotApis>;
