import { describe, expect, it } from 'vitest';
import { adapterFor, manualClock, withSandbox } from './support/harness.ts';
import { buildSeed } from './support/seed.ts';

describe('Salesforce write-back through sObject collections (real jsforce against the sandbox)', () => {
  it('When outputs are written, then only the given fields change and SystemModstamp moves', async () => {
    const clock = manualClock('2026-06-30T12:00:00Z');
    await withSandbox({ seed: buildSeed({ partners: 2, deals: 0 }), clock: clock.now }, async (sandbox) => {
      const id = sandbox.state.idOf('p0');
      sandbox.state.edit('Account', id, { PJ_Next_Action__c: 'Keep this', PJ_Won_Deals_12m__c: 7 });
      const before = sandbox.state.record('Account', id);
      clock.advance(90_000);
      const report = await adapterFor(sandbox, { clock: clock.now }).writePartnerOutputs([
        { partnerId: id, outputs: { stage: 'activate', suggestedStage: 'accelerate', health: 'at_risk', stageChangedAt: '2026-06-30T12:01:00.000Z', stageChangedBy: 'sync', wonRevenue12m: 30_000.456 } },
      ]);
      expect(report).toEqual({ written: [id], failed: [], requests: 1 });
      const after = sandbox.state.record('Account', id);
      expect(after).toMatchObject({
        PJ_Stage__c: 'activate',
        PJ_Suggested_Stage__c: 'accelerate',
        PJ_Health__c: 'at_risk',
        PJ_Stage_Changed_At__c: '2026-06-30T12:01:00.000+0000',
        PJ_Stage_Changed_By__c: 'sync',
        PJ_Won_Revenue_12m__c: 30_000.46,
        PJ_Next_Action__c: 'Keep this',
        PJ_Won_Deals_12m__c: 7,
        Name: before?.Name,
        SystemModstamp: '2026-06-30T12:01:30.000+0000',
      });
      expect(before?.SystemModstamp).toBe('2026-06-30T12:00:00.000+0000');
    });
  });

  it('When 450 partners change, then the write uses 3 collection calls of at most 200 records', async () => {
    await withSandbox({ seed: buildSeed({ partners: 450, deals: 0 }) }, async (sandbox) => {
      const updates = Array.from({ length: 450 }, (_, i) => ({ partnerId: sandbox.state.idOf(`p${i}`), outputs: { health: 'healthy' as const, wonDeals12m: i } }));
      const report = await adapterFor(sandbox).writePartnerOutputs(updates);
      expect(report.written).toHaveLength(450);
      expect(report.requests).toBe(3);
      expect(sandbox.state.endpointCounts()['PATCH composite/sobjects']).toBe(3);
      expect(sandbox.state.record('Account', sandbox.state.idOf('p449'))?.PJ_Won_Deals_12m__c).toBe(449);
    });
  });

  it('When a record is refused, then the failure carries Salesforce statusCode and the other records are written', async () => {
    await withSandbox({ seed: buildSeed({ partners: 3, deals: 0 }), org: { fieldOverrides: { 'Account.PJ_Health__c': { picklistValues: ['healthy'] } } } }, async (sandbox) => {
      const [a, b, c] = ['p0', 'p1', 'p2'].map((k) => sandbox.state.idOf(k)) as [string, string, string];
      sandbox.state.remove('Account', c);
      const report = await adapterFor(sandbox).writePartnerOutputs([
        { partnerId: a, outputs: { health: 'healthy' } },
        { partnerId: b, outputs: { health: 'inactive' } },
        { partnerId: c, outputs: { health: 'healthy' } },
        { partnerId: 'not-an-id', outputs: { health: 'healthy' } },
      ]);
      expect(report.written).toEqual([a]);
      expect(report.failed).toEqual([
        { partnerId: 'not-an-id', code: 'MALFORMED_ID', message: expect.any(String) },
        { partnerId: b, code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: expect.stringContaining('inactive') },
        { partnerId: c, code: 'ENTITY_IS_DELETED', message: 'entity is deleted' },
      ]);
    });
  });

  it('When rows are locked, then only the locked ids are sent again, and a row locked every time is reported as UNABLE_TO_LOCK_ROW', async () => {
    await withSandbox({ seed: buildSeed({ partners: 5, deals: 0 }) }, async (sandbox) => {
      const ids = [0, 1, 2, 3, 4].map((i) => sandbox.state.idOf(`p${i}`));
      const waits: number[] = [];
      const adapter = adapterFor(sandbox, { lockRetry: { attempts: 2, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 0.25 } });
      sandbox.state.faults.queue('lock-row', 2);
      const first = await adapter.writePartnerOutputs(ids.map((partnerId) => ({ partnerId, outputs: { stage: 'recruit' } })));
      expect(first.failed).toEqual([]);
      expect([...first.written].sort()).toEqual([...ids].sort());
      expect(first.requests).toBe(2);
      expect(waits).toEqual([75]);

      sandbox.state.faults.queue('lock-row', 3);
      const second = await adapter.writePartnerOutputs([{ partnerId: ids[0] as string, outputs: { stage: 'activate' } }]);
      expect(second).toEqual({ written: [], failed: [{ partnerId: ids[0], code: 'UNABLE_TO_LOCK_ROW', message: expect.stringContaining('unable to obtain exclusive access') }], requests: 3 });
      expect(waits).toEqual([75, 75, 150]);
    });
  });

  it('When a random share of rows is locked, then every record is eventually written with retries of the failed ids only', async () => {
    await withSandbox({ seed: buildSeed({ partners: 600, deals: 0 }), faults: { seed: 3, lockRowRate: 0.2 } }, async (sandbox) => {
      const ids = Array.from({ length: 600 }, (_, i) => sandbox.state.idOf(`p${i}`));
      const report = await adapterFor(sandbox, { lockRetry: { attempts: 6, baseDelayMs: 1 } }).writePartnerOutputs(ids.map((partnerId) => ({ partnerId, outputs: { suggestedStage: 'mature' } })));
      expect(report.failed).toEqual([]);
      expect(report.written).toHaveLength(600);
      const locked = sandbox.state.faults.counts()['lock-row'];
      expect(locked).toBeGreaterThan(60);
      expect(report.requests).toBeLessThan(3 + Math.ceil(locked / 200) + 6);
      expect(ids.every((id) => sandbox.state.record('Account', id)?.PJ_Suggested_Stage__c === 'mature')).toBe(true);
    });
  });

  it('When the next action is longer than the field, then it is cut to 255 characters instead of failing', async () => {
    await withSandbox({ seed: buildSeed({ partners: 1, deals: 0 }) }, async (sandbox) => {
      const id = sandbox.state.idOf('p0');
      const report = await adapterFor(sandbox).writePartnerOutputs([{ partnerId: id, outputs: { nextAction: 'x'.repeat(400) } }]);
      expect(report.written).toEqual([id]);
      expect(String(sandbox.state.record('Account', id)?.PJ_Next_Action__c)).toHaveLength(255);
    });
  });

  it('When the connection drops before Salesforce’s answer arrives, then the update is sent once more (it sets absolute values) and succeeds', async () => {
    await withSandbox({ seed: buildSeed({ partners: 2, deals: 0 }) }, async (sandbox) => {
      const adapter = adapterFor(sandbox);
      await adapter.tenantId();
      const id = sandbox.state.idOf('p1');
      sandbox.state.faults.queue('drop-connection');
      const report = await adapter.writePartnerOutputs([{ partnerId: id, outputs: { health: 'at_risk', wonDeals12m: 4 } }]);
      expect(report.written).toEqual([id]);
      expect(sandbox.state.record('Account', id)).toMatchObject({ PJ_Health__c: 'at_risk', PJ_Won_Deals_12m__c: 4 });
      expect(sandbox.state.requests().filter((r) => r.endpoint === 'PATCH composite/sobjects').map((r) => r.status)).toEqual([0, 200]);
      sandbox.state.faults.queue('drop-connection', 2);
      await expect(adapter.writePartnerOutputs([{ partnerId: id, outputs: { health: 'healthy' } }])).rejects.toMatchObject({ code: 'crm_unavailable' });
    });
  });
});
