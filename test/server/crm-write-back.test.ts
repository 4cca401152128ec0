import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyResponseSchema } from '../../shared/api/journey-api.ts';
import type { CrmAdapter, OutputUpdate, WriteReport } from '../../server/crm/crm-adapter.ts';
import { generateDataset } from '../../server/demo/dataset.ts';
import { seedDemo } from '../support/seed-store.ts';
import { crmLinks } from '../../server/journey/crm-links.ts';
import { AppError } from '../../server/errors/app-error.ts';
import { startTestService, TEST_NOW, type TestService } from '../support/test-service.ts';

const TENANT = 'hubspot:3003';

/** Stands in for a CRM behind the port: records what the service writes, or fails as told. */
class RecordingCrm {
  readonly writes: OutputUpdate[][] = [];
  failWith: 'throw' | 'report' | null = null;

  adapter(): CrmAdapter {
    const unused = () => Promise.reject(new Error('not used by stage changes'));
    return {
      kind: 'hubspot',
      tenantId: async () => TENANT,
      pagePartners: unused,
      dealsOfPartners: unused,
      changeCursorSince: () => '',
      changedPartners: unused,
      changedDeals: unused,
      getPartners: unused,
      getDeals: unused,
      setup: unused,
      writePartnerOutputs: async (updates): Promise<WriteReport> => {
        this.writes.push([...updates]);
        if (this.failWith === 'throw') throw new AppError('crm_unavailable', 'HubSpot answered 503');
        if (this.failWith === 'report') return { written: [], failed: updates.map((u) => ({ partnerId: u.partnerId, code: 'locked', message: 'row locked' })), requests: 1 };
        return { written: updates.map((u) => u.partnerId), failed: [], requests: 1 };
      },
    };
  }
}

const crm = new RecordingCrm();
const queued: string[] = [];
let service: TestService;
beforeAll(async () => {
  service = await startTestService({
    demoTenant: TENANT,
    crm: crmLinks(new Map([[TENANT, crm.adapter()]]), async (tenant, work) => {
      queued.push(tenant);
      return work();
    }),
  });
  await seedDemo(service.store, TENANT, TEST_NOW, { dataset: generateDataset({ partners: 6, deals: 60, seed: 3, asOf: '2026-06-30' }) });
});
afterAll(async () => {
  await service?.close();
});

async function changeStage(partnerId: string, stage: string) {
  const session = service.deps.sessions.open({ tenant: TENANT, userId: 'u1', actor: 'boss@example.com', role: 'manager', locale: 'en' });
  const response = await fetch(`${service.url}/api/v1/card/stage`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ objectId: partnerId, stage, reason: 'Reviewed with the partner' }),
  });
  expect(response.status).toBe(200);
  return journeyResponseSchema.parse(await response.json());
}

describe('stage change write-back to the CRM', () => {
  it('When the CRM accepts the write, then stage, changed-at and changed-by are written through the tenant queue and recorded', async () => {
    crm.failWith = null;
    await changeStage('p-001', 'mature');
    const written = crm.writes.at(-1);
    const row = (await service.store.stageHistory(TENANT, 'p-001')).at(-1);
    expect(written).toEqual([{ partnerId: 'p-001', outputs: { stage: 'mature', stageChangedAt: row?.at, stageChangedBy: 'boss@example.com' } }]);
    expect(queued).toContain(TENANT);
    expect((await service.store.getPartner(TENANT, 'p-001'))?.crmOutputs).toMatchObject({ stage: 'mature', stageChangedBy: 'boss@example.com' });
  });

  it.each(['throw', 'report'] as const)('When the CRM write fails (%s), then the change is kept and the CRM fields stay as they were', async (mode) => {
    crm.failWith = mode;
    const before = (await service.store.getPartner(TENANT, 'p-002'))?.crmOutputs;
    const body = await changeStage('p-002', mode === 'throw' ? 'accelerate' : 'activate');
    expect(body.kind === 'partner' && body.journey.officialStage).toBe(mode === 'throw' ? 'accelerate' : 'activate');
    expect((await service.store.getPartner(TENANT, 'p-002'))?.crmOutputs).toEqual(before);
    expect(service.logs()).toContain('stage saved, CRM not updated yet; the sync will write it');
  });
});
