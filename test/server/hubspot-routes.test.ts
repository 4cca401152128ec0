import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyResponseSchema, problemSchema, type JourneyResponse } from '../../shared/api/journey-api.ts';
import { generateDataset } from '../../server/demo/dataset.ts';
import { seedDemo } from '../support/seed-store.ts';
import { hubspotFetch, identity, type HubSpotCall } from '../support/hubspot-signing.ts';
import { startTestService, TEST_NOW, type TestService } from '../support/test-service.ts';

const SECRET = 'hs-client-secret';
const PUBLIC = 'https://partners.example.com';
const TENANT_A = '1001';
const TENANT_B = '2002';
const MANAGER = '100';
const REP = '200';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({
    hubspotClientSecret: SECRET,
    publicBaseUrl: PUBLIC,
    channelManagers: { hubspot: { userIds: [MANAGER], emails: ['boss@example.com'] }, salesforce: { userIds: [], profiles: [] } },
  });
  const asOf = '2026-06-30';
  // Both tenants use the same record ids (p-001…): only the tenant tells them apart.
  await seedDemo(service.store, `hubspot:${TENANT_A}`, TEST_NOW, { dataset: generateDataset({ partners: 12, deals: 150, seed: 1, asOf }) });
  await seedDemo(service.store, `hubspot:${TENANT_B}`, TEST_NOW, { dataset: generateDataset({ partners: 60, deals: 400, seed: 2, asOf }) });
});
afterAll(async () => {
  await service?.close();
});

function call(overrides: Partial<HubSpotCall> & { path: string }): HubSpotCall {
  return { secret: SECRET, timestamp: service.clock.now, signedOrigin: PUBLIC, ...overrides };
}

const journeyQuery = (objectId: string, portal = TENANT_A, user = REP, objectTypeId = '0-2'): [string, string][] => [
  ['objectTypeId', objectTypeId],
  ['objectId', objectId],
  ...identity(portal, user),
];

async function getJourney(objectId: string, portal = TENANT_A, user = REP, objectTypeId = '0-2'): Promise<Response> {
  return hubspotFetch(service.url, call({ path: '/api/v1/hubspot/journey', query: journeyQuery(objectId, portal, user, objectTypeId) }));
}

async function postStage(body: unknown, portal = TENANT_A, user = MANAGER, extra: Partial<HubSpotCall> = {}): Promise<Response> {
  return hubspotFetch(service.url, call({ method: 'POST', path: '/api/v1/hubspot/stage', query: identity(portal, user), body, ...extra }));
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problemSchema.parse(await response.json());
}

async function history(portal: string, partnerId: string) {
  return service.store.stageHistory(`hubspot:${portal}`, partnerId);
}

describe('HubSpot request verification', () => {
  it('When a request is signed over the public URL, then the journey of the company comes back', async () => {
    const response = await getJourney('p-001');
    expect(response.status).toBe(200);
    const body = journeyResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ kind: 'partner', role: 'rep', locale: 'en', journey: { partner: { id: 'p-001' } } });
  });

  it('When the body is changed after signing, then 401 and nothing is written', async () => {
    const before = await history(TENANT_A, 'p-002');
    const response = await postStage({ objectId: 'p-002', stage: 'mature', reason: 'Signed reason' }, TENANT_A, MANAGER, {
      tamper: { body: JSON.stringify({ objectId: 'p-002', stage: 'recruit', reason: 'Signed reason' }) },
    });
    expect(response.status).toBe(401);
    expect((await problem(response)).detail).toMatch(/signature does not match/);
    expect(await history(TENANT_A, 'p-002')).toEqual(before);
  });

  it('When the query is changed after signing (another record, another portal), then 401', async () => {
    for (const tampered of [journeyQuery('p-003'), journeyQuery('p-001', TENANT_B), journeyQuery('p-001', TENANT_A, MANAGER)]) {
      const response = await hubspotFetch(service.url, call({ path: '/api/v1/hubspot/journey', query: journeyQuery('p-001'), tamper: { query: tampered } }));
      expect(response.status).toBe(401);
    }
  });

  it('When the signature covers the internal address instead of PUBLIC_BASE_URL, then 401', async () => {
    const response = await hubspotFetch(service.url, call({ path: '/api/v1/hubspot/journey', query: journeyQuery('p-001'), signedOrigin: service.url }));
    expect(response.status).toBe(401);
  });

  it('When the timestamp is more than 5 minutes old or ahead, then 401; within 5 minutes, 200', async () => {
    const at = (timestamp: number) =>
      hubspotFetch(service.url, call({ path: '/api/v1/hubspot/journey', query: journeyQuery('p-001'), timestamp }));
    const stale = await at(service.clock.now - 300_001);
    expect(stale.status).toBe(401);
    expect((await problem(stale)).detail).toMatch(/5 minutes/);
    expect((await at(service.clock.now + 300_001)).status).toBe(401);
    expect((await at(service.clock.now - 299_000)).status).toBe(200);
    expect((await at(service.clock.now + 299_000)).status).toBe(200);
  });

  it('When a signature header is missing, then 401 naming it', async () => {
    for (const header of ['X-HubSpot-Signature-v3', 'X-HubSpot-Request-Timestamp']) {
      const response = await hubspotFetch(
        service.url,
        call({ path: '/api/v1/hubspot/journey', query: journeyQuery('p-001'), tamper: { headers: { [header]: null } } }),
      );
      expect(response.status).toBe(401);
      expect((await problem(response)).detail).toContain(header);
    }
  });

  it('When an identity parameter appears twice, even correctly signed, then 401', async () => {
    for (const name of ['portalId', 'userId', 'userEmail', 'appId']) {
      const query = [...journeyQuery('p-001', TENANT_A, REP), [name, name === 'portalId' ? TENANT_B : name === 'userEmail' ? 'boss@example.com' : MANAGER] as [string, string]];
      const response = await hubspotFetch(service.url, call({ path: '/api/v1/hubspot/journey', query }));
      expect(response.status, name).toBe(401);
      expect((await problem(response)).detail).toContain(`${name} more than once`);
    }
  });

  it('When the signed query has no portal or user, then 401', async () => {
    const response = await hubspotFetch(service.url, call({ path: '/api/v1/hubspot/journey', query: [['objectTypeId', '0-2'], ['objectId', 'p-001']] }));
    expect(response.status).toBe(401);
  });
});

