import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/env.ts';
import { adaptersFromConfig, CrmConnections } from '../../server/crm/connections-from-config.ts';
import { startHubspotSandbox, type HubspotSandbox } from '../../server/sandbox/hubspot/index.ts';

let sandbox: HubspotSandbox;
beforeAll(async () => {
  sandbox = await startHubspotSandbox({ partnerJourneySchema: true });
});
afterAll(async () => {
  await sandbox?.close();
});

const SALESFORCE_ENV = {
  SALESFORCE_AUTH_FLOW: 'client_credentials',
  SALESFORCE_CLIENT_ID: '3MVG9-partner-journey',
  SALESFORCE_CLIENT_SECRET: 'sf-secret',
  SALESFORCE_INSTANCE_URL: 'https://example.my.salesforce.com',
};

const quiet = { info: () => undefined, warn: () => undefined };

describe('CRM connections from the configuration', () => {
  it('When HUBSPOT_ACCESS_TOKEN and SALESFORCE_* are set, then both connections are built, and --crm picks one', async () => {
    const config = await loadConfig({ HUBSPOT_ACCESS_TOKEN: sandbox.token, HUBSPOT_BASE_URL: sandbox.baseUrl, ...SALESFORCE_ENV });
    expect(adaptersFromConfig(config).map((a) => a.kind)).toEqual(['hubspot', 'salesforce']);
    expect(adaptersFromConfig(config, 'salesforce').map((a) => a.kind)).toEqual(['salesforce']);
    expect(adaptersFromConfig(await loadConfig({}))).toEqual([]);
  });

  it('When HubSpot refuses at first, then the connection is found by its tenant once it answers', async () => {
    const config = await loadConfig({ HUBSPOT_ACCESS_TOKEN: sandbox.token, HUBSPOT_BASE_URL: sandbox.baseUrl });
    const warnings: string[] = [];
    const connections = new CrmConnections(adaptersFromConfig(config), { ...quiet, warn: (_details, message) => warnings.push(message) });
    try {
      sandbox.state.enqueueFault({ route: 'GET /account-info/v3/details', status: 403 });
      await connections.resolve();
      expect(connections.byTenant.size).toBe(0);
      expect(warnings).toEqual(['hubspot did not answer; stage changes and webhooks wait for it']);

      await connections.resolve();
      expect([...connections.byTenant.keys()]).toEqual([`hubspot:${sandbox.portalId}`]);
    } finally {
      connections.close();
    }
  });
});
