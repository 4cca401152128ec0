import express, { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { AppDeps } from './app-deps.ts';
import { BODY_LIMIT } from './body-limit.ts';
import { assertHubSpotSignature, signedJsonBody } from './hubspot-auth.ts';
import { parseWebhookBatch, type WebhookEvent } from './hubspot-webhook-events.ts';
import { sendJson } from './request-input.ts';

const receiptSchema = z.object({ accepted: z.number().int(), duplicates: z.number().int(), ignored: z.number().int() });

/**
 * `POST /api/v1/hubspot/webhooks`: HubSpot's CRM webhooks, signed with v3 like the card's calls.
 * Every new event id is recorded, the answer goes out at once (HubSpot retries slow or failed
 * deliveries), and the records the events name are re-read afterwards through the sync, one run
 * at a time per portal. What our own write-back changed reads back equal, so it writes nothing.
 */
export function hubspotWebhookRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post('/', express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
    assertHubSpotSignature(req, deps);
    const batch = parseWebhookBatch(signedJsonBody(req));
    const adapter = deps.crm.adapterFor(batch.tenant);
    if (!adapter || !deps.sync) {
      throw new AppError('not_found', `no HubSpot connection is configured for account ${batch.tenant.replace(/^hubspot:/, '')}`);
    }
    const at = new Date(deps.now()).toISOString();
    const fresh: WebhookEvent[] = [];
    for (const event of batch.events) {
      if (await deps.store.markEventSeen(batch.tenant, event.eventId, at)) fresh.push(event);
    }
    const partnerIds = [...new Set(fresh.flatMap((e) => e.partnerIds))];
    const dealIds = [...new Set(fresh.flatMap((e) => e.dealIds))];
    if (partnerIds.length > 0 || dealIds.length > 0) {
      const log = req.log;
      const sync = deps.sync;
      sync.syncRecords(adapter, { partnerIds, dealIds }).then(
        (report) => log.info({ tenant: batch.tenant, partners: partnerIds.length, deals: dealIds.length, ...report, writeFailures: report.writeFailures.length }, 'webhook changes synced'),
        (error: unknown) => {
          log.warn({ tenant: batch.tenant, err: error }, 'webhook changes not synced; the next sync run reads these records first');
          sync.rememberForNextRun(batch.tenant, { partnerIds, dealIds }).catch((cause: unknown) => log.error({ tenant: batch.tenant, err: cause }, 'webhook records could not be remembered'));
        },
      );
    }
    sendJson(res, receiptSchema, { accepted: fresh.length, duplicates: batch.events.length - fresh.length, ignored: batch.ignored });
  });
  return router;
}
