import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationSchema, problemSchema } from '../../shared/api/journey-api.ts';
import { evaluate } from '../../shared/journey/evaluate.ts';
import { evaluationInputSchema } from '../../shared/journey/input.ts';
import { startTestService, type TestService } from '../support/test-service.ts';

let service: TestService;
let example: Record<string, unknown>;
beforeAll(async () => {
  service = await startTestService();
  example = JSON.parse(await readFile(join(import.meta.dirname, '../../shared/examples/partner.json'), 'utf8')) as Record<string, unknown>;
});
afterAll(async () => {
  await service?.close();
});

function post(body: unknown, query = '') {
  return fetch(`${service.url}/api/v1/evaluate${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('POST /api/v1/evaluate', () => {
  it('When the DESIGN.md §3 document is posted, then the evaluation equals the engine’s, with no CRM identity needed', async () => {
    const response = await post(example);
    expect(response.status).toBe(200);
    const body = evaluationSchema.parse(await response.json());
    expect(body).toEqual(evaluationSchema.parse(evaluate(evaluationInputSchema.parse(example), { now: service.clock.now })));
    expect(body.suggestedStage).toBe('activate');
  });

  it('When a what-if is asked for, then before and after come back for the deal closing won', async () => {
    const response = await post({ ...example, whatIf: { dealId: 'd5', amount: 30_000 }, locale: 'pt-BR' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ dealId: 'd5', amount: 30_000, stageBefore: 'activate', stageAfter: 'accelerate', moves: 'up' });
    expect(evaluationSchema.parse(body.after).locale).toBe('pt-BR');
  });

  it('When more than 5,000 deals are posted, then 413 naming deals', async () => {
    const deal = { createdAt: '2026-01-01', status: 'open' };
    const response = await post({ ...example, deals: Array.from({ length: 5_001 }, () => deal) });
    expect(response.status).toBe(413);
    expect(problemSchema.parse(await response.json()).errors).toEqual([{ field: 'deals', problem: expect.stringContaining('5000') }]);
    expect((await post({ ...example, deals: Array.from({ length: 5_000 }, () => deal) })).status).toBe(200);
  });

  it.each([
    [{ ...{ partner: { type: 'reseller', joinedAt: '2025-01-01' } } }, 'partner.type'],
    [{ partner: { type: 'channel', joinedAt: 'last year' } }, 'partner.joinedAt'],
    [{ partner: { type: 'channel', joinedAt: '2025-01-01' }, deals: [{ status: 'won', createdAt: '2025-02-01' }] }, 'deals[0].closedAt'],
    [{ partner: { type: 'channel', joinedAt: '2025-01-01' }, rules: { platinum: {} } }, 'rules.platinum'],
    [{ partner: { type: 'channel', joinedAt: '2025-01-01' }, whatIf: { amount: -1 } }, 'whatIf.dealId'],
  ])('When the body is invalid (%#), then 400 naming %s', async (body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(problemSchema.parse(await response.json()).errors?.map((e) => e.field)).toContain(field);
  });
});
