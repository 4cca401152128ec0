import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALESFORCE_API_VERSION } from '../../server/crm/salesforce/api-version.ts';
import { EXPECTED_FIELDS, PARTNER_LOOKUP_FIELD } from '../../server/crm/salesforce/partner-journey-fields.ts';
import { buildOrgObjects } from '../../server/sandbox/salesforce/org-objects.ts';
import { findField } from '../../server/sandbox/salesforce/org-schema.ts';
import { messagesFor } from '../../shared/i18n/index.ts';
import { HEALTH_IDS, PARTNER_TYPES, STAGE_IDS } from '../../shared/journey/stages.ts';
import { xmlProblem } from './support/xml-well-formed.ts';

const PROJECT = 'extensions/salesforce';
const SOURCE = join(PROJECT, 'force-app');

/** The describe type Salesforce reports for each metadata field type we use. */
const DESCRIBE_TYPE: Readonly<Record<string, string>> = {
  Picklist: 'picklist',
  Date: 'date',
  DateTime: 'datetime',
  Number: 'double',
  Currency: 'currency',
  Checkbox: 'boolean',
  Text: 'string',
  Lookup: 'reference',
};

type Xml = Record<string, unknown>;
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

let components: SourceComponent[];
let set: ComponentSet;

async function xmlOf(component: SourceComponent, root: string): Promise<Xml> {
  return (await component.parseXml())[root] as Xml;
}

function one(type: string, fullName: string): SourceComponent {
  const found = components.find((c) => c.type.name === type && c.fullName === fullName);
  if (!found) throw new Error(`no ${type} ${fullName} in ${SOURCE}`);
  return found;
}

beforeAll(() => {
  set = ComponentSet.fromSource(SOURCE);
  components = set.getSourceComponents().toArray();
});

