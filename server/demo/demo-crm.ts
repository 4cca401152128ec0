import type { CrmAdapter } from '../crm/crm-adapter.ts';
import type { Logger } from '../logging/logger.ts';

/**
 * A CRM the demo runs against instead of a real account: a local sandbox seeded with the demo
 * dataset and set up like production, reached through the real adapter. `npm start` syncs it and
 * serves `/preview` for its tenant.
 */
export interface DemoCrm {
  readonly adapter: CrmAdapter;
  /** The tenant the sandbox's records belong to (`hubspot:<portalId>`, `salesforce:<orgId>`). */
  readonly tenant: string;
  /** One line for the log: what runs where. */
  readonly description: string;
  /** Saves the sandbox's state and stops it. */
  close(): Promise<void>;
}

export type StartDemoCrm = (options: { dataDir: string; now: number; log: Logger }) => Promise<DemoCrm>;
