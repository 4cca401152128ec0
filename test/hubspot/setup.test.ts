import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_PROPERTIES, PROPERTY_GROUP } from '../../server/crm/hubspot/property-definitions.ts';
import { ROUTES, routeCount, startHarness, type Harness } from './support.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../server/cli/partner-journey.ts', import.meta.url));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function cli(h: Harness, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'setup', ...args], {
      env: { PATH: process.env['PATH'], HUBSPOT_ACCESS_TOKEN: h.sandbox.token, HUBSPOT_BASE_URL: h.sandbox.baseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const PROPERTY_ITEMS = ALL_PROPERTIES.map((p) => `${p.objectType}.${p.name}`);

describe('partner-journey setup --crm hubspot', () => {
  it('When run on a fresh portal, then it creates the group, every property with its type and options, and the Partner label', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    const report = await harness.adapter.setup();
    expect(report.problems).toEqual([]);
    expect(report.created).toEqual([
      'companies: property group partner_journey',
      ...PROPERTY_ITEMS.filter((i) => i.startsWith('companies.')),
      'deals: property group partner_journey',
      ...PROPERTY_ITEMS.filter((i) => i.startsWith('deals.')),
      'deals→companies: association label "Partner"',
    ]);
    const store = harness.sandbox.state.store;
    expect(store.groups.companies.get(PROPERTY_GROUP.name)?.label).toBe('Partner journey');
    for (const definition of ALL_PROPERTIES) {
      const created = store.properties[definition.objectType].get(definition.name);
      expect(created, definition.name).toMatchObject({ type: definition.type, fieldType: definition.fieldType, groupName: 'partner_journey', formField: definition.formField });
      expect(created?.options.map((o) => o.value)).toEqual((definition.options ?? []).map((o) => o.value));
    }
    expect(store.properties.companies.get('pj_joint_business_plan')).toMatchObject({ type: 'bool', fieldType: 'booleancheckbox' });
    // What the sync alone writes stays out of HubSpot forms, so a form submission cannot overwrite it.
    const onForms = ALL_PROPERTIES.filter((d) => store.properties[d.objectType].get(d.name)?.formField).map((d) => d.name);
    expect(onForms).toEqual(['pj_partner_type', 'pj_partner_since', 'pj_certifications', 'pj_joint_business_plan', 'pj_stage', 'pj_registered_at']);
    const label = harness.sandbox.state.partnerLabel();
    expect(label).toMatchObject({ category: 'USER_DEFINED', label: 'Partner' });
    expect(harness.sandbox.state.associations.type(label?.inverseTypeId ?? 0)).toMatchObject({ from: 'companies', to: 'deals', label: 'Partner' });
  });

  it('When run a second time, then it only reads and reports everything unchanged', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    await harness.adapter.setup();
    harness.sandbox.state.resetRequests();
    const report = await harness.adapter.setup();
    expect(report.created).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.unchanged).toHaveLength(ALL_PROPERTIES.length + 3);
    expect(harness.sandbox.state.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(harness.sandbox.state.countRequests()).toBe(5);
  });

  it('When a property of ours exists with another type, then setup refuses it by name and leaves it alone', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    await harness.adapter.setup();
    harness.sandbox.state.declareProperty({ objectType: 'companies', name: 'pj_stage', type: 'string', fieldType: 'text' });
    harness.sandbox.state.resetRequests();
    const report = await harness.adapter.setup();
    expect(report.problems).toEqual([expect.stringMatching(/^companies\.pj_stage already exists as string\/text, but Partner Journey needs enumeration\/select/)]);
    expect(harness.sandbox.state.store.properties.companies.get('pj_stage')?.type).toBe('string');
    expect(routeCount(harness.sandbox, ROUTES.createProperty)).toBe(0);
  });

  it('When an enumeration of ours has options the journey does not know, then setup names them, as the Salesforce check does for picklists', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    await harness.adapter.setup();
    const partnerType = harness.sandbox.state.store.properties.companies.get('pj_partner_type');
    partnerType?.options.push({ label: 'Reseller', value: 'reseller', displayOrder: 3, hidden: false }, { label: 'Old', value: 'legacy', displayOrder: 4, hidden: true });
    const report = await harness.adapter.setup();
    expect(report.problems).toEqual([expect.stringMatching(/^companies\.pj_partner_type has option\(s\) the journey does not know: reseller\. .*hide/)]);
  });

  it('When the app may not change schemas, then setup reports the denial instead of crashing', async () => {
    harness = await startHarness({ partnerJourneySchema: false, scopes: ['crm.objects.companies.read', 'crm.objects.deals.read', 'crm.schemas.companies.read', 'crm.schemas.deals.read'] });
    const report = await harness.adapter.setup();
    expect(report.created).toEqual([]);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems[0]).toContain('MISSING_SCOPES');
  });

  it('When labels are asked in Portuguese, then the created properties carry pt-BR labels', async () => {
    harness = await startHarness({ partnerJourneySchema: false }, { locale: 'pt-BR' });
    await harness.adapter.setup();
    expect(harness.sandbox.state.store.properties.companies.get('pj_stage')).toMatchObject({
      label: 'Estágio da jornada do parceiro',
      options: expect.arrayContaining([expect.objectContaining({ value: 'activate', label: 'Ganho de relevância' })]),
    });
  });

  it('When the CLI runs twice, then the second run says nothing changed and exits 0', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    const first = await cli(harness, '--crm', 'hubspot');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('+ companies.pj_partner_type');
    expect(first.stdout).toContain(`Partner Journey is set up in HubSpot portal ${harness.sandbox.portalId}.`);
    const second = await cli(harness, '--crm', 'hubspot', '--locale', 'pt-BR');
    expect(second).toMatchObject({ code: 0, stdout: `Nada a mudar: todas as propriedades do Partner Journey e o rótulo "Partner" já existem em HubSpot portal ${harness.sandbox.portalId}.\n` });
  });

  it('When the CLI meets a conflicting property, then it names it and exits non-zero', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    harness.sandbox.state.declareProperty({ objectType: 'deals', name: 'pj_registered_at', type: 'number', fieldType: 'number' });
    const result = await cli(harness, '--crm', 'hubspot');
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('! deals.pj_registered_at already exists as number/number');
  });

  it('When the token is missing, then the CLI names the variable and exits 1', async () => {
    harness = await startHarness({ partnerJourneySchema: false });
    const result = await run(process.execPath, [CLI, 'setup', '--crm', 'hubspot'], { env: { PATH: process.env['PATH'] } }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('HUBSPOT_ACCESS_TOKEN: is required') });
  });
});