describe('Salesforce metadata (SFDX source, read with source-deploy-retrieve)', () => {
  const expected = [...EXPECTED_FIELDS, PARTNER_LOOKUP_FIELD];
  const output = join(tmpdir(), `pj-metadata-${process.pid}`);
  afterAll(async () => {
    await rm(output, { recursive: true, force: true });
  });

  it('When the source is converted to Metadata API format, then every component lands in package.xml at the pinned API version', async () => {
    const project = JSON.parse(await readFile(join(PROJECT, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion: string };
    expect(project.sourceApiVersion).toBe(SALESFORCE_API_VERSION);
    set.sourceApiVersion = project.sourceApiVersion;
    const dir = await mkdtemp(output);
    const result = await new MetadataConverter().convert(set, 'metadata', { type: 'directory', outputDirectory: dir, genUniqueDir: false });
    expect(result.packagePath).toBe(dir);
    const manifest = await readFile(join(dir, 'package.xml'), 'utf8');
    expect(manifest).toContain(`<version>${SALESFORCE_API_VERSION}</version>`);
    for (const field of expected) expect(manifest).toContain(`<members>${field.object}.${field.name}</members>`);
    for (const [type, member] of [
      ['PermissionSet', 'Partner_Journey'],
      ['PermissionSet', 'Partner_Journey_Sales_Rep'],
      ['CustomObjectTranslation', 'Account-pt_BR'],
      ['CustomObjectTranslation', 'Opportunity-pt_BR'],
      ['ExternalClientApplication', 'Partner_Journey'],
      ['ExtlClntAppCanvasSettings', 'Partner_Journey_canvasSettings'],
      ['ExtlClntAppOauthSettings', 'Partner_Journey_oauth'],
      ['ExtlClntAppGlobalOauthSettings', 'Partner_Journey_glbloauth'],
      ['ExtlClntAppConfigurablePolicies', 'Partner_Journey_plcy'],
      ['AuraDefinitionBundle', 'PartnerJourneyCanvas'],
    ] as const) {
      expect(manifest).toMatch(new RegExp(`<members>${member}</members>(\\s*<members>[^<]+</members>)*\\s*<name>${type}</name>`));
    }
    const files = (await readdir(dir, { recursive: true })).map(String);
    expect(files).toEqual(expect.arrayContaining(['objects/Account.object', 'objects/Opportunity.object', 'permissionsets/Partner_Journey.permissionset', 'aura/PartnerJourneyCanvas/PartnerJourneyCanvas.cmp']));
  });

  it('When any metadata file is read, then it is well-formed XML (a stray tag or an unescaped & fails here, not at deploy)', async () => {
    const files = components.flatMap((c) => [c.xml, ...(c.content ? c.walkContent() : []), ...c.getChildren().map((child) => child.xml)]).filter((f): f is string => typeof f === 'string' && /\.(xml|cmp|design)$/.test(f));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expect([file, xmlProblem(await readFile(file, 'utf8'))]).toEqual([file, null]);
    expect(xmlProblem('<a><b></a></b>')).toMatch(/closes/);
    expect(xmlProblem('<a>R & D</a>')).toMatch(/unescaped &/);
    expect(xmlProblem('<a></a><oops>')).toMatch(/second root/);
  });

  it.each(expected.map((f) => [`${f.object}.${f.name}`, f] as const))('%s has the type, values and labels the adapter and the sandbox expect', async (_, want) => {
    const field = await xmlOf(one('CustomField', `${want.object}.${want.name}`), 'CustomField');
    const describeType = DESCRIBE_TYPE[String(field.type)];
    expect(want.types).toContain(describeType);
    const sandboxField = findField(buildOrgObjects().get(want.object) ?? { name: '', label: '', labelPlural: '', keyPrefix: '', fields: [] }, want.name);
    expect(sandboxField?.type).toBe(describeType);
    if (want.referenceTo) expect(field.referenceTo).toBe(want.referenceTo);
    if (want.picklist) {
      const valueSet = field.valueSet as { restricted: string; valueSetDefinition: { value: Xml[] } };
      expect(valueSet.restricted).toBe('true');
      const values = list(valueSet.valueSetDefinition.value);
      expect(values.map((v) => v.fullName)).toEqual([...want.picklist]);
      expect(sandboxField?.picklistValues?.map((p) => p.value)).toEqual([...want.picklist]);
      expect(values.map((v) => v.label)).toEqual(sandboxField?.picklistValues?.map((p) => p.label));
    }
  });

  it('When the stage, health and partner type picklists are labelled, then the labels are the product’s own names in English and Portuguese', async () => {
    const en = messagesFor('en');
    const pt = messagesFor('pt-BR');
    const cases = [
      ['PJ_Stage__c', STAGE_IDS, en.stageNames, pt.stageNames],
      ['PJ_Health__c', HEALTH_IDS, en.healthNames, pt.healthNames],
      ['PJ_Partner_Type__c', PARTNER_TYPES, en.partnerTypes, pt.partnerTypes],
    ] as const;
    for (const [name, ids, english, portuguese] of cases) {
      const field = await xmlOf(one('CustomField', `Account.${name}`), 'CustomField');
      const labels = list((field.valueSet as { valueSetDefinition: { value: Xml[] } }).valueSetDefinition.value).map((v) => v.label);
      expect(labels).toEqual(ids.map((id) => (english as Record<string, string>)[id]));
      const translation = await xmlOf(translationOf('Account', name), 'CustomFieldTranslation');
      expect(list(translation.picklistValues as Xml[]).map((p) => [p.masterLabel, p.translation])).toEqual(
        ids.map((id) => [(english as Record<string, string>)[id], (portuguese as Record<string, string>)[id]]),
      );
    }
  });

  it('When a user reads in Portuguese, then every field of ours has a pt_BR label', async () => {
    for (const want of expected) {
      const translation = await xmlOf(translationOf(want.object, want.name), 'CustomFieldTranslation');
      expect(translation.name).toBe(want.name);
      expect(String(translation.label).length).toBeGreaterThan(3);
    }
  });

  it('When the permission set is assigned, then it grants read and edit on every field of ours', async () => {
    const permissions = await xmlOf(one('PermissionSet', 'Partner_Journey'), 'PermissionSet');
    const granted = list(permissions.fieldPermissions as Xml[]).map((p) => [p.field, p.readable, p.editable]);
    expect(granted).toEqual(expect.arrayContaining(expected.map((f) => [`${f.object}.${f.name}`, 'true', 'true'])));
    expect(granted).toHaveLength(expected.length);
  });

  it('When a sales rep gets the rep permission set, then they read every field of ours but can change no stage and no partner field, only their deals’ partner and registration date', async () => {
    const permissions = await xmlOf(one('PermissionSet', 'Partner_Journey_Sales_Rep'), 'PermissionSet');
    const granted = new Map(list(permissions.fieldPermissions as Xml[]).map((p) => [String(p.field), { read: p.readable === 'true', edit: p.editable === 'true' }]));
    expect([...granted.keys()].sort()).toEqual(expected.map((f) => `${f.object}.${f.name}`).sort());
    for (const [field, access] of granted) {
      expect([field, access.read]).toEqual([field, true]);
      expect([field, access.edit]).toEqual([field, field === 'Opportunity.PJ_Partner_Account__c' || field === 'Opportunity.PJ_Registered_At__c']);
    }
    expect(list(permissions.objectPermissions as Xml[]).every((o) => o.allowEdit === 'false' && o.allowCreate === 'false' && o.allowDelete === 'false')).toBe(true);
  });

  it('When the card sits on a record page, then the Aura wrapper hands the record id to the Canvas app the External Client App defines', async () => {
    const bundle = one('AuraDefinitionBundle', 'PartnerJourneyCanvas');
    const files = bundle.walkContent();
    const markup = await readFile(files.find((f) => f.endsWith('.cmp')) ?? '', 'utf8');
    const controller = await readFile(files.find((f) => f.endsWith('Controller.js')) ?? '', 'utf8');
    const design = await readFile(files.find((f) => f.endsWith('.design')) ?? '', 'utf8');
    expect(markup).toMatch(/implements="[^"]*force:hasRecordId/);
    expect(markup).toMatch(/implements="[^"]*flexipage:availableForRecordHome/);
    expect(markup).toMatch(/<force:canvasApp developerName="Partner_Journey" parameters="\{!v\.canvasParameters\}"/);
    expect(controller).toContain("JSON.stringify({ recordId: recordId })");
    expect(design).toMatch(/<sfdc:object>Account<\/sfdc:object>\s*<sfdc:object>Opportunity<\/sfdc:object>/);

    const canvas = await xmlOf(one('ExtlClntAppCanvasSettings', 'Partner_Journey_canvasSettings'), 'ExtlClntAppCanvasSettings');
    expect(canvas).toMatchObject({ externalClientApplication: 'Partner_Journey', accessMethod: 'Post', canvasLocationOptions: 'Aura' });
    expect(String(canvas.canvasUrl)).toMatch(/^https:\/\/[^/]+\/salesforce\/canvas$/);
    const app = await xmlOf(one('ExternalClientApplication', 'Partner_Journey'), 'ExternalClientApplication');
    expect(app.label).toBe('Partner Journey');
    for (const [type, name, root] of [
      ['ExtlClntAppOauthSettings', 'Partner_Journey_oauth', 'ExtlClntAppOauthSettings'],
      ['ExtlClntAppGlobalOauthSettings', 'Partner_Journey_glbloauth', 'ExtlClntAppGlobalOauthSettings'],
      ['ExtlClntAppConfigurablePolicies', 'Partner_Journey_plcy', 'ExtlClntAppConfigurablePolicies'],
    ] as const) {
      expect((await xmlOf(one(type, name), root)).externalClientApplication).toBe('Partner_Journey');
    }
    const policies = await xmlOf(one('ExtlClntAppConfigurablePolicies', 'Partner_Journey_plcy'), 'ExtlClntAppConfigurablePolicies');
    expect(policies).toMatchObject({ isCanvasPluginEnabled: 'true', isOauthPluginEnabled: 'true' });
  });
});

function translationOf(object: string, field: string): SourceComponent {
  const parent = one('CustomObjectTranslation', `${object}-pt_BR`);
  const child = parent.getChildren().find((c) => c.name === field || c.fullName.endsWith(field));
  if (!child) throw new Error(`no pt_BR translation for ${object}.${field}`);
  return child;
}
