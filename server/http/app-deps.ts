import type { SessionStore } from '../auth/session-store.ts';
import type { ChannelManagers } from '../config/channel-managers.ts';
import type { UserStageWriterFactory } from '../crm/user-stage-writer.ts';
import type { JourneyDeps } from '../journey/journey-deps.ts';
import type { Logger } from '../logging/logger.ts';
import type { SyncService } from '../sync/sync-service.ts';
import type { CardPage } from './card-page.ts';

/** Everything the HTTP app is built from; `createApp` itself reads no configuration and opens nothing. */
export interface AppDeps extends JourneyDeps {
  readonly logger: Logger;
  /** Throws when the database cannot answer (`/readyz`). */
  readonly ready: () => Promise<void>;
  readonly sessions: SessionStore;
  readonly channelManagers: ChannelManagers;
  readonly hubspotClientSecret: string | undefined;
  /** The https origin the CRMs call; signed URLs are rebuilt from it. */
  readonly publicBaseUrl: string | undefined;
  /** The demo tenant when demo mode is on (`/preview` and preview sessions exist only then). */
  readonly demoTenant: string | null;
  readonly cardPage: CardPage;
  /** Re-reads records a CRM said changed (webhooks); absent when this process runs no sync. */
  readonly sync?: Pick<SyncService, 'syncRecords' | 'rememberForNextRun'> | undefined;
  /** Salesforce Canvas: verifies signed requests and says who may frame the card. */
  readonly salesforceCanvas?: SalesforceCanvasSettings | undefined;
  /** Writes as the viewing user from their CRM session (default: Salesforce, through jsforce). */
  readonly writeAsCrmUser?: UserStageWriterFactory | undefined;
}

export interface SalesforceCanvasSettings {
  /** SALESFORCE_CONSUMER_SECRET: the Canvas app's consumer secret. */
  readonly consumerSecret: string | undefined;
  /** Origins allowed to frame the card (CSP frame-ancestors); the org's instance URL is added per request. */
  readonly frameAncestors: readonly string[];
}
