import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBootSchema, type CardBoot } from '../../shared/api/card-boot.ts';
import { journeyResponseSchema, problemSchema } from '../../shared/api/journey-api.ts';
import { CANVAS_SESSION_TTL_MS } from '../../server/http/salesforce-canvas-page.ts';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../server/sandbox/salesforce/sandbox.ts';
import { startTestService, TEST_NOW } from '../support/test-service.ts';
import { startCanvasService, type CanvasService } from './support/canvas-service.ts';
import { buildSeed } from './support/seed.ts';

let sandbox: SalesforceSandbox;
let canvas: CanvasService;
beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ seed: buildSeed({ partners: 4, deals: 40, seed: 5 }) });
  canvas = await startCanvasService(sandbox);
}, 30_000);
afterAll(async () => {
  await canvas?.close();
  await sandbox?.close();
});

const partnerId = () => sandbox.state.idOf('p0');

function post(body: string | Record<string, string>, json = false): Promise<Response> {
  return fetch(`${canvas.service.url}/salesforce/canvas`, {
    method: 'POST',
    headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: typeof body === 'string' ? new URLSearchParams({ signed_request: body }) : JSON.stringify(body),
  });
}

function bootOf(html: string): CardBoot {
  const match = /<script type="application\/json" id="pj-boot">(.*?)<\/script>/s.exec(html);
  return cardBootSchema.parse(JSON.parse(match?.[1] ?? 'null'));
}

/** Opens the card as Salesforce would and returns the boot the page carries. */
async function open(username: string, recordId = partnerId()): Promise<CardBoot> {
  const response = await post(canvas.signedFor(username, { parameterRecordId: recordId }));
  expect(response.status).toBe(200);
  return bootOf(await response.text());
}

