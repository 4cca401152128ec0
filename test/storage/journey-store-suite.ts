import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyStore, PartnerFactsUpsert, StageChangeInput, StoredDeal } from '../../server/storage/journey-store.ts';

/**
 * The storage contract, run unchanged against every backend (PGlite and PostgreSQL). Each test
 * works in its own fresh tenant, which is also how the suite shows that tenants never mix.
 */
export function describeJourneyStore(backend: string, open: () => Promise<JourneyStore>): void {
  describe(`JourneyStore on ${backend}`, () => {
    let store: JourneyStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });
    const tenant = () => `test:${randomUUID()}`;

    it('keeps the first-seen day, the official stage and the CRM outputs when a partner is synced again', async () => {
      const t = tenant();
      await store.upsertPartners(t, [facts('p1', { syncedAt: '2026-01-10T08:00:00.000Z' })]);
      await store.changeStage(t, change('p1', 'activate'));
      await store.recordCrmOutputs(t, 'p1', { stage: 'activate', wonDeals12m: 2 });
      await store.upsertPartners(t, [facts('p1', { name: 'Acme Renamed', certifications: 3, syncedAt: '2026-02-01T08:00:00.000Z' })]);
      const p = await store.getPartner(t, 'p1');
      expect(p).toMatchObject({
        name: 'Acme Renamed',
        certifications: 3,
        firstSeenAt: '2026-01-10',
        syncedAt: '2026-02-01T08:00:00.000Z',
        officialStage: 'activate',
        stageChangedBy: 'manager@example.com',
      });
      expect(p?.crmOutputs).toMatchObject({ stage: 'activate', wonDeals12m: 2, health: null });
    });

    it('lists current partners by name, searches case-insensitively and literally, and pages after a partner', async () => {
      const t = tenant();
      await store.upsertPartners(t, [
        facts('p3', { name: 'Cobalt 100% Partners' }),
        facts('p1', { name: 'acme' }),
        facts('p2', { name: 'Beta' }),
        facts('p4', { name: 'Former', type: null }),
        facts('p5', { name: 'Beta' }),
      ]);
      const all = await store.listPartners(t, { limit: 10 });
      expect(all.map((p) => p.partnerId)).toEqual(['p2', 'p5', 'p3', 'p1']);
      expect((await store.listPartners(t, { limit: 10, search: 'BETA' })).map((p) => p.partnerId)).toEqual(['p2', 'p5']);
      expect((await store.listPartners(t, { limit: 10, search: '0%' })).map((p) => p.partnerId)).toEqual(['p3']);
      expect((await store.listPartners(t, { limit: 10, search: '_' })).map((p) => p.partnerId)).toEqual([]);
      expect((await store.listPartners(t, { limit: 2, after: 'p2' })).map((p) => p.partnerId)).toEqual(['p5', 'p3']);
    });

    it('stores deals with their partner links, replaces links on upsert and forgets deleted deals', async () => {
      const t = tenant();
      await store.upsertPartners(t, [facts('p1'), facts('p2')]);
      await store.upsertDeals(t, [deal('d1', ['p1']), deal('d2', ['p1', 'p2'])]);
      let byPartner = await store.dealsOfPartners(t, ['p1', 'p2', 'p9']);
      expect(byPartner.get('p1')?.map((d) => d.dealId)).toEqual(['d1', 'd2']);
      expect(byPartner.get('p2')?.map((d) => d.dealId)).toEqual(['d2']);
      expect(byPartner.get('p9')).toEqual([]);
      await store.upsertDeals(t, [deal('d2', ['p2'], { status: 'won', closedAt: '2026-03-01', amount: 5000.5 })]);
      expect(await store.getDeal(t, 'd2')).toEqual(deal('d2', ['p2'], { status: 'won', closedAt: '2026-03-01', amount: 5000.5 }));
      byPartner = await store.dealsOfPartners(t, ['p1']);
      expect(byPartner.get('p1')?.map((d) => d.dealId)).toEqual(['d1']);
      await store.deleteDeals(t, ['d1']);
      expect(await store.getDeal(t, 'd1')).toBeNull();
      expect((await store.dealsOfPartners(t, ['p1'])).get('p1')).toEqual([]);
      expect((await store.getDeals(t, ['d1', 'd2'])).map((d) => d.dealId)).toEqual(['d2']);
    });

    it('appends one history row per stage change and sets the official stage with it', async () => {
      const t = tenant();
      await store.upsertPartners(t, [facts('p1')]);
      const first = await store.changeStage(t, change('p1', 'recruit', { source: 'sync', actor: 'partner-journey sync' }));
      const second = await store.changeStage(t, change('p1', 'accelerate', { at: '2026-03-02T10:00:00.000Z' }));
      expect(first.created && second.created).toBe(true);
      const history = await store.stageHistory(t, 'p1');
      expect(history.map((h) => [h.from, h.to, h.source])).toEqual([
        [null, 'recruit', 'sync'],
        ['recruit', 'accelerate', 'manual'],
      ]);
      expect(history[1]).toMatchObject({ reason: 'Three wins this quarter', evidence: { suggestedStage: 'accelerate' } });
      expect(await store.getPartner(t, 'p1')).toMatchObject({
        officialStage: 'accelerate',
        stageChangedAt: '2026-03-02T10:00:00.000Z',
        stageChangedBy: 'manager@example.com',
      });
    });

    it('writes nothing for a stage change whose idempotency key was used, and returns the first row', async () => {
      const t = tenant();
      await store.upsertPartners(t, [facts('p1')]);
      const first = await store.changeStage(t, change('p1', 'activate', { idempotencyKey: 'key-0001' }));
      const retry = await store.changeStage(t, change('p1', 'mature', { idempotencyKey: 'key-0001' }));
      expect(retry).toEqual({ row: first.row, created: false });
      expect(await store.stageChangeByKey(t, 'key-0001')).toEqual(first.row);
      expect(await store.stageChangeByKey(t, 'key-unused')).toBeNull();
      expect(await store.stageChangeByKey(tenant(), 'key-0001')).toBeNull();
      expect(await store.stageHistory(t, 'p1')).toHaveLength(1);
      expect((await store.getPartner(t, 'p1'))?.officialStage).toBe('activate');
    });

    it('refuses a change decided from a stage someone changed meanwhile, and writes nothing', async () => {
      const t = tenant();
      await store.upsertPartners(t, [facts('p1')]);
      const sync = { source: 'sync', actor: 'partner-journey sync' } as const;
      await store.changeStage(t, change('p1', 'activate', { ...sync, expectedFrom: null }));
      await store.changeStage(t, change('p1', 'mature'));
      await expect(store.changeStage(t, change('p1', 'accelerate', { ...sync, expectedFrom: 'activate' }))).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.stageHistory(t, 'p1')).map((h) => [h.from, h.to])).toEqual([
        [null, 'activate'],
        ['activate', 'mature'],
      ]);
      expect((await store.getPartner(t, 'p1'))?.officialStage).toBe('mature');
      expect((await store.changeStage(t, change('p1', 'mature', { ...sync, expectedFrom: 'mature' }))).created).toBe(true);
    });

    it('lets concurrent retries with one idempotency key write a single row', async () => {
      const t = tenant();
      await store.upsertPartners(t, [facts('p1')]);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => store.changeStage(t, change('p1', 'activate', { idempotencyKey: 'key-concurrent' }))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.row.id)).size).toBe(1);
      expect(await store.stageHistory(t, 'p1')).toHaveLength(1);
    });

    it('scopes idempotency keys, partners, deals, history and cursors to their tenant', async () => {
      const a = tenant();
      const b = tenant();
      await store.upsertPartners(a, [facts('p1')]);
      await store.upsertPartners(b, [facts('p1', { name: 'Other tenant' })]);
      await store.upsertDeals(a, [deal('d1', ['p1'])]);
      await store.changeStage(a, change('p1', 'activate', { idempotencyKey: 'shared-key' }));
      const inB = await store.changeStage(b, change('p1', 'mature', { idempotencyKey: 'shared-key' }));
      expect(inB.created).toBe(true);
      await store.saveCursor(a, 'changes:deals', 'cursor-a');
      expect((await store.getPartner(b, 'p1'))?.name).toBe('Other tenant');
      expect((await store.getPartner(b, 'p1'))?.officialStage).toBe('mature');
      expect(await store.getDeal(b, 'd1')).toBeNull();
      expect((await store.dealsOfPartners(b, ['p1'])).get('p1')).toEqual([]);
      expect(await store.stageHistory(b, 'p1')).toHaveLength(1);
      expect(await store.getCursor(b, 'changes:deals')).toBeNull();
      expect(await store.getPartner(tenant(), 'p1')).toBeNull();
    });

    it('refuses a stage change for a partner it does not know', async () => {
      await expect(store.changeStage(tenant(), change('nobody', 'activate'))).rejects.toMatchObject({ code: 'not_found' });
    });

    it('keeps action completions as appended rows, so an undo is a new row and the latest one counts', async () => {
      const t = tenant();
      const mark = (actionId: 'mature.review-kpis' | 'any.check-in-at-risk', done: boolean, at: string) =>
        store.setActionDone(t, { partnerId: 'p1', actionId, done, actor: 'rep@example.com', at });
      await mark('mature.review-kpis', true, '2026-03-01T10:00:00Z');
      await mark('any.check-in-at-risk', true, '2026-03-01T10:01:00Z');
      await mark('any.check-in-at-risk', false, '2026-03-01T10:02:00Z');
      expect(await store.completedActions(t, 'p1')).toEqual(['mature.review-kpis']);
      await mark('any.check-in-at-risk', true, '2026-03-01T10:03:00Z');
      expect([...(await store.completedActions(t, 'p1'))].sort()).toEqual(['any.check-in-at-risk', 'mature.review-kpis']);
    });

    it('keeps the latest evaluation per partner', async () => {
      const t = tenant();
      const evaluation = (health: 'healthy' | 'at_risk') => ({
        partnerId: 'p1',
        asOf: '2026-03-01',
        suggestedStage: 'activate' as const,
        health,
        data: { kpis: { wonDeals12m: 1 } },
        evaluatedAt: '2026-03-01T10:00:00.000Z',
      });
      await store.saveEvaluations(t, [evaluation('healthy')]);
      await store.saveEvaluations(t, [evaluation('at_risk')]);
      const saved = await store.getEvaluations(t, ['p1', 'p2']);
      expect([...saved.keys()]).toEqual(['p1']);
      expect(saved.get('p1')).toEqual(evaluation('at_risk'));
    });

    it('overwrites sync cursors and tells a duplicate webhook event apart', async () => {
      const t = tenant();
      expect(await store.getCursor(t, 'backfill')).toBeNull();
      await store.saveCursor(t, 'backfill', '{"after":null}');
      await store.saveCursor(t, 'backfill', '{"after":"200"}');
      expect(await store.getCursor(t, 'backfill')).toBe('{"after":"200"}');
      expect(await store.markEventSeen(t, 'evt-1', '2026-03-01T10:00:00Z')).toBe(true);
      expect(await store.markEventSeen(t, 'evt-1', '2026-03-01T10:00:05Z')).toBe(false);
    });

    it('rolls back every write of a failed transaction, including a stage change made inside it', async () => {
      const t = tenant();
      await store.upsertPartners(t, [facts('p1')]);
      await expect(
        store.transaction(async (tx) => {
          await tx.upsertPartners(t, [facts('p2')]);
          await tx.changeStage(t, change('p1', 'mature'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.getPartner(t, 'p2')).toBeNull();
      expect(await store.stageHistory(t, 'p1')).toEqual([]);
      expect((await store.getPartner(t, 'p1'))?.officialStage).toBeNull();
      const done = await store.transaction(async (tx) => {
        await tx.upsertDeals(t, [deal('d1', ['p1'])]);
        return tx.changeStage(t, change('p1', 'activate'));
      });
      expect(done.created).toBe(true);
      expect((await store.getPartner(t, 'p1'))?.officialStage).toBe('activate');
    });

    it('handles batches larger than one statement can carry', async () => {
      const t = tenant();
      const many = Array.from({ length: 2_345 }, (_, i) => facts(`p${i}`));
      await store.upsertPartners(t, many);
      await store.upsertDeals(t, many.map((p, i) => deal(`d${i}`, [p.partnerId])));
      const ids = many.map((p) => p.partnerId);
      expect(await store.getPartners(t, ids)).toHaveLength(2_345);
      const byPartner = await store.dealsOfPartners(t, ids);
      expect([...byPartner.values()].every((deals) => deals.length === 1)).toBe(true);
    });
  });
}

export function facts(partnerId: string, overrides: Partial<PartnerFactsUpsert> = {}): PartnerFactsUpsert {
  return {
    partnerId,
    name: `Partner ${partnerId}`,
    type: 'channel',
    joinedAt: '2025-01-15',
    certifications: 1,
    hasJointBusinessPlan: false,
    lastActivityAt: null,
    crmModifiedAt: '2026-01-01T00:00:00.000Z',
    syncedAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

export function deal(dealId: string, partnerIds: string[], overrides: Partial<StoredDeal> = {}): StoredDeal {
  return {
    dealId,
    name: `Deal ${dealId}`,
    partnerIds,
    createdAt: '2026-01-05',
    closedAt: null,
    status: 'open',
    amount: 1000,
    registeredAt: null,
    crmModifiedAt: '2026-01-06T00:00:00.000Z',
    ...overrides,
  };
}

export function change(partnerId: string, to: StageChangeInput['to'], overrides: Partial<StageChangeInput> = {}): StageChangeInput {
  return {
    partnerId,
    to,
    source: 'manual',
    actor: 'manager@example.com',
    reason: 'Three wins this quarter',
    evidence: { suggestedStage: to },
    at: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}
