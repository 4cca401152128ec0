import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HubspotObjectType } from '../../crm/hubspot/property-definitions.ts';
import type { ChangeFeed, SandboxChange } from './change-feed.ts';

/** A `legacyCrmObjects` subscription of the app's webhooks component. */
export interface WebhookSubscription {
  readonly subscriptionType: string;
  readonly propertyName?: string;
  readonly active?: boolean;
}

export interface SandboxWebhooks {
  /** The URL HubSpot calls and signs (the app's targetUrl). */
  readonly targetUrl: string;
  /** Where the requests really go when the service sits behind a proxy; default targetUrl. */
  readonly deliverTo?: string;
  /** The app's client secret: requests carry HubSpot's v3 signature made with it. */
  readonly clientSecret: string;
  readonly subscriptions: readonly WebhookSubscription[];
  readonly appId?: number;
  /** Events per request (HubSpot: up to 100). */
  readonly maxBatch?: number;
  /** How long changes gather before a request goes out. */
  readonly flushMs?: number;
  /** Attempts per request before the batch is dropped (HubSpot retries non-2xx answers). */
  readonly attempts?: number;
}

export interface WebhookDelivery {
  readonly events: readonly Record<string, unknown>[];
  readonly attempt: number;
  /** HTTP status, or 0 when the request failed without an answer. */
  readonly status: number;
}

const SINGULAR: Record<HubspotObjectType, string> = { companies: 'company', deals: 'deal' };

/**
 * Sends HubSpot's legacy CRM webhooks for the portal's changes: a JSON array of events per
 * request, signed with v3 (HMAC-SHA256 of method + URL + body + timestamp, base64), retried on
 * failure with the attempt number in the events.
 */
export class WebhookEmitter {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly config: SandboxWebhooks;
  private readonly portalId: number;
  private readonly unsubscribe: () => void;
  private queue: Record<string, unknown>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  private nextEventId = 1;

  private readonly clock: () => number;

  /** `clock` stamps the signature timestamps (the portal's clock, which tests may set). */
  constructor(feed: ChangeFeed, portalId: number, config: SandboxWebhooks, clock: () => number = Date.now) {
    this.config = config;
    this.portalId = portalId;
    this.clock = clock;
    this.unsubscribe = feed.subscribe((change) => this.onChange(change));
  }

  /** Resolves once every change so far was delivered (or given up on). */
  async idle(): Promise<void> {
    while (this.queue.length > 0 || this.timer !== null || this.inFlight.size > 0) {
      if (this.timer !== null) {
        clearTimeout(this.timer);
        this.timer = null;
        this.flush();
      }
      await Promise.all([...this.inFlight]);
    }
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.idle();
  }

  private onChange(change: SandboxChange): void {
    const events = this.eventsFor(change);
    if (events.length === 0) return;
    this.queue.push(...events);
    if (this.queue.length >= (this.config.maxBatch ?? 100)) this.flush();
    else this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.config.flushMs ?? 20);
  }

  private subscribed(subscriptionType: string, propertyName?: string): number | null {
    const index = this.config.subscriptions.findIndex(
      (s) => s.active !== false && s.subscriptionType === subscriptionType && (s.propertyName === undefined || s.propertyName === propertyName),
    );
    return index < 0 ? null : index + 1;
  }

  private eventsFor(change: SandboxChange): Record<string, unknown>[] {
    const base = (subscriptionType: string, subscriptionId: number, objectId: string) => ({
      eventId: this.nextEventId++,
      subscriptionId,
      portalId: this.portalId,
      appId: this.config.appId ?? 1_234_567,
      occurredAt: change.at,
      subscriptionType,
      attemptNumber: 0,
      objectId: Number(objectId),
      changeSource: change.source,
      ...(change.source === 'INTEGRATION' ? { sourceId: String(this.config.appId ?? 1_234_567) } : {}),
    });
    switch (change.kind) {
      case 'creation': {
        const type = `${SINGULAR[change.type]}.creation`;
        const id = this.subscribed(type);
        return id === null ? [] : [{ ...base(type, id, change.id), changeFlag: 'CREATED' }];
      }
      case 'deletion': {
        const type = `${SINGULAR[change.type]}.deletion`;
        const id = this.subscribed(type);
        return id === null ? [] : [{ ...base(type, id, change.id), changeFlag: 'DELETED' }];
      }
      case 'propertyChange': {
        const type = `${SINGULAR[change.type]}.propertyChange`;
        const id = this.subscribed(type, change.propertyName);
        return id === null ? [] : [{ ...base(type, id, change.id), propertyName: change.propertyName, propertyValue: change.value }];
      }
      case 'associationChange': {
        // HubSpot reports an association from both sides.
        const sides = [
          { type: 'deal.associationChange', from: change.dealId, to: change.companyId, associationType: 'DEAL_TO_COMPANY' },
          { type: 'company.associationChange', from: change.companyId, to: change.dealId, associationType: 'COMPANY_TO_DEAL' },
        ];
        return sides.flatMap((side) => {
          const id = this.subscribed(side.type);
          if (id === null) return [];
          return [{ ...base(side.type, id, side.from), associationType: side.associationType, fromObjectId: Number(side.from), toObjectId: Number(side.to), associationRemoved: change.removed, isPrimaryAssociation: false }];
        });
      }
    }
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.config.maxBatch ?? 100);
      const delivery = this.deliver(batch).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
  }

  private async deliver(events: Record<string, unknown>[]): Promise<void> {
    const attempts = this.config.attempts ?? 3;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const sent = events.map((e) => ({ ...e, attemptNumber: attempt }));
      const body = JSON.stringify(sent);
      const timestamp = String(this.clock());
      const signature = createHmac('sha256', this.config.clientSecret).update(`POST${this.config.targetUrl}${body}${timestamp}`, 'utf8').digest('base64');
      let status = 0;
      try {
        const response = await fetch(this.config.deliverTo ?? this.config.targetUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hubspot-signature-v3': signature,
            'x-hubspot-request-timestamp': timestamp,
            'x-hubspot-signature-version': 'v3',
          },
          body,
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 0;
      }
      this.deliveries.push({ events: sent, attempt, status });
      if (status >= 200 && status < 300) return;
      await sleep(50 * 2 ** attempt);
    }
  }
}