function api(boot: CardBoot, path: string, body?: unknown): Promise<Response> {
  return fetch(`${canvas.service.url}/api/v1/card${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${boot.token ?? ''}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return problemSchema.parse(await response.json());
}

describe('POST /salesforce/canvas', () => {
  it('When Salesforce posts a valid signed request, then the card page boots with a record-bound session and may be framed by Salesforce only', async () => {
    const signed = canvas.signedFor('manager', { parameterRecordId: partnerId() });
    const response = await post(signed);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(ancestors).toEqual(['https://*.force.com', 'https://*.salesforce.com', 'https://*.lightning.force.com', 'https://*.my.salesforce.com', sandbox.instanceUrl]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const html = await response.text();
    const boot = bootOf(html);
    expect(boot).toEqual({ mode: 'canvas', apiBase: '', locale: 'pt-BR', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), record: { objectType: 'partner', objectId: partnerId() } });
    const oauthToken = JSON.parse(Buffer.from(signed.split('.')[1] ?? '', 'base64').toString('utf8')).client.oauthToken as string;
    expect(html).not.toContain(oauthToken);
    expect(canvas.service.logs()).not.toContain(oauthToken);
    const journey = journeyResponseSchema.parse(await (await api(boot, `/journey?objectType=partner&objectId=${partnerId()}`)).json());
    expect(journey).toMatchObject({ kind: 'partner', role: 'manager', locale: 'pt-BR' });
  });

  it('When the signed request comes as JSON, or the canvas sits on an Opportunity, then the card opens on the deal', async () => {
    const dealId = sandbox.state.idOf('d0');
    const asJson = await post({ signed_request: canvas.signedFor('rep', { parameterRecordId: dealId }) }, true);
    expect(asJson.status).toBe(200);
    expect(bootOf(await asJson.text()).record).toEqual({ objectType: 'deal', objectId: dealId });
    const onLayout = await post(canvas.signedFor('rep', { pageRecordId: dealId, pageRecordType: 'Opportunity' }));
    const boot = bootOf(await onLayout.text());
    expect(boot.record).toEqual({ objectType: 'deal', objectId: dealId });
    const journey = journeyResponseSchema.parse(await (await api(boot, `/journey?objectType=deal&objectId=${dealId}`)).json());
    expect(journey).toMatchObject({ kind: 'deal', role: 'rep', deal: { id: dealId } });
  });

  it('When the signature is base64url-encoded, then the request is accepted', async () => {
    let signed = '';
    for (let i = 0; i < 50 && !/[-_]/.test(signed.split('.')[0] ?? ''); i += 1) {
      signed = canvas.signedFor('rep', { parameterRecordId: partnerId(), language: i % 2 ? 'en_US' : 'pt_BR', oauthToken: `token-${i}` }, { alphabet: 'base64url' });
    }
    expect(signed.split('.')[0]).toMatch(/[-_]/);
    expect((await post(signed)).status).toBe(200);
  });

  it.each([
    ['a tampered payload', (s: string) => `${s.split('.')[0]}.${Buffer.from(Buffer.from(s.split('.')[1] ?? '', 'base64').toString('utf8').replace('"rep@', '"manager@')).toString('base64')}`],
    ['a tampered signature', (s: string) => `${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`],
    ['a missing signature', (s: string) => `.${s.split('.')[1]}`],
  ])('When Salesforce’s request arrives with %s, then 401 and no page', async (_what, tamper) => {
    const response = await post(tamper(canvas.signedFor('rep', { parameterRecordId: partnerId() })));
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toMatch(/Canvas signed request/);
  });

  it('When the request was signed with another secret or names another algorithm, then 401', async () => {
    const wrongSecret = await post(canvas.signedFor('manager', { parameterRecordId: partnerId() }, { secret: 'not-the-consumer-secret' }));
    expect(wrongSecret.status).toBe(401);
    const wrongAlgorithm = await post(canvas.signedFor('manager', { parameterRecordId: partnerId(), algorithm: 'HMACSHA1' }));
    expect(wrongAlgorithm.status).toBe(401);
    expect((await problemOf(wrongAlgorithm)).detail).toMatch(/HMACSHA1/);
    expect((await post({ signed_request: '' }, true)).status).toBe(401);
    expect(canvas.service.logs()).toContain('Canvas request rejected');
  });

  it('When the service has no consumer secret, then no Canvas request is accepted and the problem names the setting', async () => {
    const bare = await startTestService();
    try {
      const response = await fetch(`${bare.url}/salesforce/canvas`, { method: 'POST', body: new URLSearchParams({ signed_request: canvas.signedFor('manager', { parameterRecordId: partnerId() }) }) });
      expect(response.status).toBe(500);
      expect((await problemOf(response)).detail).toMatch(/SALESFORCE_CONSUMER_SECRET is not set/);
    } finally {
      await bare.close();
    }
  });

  it('When the record is neither an Account nor an Opportunity, then 400 naming the record', async () => {
    const response = await post(canvas.signedFor('rep', { pageRecordId: '0035g0000000001AAA', pageRecordType: 'Contact' }));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((e) => e.field)).toEqual(['context.environment.record']);
  });
});

describe('the Canvas session', () => {
  it('When a session reaches for another record or the partner list, then it is refused', async () => {
    const boot = await open('manager');
    const other = sandbox.state.idOf('p1');
    expect((await api(boot, `/journey?objectType=partner&objectId=${other}`)).status).toBe(404);
    expect((await api(boot, '/stage', { objectId: other, stage: 'mature', reason: 'Not my record' })).status).toBe(404);
    expect((await api(boot, '/partners')).status).toBe(403);
    expect(sandbox.state.record('Account', other)?.PJ_Stage__c).not.toBe('mature');
  });

  it('When a rep changes the stage, then 403 and neither Salesforce nor the history changes', async () => {
    const boot = await open('rep');
    const before = { account: sandbox.state.record('Account', partnerId()), history: await canvas.service.store.stageHistory(canvas.tenant, partnerId()) };
    const response = await api(boot, '/stage', { objectId: partnerId(), stage: 'mature', reason: 'I think so' });
    expect(response.status).toBe(403);
    expect(sandbox.state.record('Account', partnerId())).toEqual(before.account);
    expect(await canvas.service.store.stageHistory(canvas.tenant, partnerId())).toEqual(before.history);
  });

  it('When a channel manager changes the stage, then Salesforce holds it as changed by them and the history row is ours, once per idempotency key', async () => {
    const boot = await open('manager');
    const manager = sandbox.state.user('manager');
    const before = await canvas.service.store.stageHistory(canvas.tenant, partnerId());
    sandbox.state.clearRequests();
    const change = { objectId: partnerId(), stage: 'mature', reason: 'Joint plan signed, top reseller', idempotencyKey: 'canvas-change-0001' };
    const [first, retry] = [await api(boot, '/stage', change), await api(boot, '/stage', change)];
    expect([first.status, retry.status]).toEqual([200, 200]);
    const body = journeyResponseSchema.parse(await retry.json());
    expect(body.kind === 'partner' && body.journey.officialStage).toBe('mature');
    const at = new Date(TEST_NOW).toISOString();
    expect(sandbox.state.record('Account', partnerId())).toMatchObject({
      PJ_Stage__c: 'mature',
      PJ_Stage_Changed_By__c: manager.username,
      PJ_Stage_Changed_At__c: at.replace('Z', '+0000'),
      LastModifiedById: manager.id,
    });
    const writes = sandbox.state.requests().filter((r) => r.endpoint === 'PATCH composite/sobjects');
    expect(writes.map((r) => r.userId)).toEqual([manager.id]);
    const history = await canvas.service.store.stageHistory(canvas.tenant, partnerId());
    expect(history).toHaveLength(before.length + 1);
    expect(history.at(-1)).toMatchObject({ to: 'mature', source: 'manual', actor: manager.username, reason: change.reason, idempotencyKey: change.idempotencyKey });
    expect(await canvas.service.store.getPartner(canvas.tenant, partnerId())).toMatchObject({
      officialStage: 'mature',
      crmOutputs: expect.objectContaining({ stage: 'mature', stageChangedBy: manager.username }),
    });
    const again = await canvas.sync.sync(canvas.adapter);
    expect(again.crmEdits).toBe(0);
    expect(await canvas.service.store.stageHistory(canvas.tenant, partnerId())).toHaveLength(before.length + 1);
  });

  it('When the Salesforce session behind the card has expired, then 401 and nothing is written', async () => {
    const boot = await open('manager');
    const target = sandbox.state.idOf('p2');
    const scoped = await open('manager', target);
    const before = await canvas.service.store.stageHistory(canvas.tenant, target);
    sandbox.state.expireSessions();
    try {
      const response = await api(scoped, '/stage', { objectId: target, stage: 'recruit', reason: 'Back to onboarding' });
      expect(response.status).toBe(401);
      expect((await problemOf(response)).detail).toMatch(/reload the record page/);
      expect(await canvas.service.store.stageHistory(canvas.tenant, target)).toEqual(before);
      expect(sandbox.state.record('Account', target)?.PJ_Stage__c).not.toBe('recruit');
      expect((await api(boot, `/journey?objectType=partner&objectId=${partnerId()}`)).status).toBe(200);
    } finally {
      await canvas.sync.sync(canvas.adapter);
    }
  });

  it('When a rep marks an action done and undone, then it is recorded like the card API does', async () => {
    const boot = await open('rep', sandbox.state.idOf('p3'));
    const journey = journeyResponseSchema.parse(await (await api(boot, `/journey?objectType=partner&objectId=${sandbox.state.idOf('p3')}`)).json());
    const action = journey.kind === 'partner' ? journey.journey.evaluation.actions[0]?.id : undefined;
    expect(action).toBeDefined();
    const done = journeyResponseSchema.parse(await (await api(boot, '/actions', { objectId: sandbox.state.idOf('p3'), actionId: action, done: true })).json());
    expect(done.kind === 'partner' && done.journey.completedActionIds).toContain(action);
    const undone = journeyResponseSchema.parse(await (await api(boot, '/actions', { objectId: sandbox.state.idOf('p3'), actionId: action, done: false })).json());
    expect(undone.kind === 'partner' && undone.journey.completedActionIds).not.toContain(action);
  });

  it('When the session is older than 15 minutes, then it is refused and the card must be reopened from Salesforce', async () => {
    const boot = await open('rep');
    canvas.service.clock.now += CANVAS_SESSION_TTL_MS;
    try {
      expect((await api(boot, `/journey?objectType=partner&objectId=${partnerId()}`)).status).toBe(401);
    } finally {
      canvas.service.clock.now = TEST_NOW;
    }
  });
});

describe('secrets', () => {
  it('When every test above has run, then no OAuth token, signature or consumer secret appears in the service’s logs', () => {
    const logs = canvas.service.logs();
    expect(logs).toContain('Canvas session opened');
    expect(canvas.secretsSent.length).toBeGreaterThan(10);
    expect(canvas.secretsSent.filter((secret) => logs.includes(secret))).toEqual([]);
  });
});

describe('a Salesforce profile without edit access to the stage', () => {
  it('When Salesforce refuses the manager’s write (field-level security), then 403 says why and nothing is half-applied', async () => {
    const locked = await startSalesforceSandbox({ seed: buildSeed({ partners: 2, deals: 10, seed: 9 }), readOnlyFieldsByProfile: { 'Channel Manager': ['Account.PJ_Stage__c'] } });
    const service = await startCanvasService(locked);
    try {
      const id = locked.state.idOf('p0');
      const boot = bootOf(await (await fetch(`${service.service.url}/salesforce/canvas`, { method: 'POST', body: new URLSearchParams({ signed_request: service.signedFor('manager', { parameterRecordId: id }) }) })).text());
      const before = { account: locked.state.record('Account', id), partner: await service.service.store.getPartner(service.tenant, id), history: await service.service.store.stageHistory(service.tenant, id) };
      const response = await fetch(`${service.service.url}/api/v1/card/stage`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${boot.token ?? ''}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ objectId: id, stage: 'mature', reason: 'Promote them now' }),
      });
      expect(response.status).toBe(403);
      expect((await problemOf(response)).detail).toMatch(/INVALID_FIELD_FOR_INSERT_UPDATE.*Partner_Journey/s);
      expect(locked.state.record('Account', id)).toEqual(before.account);
      expect(await service.service.store.getPartner(service.tenant, id)).toEqual(before.partner);
      expect(await service.service.store.stageHistory(service.tenant, id)).toEqual(before.history);
    } finally {
      await service.close();
      await locked.close();
    }
  });
});
