import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../shared/api/journey-api.ts';
import { hubspotFetch } from '../support/hubspot-signing.ts';
import { partnerProperties, dealProperties } from '../sync/hubspot-harness.ts';
import { SECRET, startWebhookWorld, WEBHOOK_PATH, type WebhookWorld } from './webhook-service.ts';

let world: WebhookWorld;
let acme: string;
let beta: string;
let deal: string;
beforeAll(async () => {
  world = await startWebhookWorld();
  const s = world.sandbox.state;
  acme = s.create('companies', partnerProperties('Acme')).id;
  beta = s.create('companies', partnerProperties('Beta')).id;
  deal = s.create('deals', dealProperties('won', 30_000, 30)).id;
  s.link(deal, acme, { partner: true });
  await world.settle();
});
afterAll(async () => {
  await world?.close();
});

const portalId = () => world.sandbox.portalId;
let nextEventId = 900_000;
function event(subscriptionType: string, fields: Record<string, unknown> = {}) {
  nextEventId += 1;
  return { eventId: nextEventId, subscriptionId: 7, portalId: portalId(), appId: 1, occurredAt: world.service.clock.now, subscriptionType, attemptNumber: 0, ...fields };
}

function post(body: unknown, tamper?: { body?: string; headers?: Record<string, string | null> }) {
  return hubspotFetch(world.service.url, { method: 'POST', path: WEBHOOK_PATH, body, secret: SECRET, timestamp: world.service.clock.now, ...(tamper ? { tamper } : {}) });
}

const batchReads = () => world.sandbox.state.requests.filter((r) => r.route === 'POST /crm/v3/objects/:type/batch/read').length;

describe('HubSpot webhooks: the request', () => {
  it('When a signed batch arrives, then it is answered 200 with what was accepted, and the records are re-read afterwards', async () => {
    const reads = batchReads();
    const response = await post([event('company.propertyChange', { objectId: Number(beta), propertyName: 'pj_certifications', propertyValue: '2' })]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    await world.settle();
    expect(batchReads()).toBeGreaterThan(reads);
  });

  it.each([
    ['a tampered body', { body: '[]' }],
    ['no signature', { headers: { 'X-HubSpot-Signature-v3': null } }],
    ['no timestamp', { headers: { 'X-HubSpot-Request-Timestamp': null } }],
  ])('When a batch comes with %s, then it is refused with 401 and nothing is recorded', async (_name, tamper) => {
    const sent = event('deal.creation', { objectId: Number(deal) });
    const response = await post([sent], tamper);
    expect(response.status).toBe(401);
    expect(await world.service.store.markEventSeen(world.tenant, String(sent.eventId), new Date().toISOString())).toBe(true);
  });

  it('When a batch is older than five minutes, then it is refused with 401', async () => {
    const response = await hubspotFetch(world.service.url, { method: 'POST', path: WEBHOOK_PATH, body: [event('deal.creation', { objectId: 1 })], secret: SECRET, timestamp: world.service.clock.now - 6 * 60_000 });
    expect(response.status).toBe(401);
  });

  it('When the same events are delivered twice, then the second delivery is acknowledged and ignored', async () => {
    const events = [event('deal.propertyChange', { objectId: Number(deal), propertyName: 'amount', propertyValue: '30000' })];
    expect(await (await post(events)).json()).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    await world.settle();
    const reads = batchReads();
    const again = await post(events.map((e) => ({ ...e, attemptNumber: 1 })));
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
    await world.settle();
    expect(batchReads()).toBe(reads);
  });

  it('When events are of types the service does not act on, then they are acknowledged and ignored', async () => {
    const reads = batchReads();
    const response = await post([event('contact.propertyChange', { objectId: 5, propertyName: 'email' }), event('deal.associationChange', { fromObjectId: Number(deal), toObjectId: 77, associationType: 'DEAL_TO_CONTACT', associationRemoved: false })]);
    expect(await response.json()).toEqual({ accepted: 0, duplicates: 0, ignored: 2 });
    await world.settle();
    expect(batchReads()).toBe(reads);
  });

  it('When one batch mixes two HubSpot accounts, then it is refused with 400 naming portalId', async () => {
    const response = await post([event('deal.creation', { objectId: 1 }), { ...event('deal.creation', { objectId: 2 }), portalId: 123 }]);
    expect(response.status).toBe(400);
    expect(problemSchema.parse(await response.json()).errors?.map((e) => e.field)).toEqual(['portalId']);
  });

  it('When an event we act on lacks its record id, then the batch is refused with 400 naming the field', async () => {
    const response = await post([event('deal.creation', { objectId: Number(deal) }), event('company.propertyChange', { propertyName: 'pj_stage' })]);
    expect(response.status).toBe(400);
    expect(problemSchema.parse(await response.json()).errors?.map((e) => e.field)).toEqual(['[1].objectId']);
  });

  it('When the body is not an array of events, then it is refused with 400', async () => {
    const response = await post({ eventId: 1 });
    expect(response.status).toBe(400);
  });

  it('When the events come from an account with no connection here, then the answer is 404', async () => {
    const response = await post([{ ...event('deal.creation', { objectId: 1 }), portalId: 31_337 }]);
    expect(response.status).toBe(404);
  });

  it('When the sync is busy with the portal, then the webhook is still answered at once and its work runs after', async () => {
    let release: () => void = () => undefined;
    const busy = world.sync.exclusive(world.tenant, () => new Promise<void>((resolve) => (release = resolve)));
    const reads = batchReads();
    const response = await post([event('company.propertyChange', { objectId: Number(acme), propertyName: 'pj_certifications', propertyValue: '1' })]);
    expect(response.status).toBe(200);
    expect(batchReads()).toBe(reads);
    release();
    await busy;
    await world.settle();
    expect(batchReads()).toBeGreaterThan(reads);
  });
});
