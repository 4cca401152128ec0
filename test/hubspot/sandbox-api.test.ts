import { afterEach, describe, expect, it } from 'vitest';
import { startHubspotSandbox, type HubspotSandbox, type HubspotSandboxOptions } from '../../server/sandbox/hubspot/index.ts';
import { BASE_MS, NO_LIMITS, portalSeed } from './support.ts';

let sandbox: HubspotSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: HubspotSandboxOptions = {}): Promise<HubspotSandbox> {
  sandbox = await startHubspotSandbox({ ...NO_LIMITS, partnerJourneySchema: true, ...options });
  return sandbox;
}

async function api(s: HubspotSandbox, method: string, path: string, body?: unknown, token = s.token) {
  const response = await fetch(`${s.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const search = (s: HubspotSandbox, body: unknown) => api(s, 'POST', '/crm/v3/objects/deals/search', body);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/;

describe('HubSpot API sandbox (HTTP shapes)', () => {
  it('When the bearer token is wrong, then it answers 401 with HubSpot\'s error body', async () => {
    const s = await start();
    const { status, body } = await api(s, 'GET', '/crm/v3/objects/companies', undefined, 'nope');
    expect(status).toBe(401);
    expect(body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION', message: expect.any(String) });
    expect(body['correlationId']).toMatch(UUID);
  });

  it('When searching, then every operator filters like HubSpot, dates compare as epoch ms and paging carries total', async () => {
    const s = await start();
    for (let i = 0; i < 12; i += 1) {
      s.state.create('deals', { dealname: `Deal ${i}`, amount: String(i * 100), dealstage: i % 2 ? 'closedwon' : 'contractsent', hs_lastmodifieddate: new Date(BASE_MS + i * 1000).toISOString() });
    }
    const ids = async (filters: unknown[], extra: Record<string, unknown> = {}) =>
      ((await search(s, { filterGroups: [{ filters }], limit: 200, ...extra })).body['results'] as { id: string }[]).map((r) => Number(r.id) - 9_000_000);
    expect(await ids([{ propertyName: 'amount', operator: 'GTE', value: '1000' }])).toEqual([11, 12]);
    expect(await ids([{ propertyName: 'amount', operator: 'LT', value: '200' }])).toEqual([1, 2]);
    expect(await ids([{ propertyName: 'amount', operator: 'BETWEEN', value: '300', highValue: '500' }])).toEqual([4, 5, 6]);
    expect(await ids([{ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: String(BASE_MS + 9000) }])).toEqual([11, 12]);
    expect(await ids([{ propertyName: 'hs_lastmodifieddate', operator: 'EQ', value: String(BASE_MS) }])).toEqual([1]);
    expect(await ids([{ propertyName: 'hs_object_id', operator: 'IN', values: ['9000003', '9000004'] }])).toEqual([3, 4]);
    expect((await ids([{ propertyName: 'dealstage', operator: 'NOT_IN', values: ['closedwon'] }])).length).toBe(6);
    expect((await ids([{ propertyName: 'hs_is_closed_won', operator: 'EQ', value: 'true' }])).length).toBe(6);
    expect((await ids([{ propertyName: 'hs_is_closed_won', operator: 'NEQ', value: 'true' }])).length).toBe(6);
    expect(await ids([{ propertyName: 'pj_registered_at', operator: 'HAS_PROPERTY' }])).toEqual([]);
    expect((await ids([{ propertyName: 'pj_registered_at', operator: 'NOT_HAS_PROPERTY' }])).length).toBe(12);
    expect(await ids([{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: '1*' }])).toEqual([2, 11, 12]);
    expect(await ids([], { sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }], limit: 2 })).toEqual([12, 11]);

    const page = await search(s, { limit: 5, after: '5', properties: ['amount'] });
    expect(page.body).toMatchObject({ total: 12, paging: { next: { after: '10' } } });
    const [first] = page.body['results'] as { properties: Record<string, unknown>; createdAt: string }[];
    expect(Object.keys(first?.properties ?? {}).sort()).toEqual(['amount', 'createdate', 'hs_lastmodifieddate', 'hs_object_id']);
    expect(first?.createdAt).toMatch(/Z$/);
  });

  it('When a search pages past the result cap or breaks a limit, then it answers 400 VALIDATION_ERROR', async () => {
    const s = await start({ searchResultCap: 10 });
    for (let i = 0; i < 15; i += 1) s.state.create('deals', { dealname: `D${i}` });
    const bad = [
      { after: '10', limit: 5 },
      { limit: 201 },
      { after: 'ten' },
      { sorts: [{ propertyName: 'amount', direction: 'ASCENDING' }, { propertyName: 'hs_object_id', direction: 'ASCENDING' }] },
      { filterGroups: Array.from({ length: 6 }, () => ({ filters: [{ propertyName: 'amount', operator: 'HAS_PROPERTY' }] })) },
      { filterGroups: [{ filters: [{ propertyName: 'no_such_property', operator: 'EQ', value: 'x' }] }] },
    ];
    for (const body of bad) {
      const answer = await search(s, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
    const capped = await search(s, { after: '5', limit: 8 });
    expect(capped.body).toMatchObject({ total: 15, paging: { next: { after: '13' } } });
    expect((capped.body['results'] as unknown[]).length).toBe(5);
    expect((await search(s, { after: '13', limit: 8 })).status).toBe(400);
  });

  it('When the ten-secondly budget is spent, then it answers 429 RATE_LIMIT with policyName, and searches have their own SECONDLY budget', async () => {
    const s = await start({ rateLimits: { general: { max: 2, windowMs: 60_000 }, search: { max: 1, windowMs: 60_000 }, retryAfter: true } });
    const ok = await api(s, 'GET', '/crm/v3/objects/deals');
    expect(ok.headers.get('x-hubspot-ratelimit-max')).toBe('2');
    expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBe('1');
    await api(s, 'GET', '/crm/v3/objects/deals');
    const limited = await api(s, 'GET', '/crm/v3/objects/deals');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', category: 'RATE_LIMITS' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
    const firstSearch = await search(s, {});
    expect(firstSearch.status).toBe(200);
    expect(firstSearch.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    const secondSearch = await search(s, {});
    expect(secondSearch).toMatchObject({ status: 429, body: { policyName: 'SECONDLY', message: 'You have reached your secondly limit.' } });
  });

  it('When writes come through the API, then values are checked, hs_lastmodifieddate moves and a partial batch answers 207', async () => {
    let now = BASE_MS;
    const s = await start({ seed: portalSeed({ partners: 1, dealsPerPartner: 0 }), clock: () => now });
    now += 60_000;
    const partial = await api(s, 'POST', '/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: '1000001', properties: { pj_stage: 'accelerate', pj_stage_changed_at: String(BASE_MS) } }, { id: '1999999', properties: { pj_stage: 'recruit' } }],
    });
    expect(partial.status).toBe(207);
    expect(partial.body).toMatchObject({ status: 'COMPLETE', numErrors: 1, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['1999999'] } }] });
    expect(s.state.record('companies', '1000001')?.properties).toMatchObject({
      pj_stage: 'accelerate',
      pj_stage_changed_at: new Date(BASE_MS).toISOString(),
      hs_lastmodifieddate: new Date(now).toISOString(),
    });
    const refused = await api(s, 'POST', '/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: '1000001', properties: { hs_lastmodifieddate: '0', pj_health: 'great', pj_unknown: 'x' } }],
    });
    expect(refused.status).toBe(400);
    expect((refused.body['errors'] as { code: string }[]).map((e) => e.code)).toEqual(['READ_ONLY_VALUE', 'INVALID_OPTION', 'PROPERTY_DOESNT_EXIST']);
    const gone = await api(s, 'PATCH', '/crm/v3/objects/deals/9999999', { properties: {} });
    expect(gone).toMatchObject({ status: 404, body: { category: 'OBJECT_NOT_FOUND' } });
  });

  it('When a user-defined label is created, then both directions get a typeId and a second create conflicts', async () => {
    const s = await start({ partnerJourneySchema: false });
    const created = await api(s, 'POST', '/crm/v4/associations/deals/companies/labels', { label: 'Reseller', name: 'reseller' });
    expect(created.body).toEqual({ results: [{ category: 'USER_DEFINED', typeId: 501, label: 'Reseller' }, { category: 'USER_DEFINED', typeId: 502, label: 'Reseller' }] });
    const back = await api(s, 'GET', '/crm/v4/associations/companies/deals/labels');
    expect(back.body['results']).toContainEqual({ category: 'USER_DEFINED', typeId: 502, label: 'Reseller' });
    expect((await api(s, 'POST', '/crm/v4/associations/deals/companies/labels', { label: 'Reseller', name: 'reseller' })).status).toBe(409);
  });

  it('When records are listed with associations, then v3 pages by after and names association types', async () => {
    const s = await start({ seed: portalSeed({ partners: 3, dealsPerPartner: 1 }) });
    const first = await api(s, 'GET', '/crm/v3/objects/deals?limit=2&associations=companies&properties=dealname');
    expect(first.body).toMatchObject({ paging: { next: { after: '9000002' } } });
    const [deal] = first.body['results'] as { associations: { companies: { results: { id: string; type: string }[] } } }[];
    expect(deal?.associations.companies.results).toEqual([
      { id: '1000001', type: 'deal_to_company_unlabeled' },
      { id: '1000001', type: 'partner' },
    ]);
    const rest = await api(s, 'GET', '/crm/v3/objects/deals?limit=100&after=9000002');
    expect((rest.body['results'] as unknown[]).length).toBe(4);
  });

  it('When faults are seeded, then the same seed gives the same answers in the same order', async () => {
    const statuses = async () => {
      const s = await startHubspotSandbox({ ...NO_LIMITS, faults: { seed: 42, rate429: 0.3, rate5xx: 0.2, statuses5xx: [500, 503] } });
      try {
        const out: number[] = [];
        for (let i = 0; i < 40; i += 1) out.push((await api(s, 'GET', '/crm/v3/objects/companies')).status);
        return out;
      } finally {
        await s.close();
      }
    };
    const first = await statuses();
    expect(first).toEqual(await statuses());
    expect(new Set(first)).toEqual(new Set([200, 429, 500, 503]));
  });

  it('When the account is asked for, then it gives the portal id', async () => {
    const s = await start({ portalId: 123_456 });
    expect((await api(s, 'GET', '/account-info/v3/details')).body).toMatchObject({ portalId: 123_456 });
  });
});
