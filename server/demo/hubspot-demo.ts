import { join } from 'node:path';
import { toIsoDate } from '../../shared/time/iso-date.ts';
import { createHubspotAdapter } from '../crm/hubspot/hubspot-adapter.ts';
import { AppError } from '../errors/app-error.ts';
import { startHubspotSandbox } from '../sandbox/hubspot/index.ts';
import { demoDataset } from './dataset.ts';
import type { StartDemoCrm } from './demo-crm.ts';
import { seedHubspotSandbox } from './hubspot-demo-seed.ts';

/** Under DATA_DIR, beside the embedded database's own files. */
export const HUBSPOT_SANDBOX_FILE = join('demo-crm', 'hubspot-sandbox.json');

/**
 * The demo's HubSpot: the local sandbox (its portal kept in DATA_DIR between runs), set up by
 * the real `setup` through the real adapter, then filled with the demo dataset where it lacks it.
 * The service syncs it exactly as it would a customer's portal.
 */
export const startHubspotDemo: StartDemoCrm = async ({ dataDir, now, log }) => {
  const sandbox = await startHubspotSandbox({ stateFile: join(dataDir, HUBSPOT_SANDBOX_FILE) });
  try {
    const adapter = createHubspotAdapter({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
    const setup = await adapter.setup();
    if (setup.problems.length > 0) {
      throw new AppError('misconfigured', `setup of the demo HubSpot sandbox failed: ${setup.problems.join('; ')}`);
    }
    const seeded = seedHubspotSandbox(sandbox.state, demoDataset(toIsoDate(now)), now);
    await sandbox.save();
    const tenant = await adapter.tenantId();
    log.info(
      { url: sandbox.baseUrl, tenant, restored: sandbox.restored, setupCreated: setup.created.length, ...seeded },
      `HubSpot sandbox: ${sandbox.baseUrl} (portal ${sandbox.portalId})`,
    );
    return {
      adapter,
      tenant,
      description: `HubSpot sandbox at ${sandbox.baseUrl}, portal ${sandbox.portalId}`,
      close: () => sandbox.close(),
    };
  } catch (error) {
    await sandbox.close().catch(() => undefined);
    throw error;
  }
};