describe('HubSpot journey, stage and action routes', () => {
  it('When a deal is opened, then its partner comes with the what-if of winning it', async () => {
    const open = (await service.store.getDeals(`hubspot:${TENANT_A}`, Array.from({ length: 150 }, (_, i) => `d-${String(i + 1).padStart(5, '0')}`))).find(
      (d) => d.status === 'open',
    );
    expect(open).toBeDefined();
    const response = await getJourney(open?.dealId ?? '', TENANT_A, REP, '0-3');
    expect(response.status).toBe(200);
    const body = journeyResponseSchema.parse(await response.json()) as Extract<JourneyResponse, { kind: 'deal' }>;
    expect(body.deal).toMatchObject({ id: open?.dealId, status: 'open' });
    expect(body.partners.map((p) => p.journey.partner.id)).toEqual(open?.partnerIds);
    expect(body.partners[0]?.whatIf).toMatchObject({ dealId: open?.dealId, moves: expect.stringMatching(/up|none/) });
  });

  it("When tenant A asks for or changes tenant B's partner, then 404 and B's partner is untouched", async () => {
    expect(await service.store.getPartner(`hubspot:${TENANT_A}`, 'p-040')).toBeNull();
    const before = await service.store.getPartner(`hubspot:${TENANT_B}`, 'p-040');
    const beforeHistory = await history(TENANT_B, 'p-040');
    expect(before).not.toBeNull();

    expect((await getJourney('p-040', TENANT_A)).status).toBe(404);
    const change = await postStage({ objectId: 'p-040', stage: 'recruit', reason: 'Cross-tenant attempt' }, TENANT_A, MANAGER);
    expect(change.status).toBe(404);
    const action = await hubspotFetch(
      service.url,
      call({ method: 'POST', path: '/api/v1/hubspot/actions', query: identity(TENANT_A, MANAGER), body: { objectId: 'p-040', actionId: 'mature.review-kpis', done: true } }),
    );
    expect(action.status).toBe(404);

    expect(await service.store.getPartner(`hubspot:${TENANT_B}`, 'p-040')).toEqual(before);
    expect(await history(TENANT_B, 'p-040')).toEqual(beforeHistory);
    expect(await service.store.completedActions(`hubspot:${TENANT_B}`, 'p-040')).toEqual([]);
  });

  it('When a rep changes a stage, then 403, the stage and history are untouched, and a log line says why', async () => {
    const before = await service.store.getPartner(`hubspot:${TENANT_A}`, 'p-004');
    const beforeHistory = await history(TENANT_A, 'p-004');
    const response = await postStage({ objectId: 'p-004', stage: 'mature', reason: 'I think they are ready' }, TENANT_A, REP);
    expect(response.status).toBe(403);
    expect(await service.store.getPartner(`hubspot:${TENANT_A}`, 'p-004')).toEqual(before);
    expect(await history(TENANT_A, 'p-004')).toEqual(beforeHistory);
    expect(service.logs()).toContain('stage change refused: not a channel manager');
  });

  it('When a manager (by user id or by email) changes a stage, then the history gets one row and the card sees the new stage', async () => {
    const response = await postStage({ objectId: 'p-005', stage: 'mature', reason: 'Joint plan signed for next year' });
    expect(response.status).toBe(200);
    const body = journeyResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ kind: 'partner', role: 'manager', journey: { officialStage: 'mature', stageChangedBy: `user${MANAGER}@example.com` } });
    const rows = await history(TENANT_A, 'p-005');
    expect(rows.at(-1)).toMatchObject({ to: 'mature', source: 'manual', reason: 'Joint plan signed for next year', actor: `user${MANAGER}@example.com` });

    const byEmail = await hubspotFetch(
      service.url,
      call({ method: 'POST', path: '/api/v1/hubspot/stage', query: identity(TENANT_A, '999', 'Boss@Example.com'), body: { objectId: 'p-005', stage: 'accelerate', reason: 'Back to acceleration' } }),
    );
    expect(byEmail.status).toBe(200);
  });

  it('When a stage change is retried with the same idempotency key, then one history row is written', async () => {
    const before = (await history(TENANT_A, 'p-006')).length;
    const body = { objectId: 'p-006', stage: 'accelerate', reason: 'Three wins in a row', idempotencyKey: 'retry-key-0001' };
    const first = await postStage(body);
    const second = await postStage(body);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await history(TENANT_A, 'p-006')).toHaveLength(before + 1);
    const reused = await postStage({ ...body, stage: 'recruit' });
    expect(reused.status).toBe(409);
    expect((await problem(reused)).errors).toEqual([{ field: 'idempotencyKey', problem: expect.any(String) }]);
    expect(await history(TENANT_A, 'p-006')).toHaveLength(before + 1);
  });

  it.each([
    [{ objectId: 'p-007', stage: 'platinum', reason: 'Unknown stage' }, 'stage'],
    [{ objectId: 'p-007', stage: 'mature', reason: 'ok' }, 'reason'],
    [{ objectId: 'p-007', stage: 'mature' }, 'reason'],
    [{ objectId: 7, stage: 'mature', reason: 'Wrong type of id' }, 'objectId'],
    [{ objectId: 'p-007', stage: ['mature'], reason: 'Wrong type of stage' }, 'stage'],
  ])('When the stage change body is %j, then 400 naming %s', async (body, field) => {
    const response = await postStage(body);
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.field)).toContain(field);
  });

  it('When an action body has wrong types, then 400 naming each field', async () => {
    const response = await hubspotFetch(
      service.url,
      call({ method: 'POST', path: '/api/v1/hubspot/actions', query: identity(TENANT_A, REP), body: { objectId: 'p-001', actionId: 'nope', done: 'yes' } }),
    );
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.field).sort()).toEqual(['actionId', 'done']);
  });

  it('When the body is larger than 1 MB, then 413 as a problem document', async () => {
    const response = await postStage({ objectId: 'p-001', stage: 'mature', reason: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect((await problem(response)).errors).toEqual([{ field: '(body)', problem: 'must be at most 1 MB' }]);
  });

  it('When the query names an unknown object type, then 400 naming the parameter', async () => {
    const response = await getJourney('p-001', TENANT_A, REP, '0-1');
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.field)).toEqual(['query.objectTypeId']);
  });

  it('When the query carries the record id twice, then 400 saying so rather than that it is missing', async () => {
    const query: [string, string][] = [['objectTypeId', '0-2'], ['objectId', 'p-001'], ['objectId', 'p-002'], ...identity(TENANT_A, REP)];
    const response = await hubspotFetch(service.url, call({ path: '/api/v1/hubspot/journey', query }));
    expect(response.status).toBe(400);
    expect((await problem(response)).errors).toEqual([{ field: 'query.objectId', problem: 'must be given once, as text' }]);
  });

  it('When a rep marks an action done and then undone, then the card sees each state', async () => {
    const mark = async (done: boolean) => {
      const response = await hubspotFetch(
        service.url,
        call({ method: 'POST', path: '/api/v1/hubspot/actions', query: identity(TENANT_A, REP), body: { objectId: 'p-008', actionId: 'any.check-in-at-risk', done } }),
      );
      expect(response.status).toBe(200);
      return journeyResponseSchema.parse(await response.json());
    };
    const done = await mark(true);
    expect(done.kind === 'partner' ? done.journey.completedActionIds : null).toEqual(['any.check-in-at-risk']);
    const undone = await mark(false);
    expect(undone.kind === 'partner' ? undone.journey.completedActionIds : null).toEqual([]);
  });
});

describe('HubSpot routes on a service without HUBSPOT_CLIENT_SECRET', () => {
  it('When a request comes unsigned, then 401; when it comes signed, then 500 naming the missing setting', async () => {
    const bare = await startTestService({ publicBaseUrl: PUBLIC });
    try {
      const unsigned = await fetch(`${bare.url}/api/v1/hubspot/journey?objectTypeId=0-2&objectId=p-001&portalId=1&userId=2`);
      expect(unsigned.status).toBe(401);
      const signed = await hubspotFetch(bare.url, { ...call({ path: '/api/v1/hubspot/journey', query: journeyQuery('p-001') }), timestamp: bare.clock.now });
      expect(signed.status).toBe(500);
      expect((await problem(signed)).detail).toContain('HUBSPOT_CLIENT_SECRET is not set');
    } finally {
      await bare.close();
    }
  });
});
