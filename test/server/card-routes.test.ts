import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/api/card-boot.ts';
import { journeyResponseSchema, partnerListItemSchema, problemSchema } from '../../shared/api/journey-api.ts';
import { DEFAULT_SESSION_TTL_MS } from '../../server/auth/session-store.ts';
import { DEMO_TENANT, seedDemo } from '../support/seed-store.ts';
import { startTestService, TEST_NOW, type TestService } from '../support/test-service.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ demoTenant: DEMO_TENANT });
  await seedDemo(service.store, DEMO_TENANT, TEST_NOW);
});
afterAll(async () => {
  await service?.close();
});

async function openPreviewSession(role: 'manager' | 'rep'): Promise<string> {
  const response = await fetch(`${service.url}/preview/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  expect(response.status).toBe(201);
  const session = sessionResponseSchema.parse(await response.json());
  expect(session.role).toBe(role);
  return session.token;
}

function api(token: string | null, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${service.url}/api/v1/card${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return problemSchema.parse(await response.json());
}

describe('card API sessions', () => {
  it('When no or an unknown bearer token is sent, then 401 with a Bearer challenge', async () => {
    for (const token of [null, 'x'.repeat(43)]) {
      const response = await api(token, '/partners');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      await problem(response);
    }
  });

  it('When a preview session is asked for with an unknown role, then 400 naming role', async () => {
    const response = await fetch(`${service.url}/preview/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.field)).toEqual(['role']);
  });

  it('When a session outlives its time to live, then it is refused', async () => {
    const token = await openPreviewSession('rep');
    expect((await api(token, '/partners?limit=1')).status).toBe(200);
    service.clock.now += DEFAULT_SESSION_TTL_MS + 1;
    try {
      expect((await api(token, '/partners?limit=1')).status).toBe(401);
    } finally {
      service.clock.now = TEST_NOW;
    }
  });
});

describe('card API', () => {
  it('lists the demo partners with stage and health, and filters them by name', async () => {
    const token = await openPreviewSession('rep');
    const all = await api(token, '/partners');
    expect(all.status).toBe(200);
    const partners = ((await all.json()) as { partners: unknown[] }).partners.map((p) => partnerListItemSchema.parse(p));
    expect(partners).toHaveLength(40);
    expect(new Set(partners.map((p) => p.health))).toEqual(new Set(['healthy', 'at_risk', 'inactive']));
    const name = partners[3]?.name ?? '';
    const found = ((await (await api(token, `/partners?search=${encodeURIComponent(name.toUpperCase())}&limit=5`)).json()) as { partners: { name: string }[] }).partners;
    expect(found.map((p) => p.name)).toContain(name);
    const bad = await api(token, '/partners?limit=0');
    expect(bad.status).toBe(400);
    expect((await problem(bad)).errors?.map((e) => e.field)).toEqual(['query.limit']);
  });

  it('When the card asks for pt-BR, then texts come in Portuguese', async () => {
    const token = await openPreviewSession('rep');
    const response = await api(token, '/journey?objectType=partner&objectId=p-010&locale=pt-BR');
    const body = journeyResponseSchema.parse(await response.json());
    expect(body.locale).toBe('pt-BR');
    expect(body.kind === 'partner' && body.journey.evaluation.locale).toBe('pt-BR');
  });

  it('When a rep changes a stage, then 403 and nothing changes', async () => {
    const token = await openPreviewSession('rep');
    const before = await service.store.stageHistory(DEMO_TENANT, 'p-002');
    const response = await api(token, '/stage', { method: 'POST', body: { objectId: 'p-002', stage: 'mature', reason: 'Looks ready to me' } });
    expect(response.status).toBe(403);
    expect(await service.store.stageHistory(DEMO_TENANT, 'p-002')).toEqual(before);
  });

  it('When a manager retries a stage change with the same Idempotency-Key header, then one history row is written', async () => {
    const token = await openPreviewSession('manager');
    const before = (await service.store.stageHistory(DEMO_TENANT, 'p-003')).length;
    const send = () =>
      api(token, '/stage', {
        method: 'POST',
        body: { objectId: 'p-003', stage: 'activate', reason: 'First deal registered' },
        headers: { 'Idempotency-Key': 'card-retry-0001' },
      });
    const [first, second] = [await send(), await send()];
    expect([first.status, second.status]).toEqual([200, 200]);
    const body = journeyResponseSchema.parse(await second.json());
    expect(body.kind === 'partner' && body.journey.officialStage).toBe('activate');
    const rows = await service.store.stageHistory(DEMO_TENANT, 'p-003');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actor: 'demo-manager', idempotencyKey: 'card-retry-0001' });
  });

  it.each([
    [{ objectId: 'p-003', stage: 'expert', reason: 'Unknown stage' }, 400, 'stage'],
    [{ objectId: 'p-003', stage: 'mature', reason: '  a ' }, 400, 'reason'],
    [{ objectId: 'p-003', stage: 'mature', reason: 'r'.repeat(501) }, 400, 'reason'],
    [{ objectId: 'p-003', stage: 'mature', reason: 42 }, 400, 'reason'],
    ['{"objectId": "p-003",', 400, '(body)'],
    [{ objectId: 'p-003', stage: 'mature', reason: 'x'.repeat(1_100_000) }, 413, '(body)'],
  ])('When the stage change body is %#, then %i naming %s', async (body, status, field) => {
    const token = await openPreviewSession('manager');
    const response = await api(token, '/stage', { method: 'POST', body });
    expect(response.status).toBe(status);
    expect((await problem(response)).errors?.map((e) => e.field)).toContain(field);
  });
});

describe('record-bound sessions', () => {
  it('reach their deal and its partners, and nothing else', async () => {
    const deal = (await service.store.getDeals(DEMO_TENANT, ['d-00001']))[0];
    expect(deal).toBeDefined();
    const partnerId = deal?.partnerIds[0] ?? '';
    const otherPartner = partnerId === 'p-001' ? 'p-002' : 'p-001';
    const { token } = service.deps.sessions.open({
      tenant: DEMO_TENANT,
      userId: 'sf-user',
      actor: 'ana@example.com',
      role: 'manager',
      locale: 'en',
      record: { objectType: 'deal', objectId: 'd-00001' },
    });
    expect((await api(token, '/journey?objectType=deal&objectId=d-00001')).status).toBe(200);
    expect((await api(token, `/journey?objectType=partner&objectId=${partnerId}`)).status).toBe(200);
    expect((await api(token, `/journey?objectType=partner&objectId=${otherPartner}`)).status).toBe(404);
    expect((await api(token, '/journey?objectType=deal&objectId=d-00002')).status).toBe(404);
    expect((await api(token, '/partners')).status).toBe(403);
    const change = await api(token, '/stage', { method: 'POST', body: { objectId: otherPartner, stage: 'mature', reason: 'Outside this record' } });
    expect(change.status).toBe(404);
    const own = await api(token, '/stage', { method: 'POST', body: { objectId: partnerId, stage: 'mature', reason: 'Decided on this deal' } });
    expect(own.status).toBe(200);
  });
});
