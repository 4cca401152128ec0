import { ComponentSet, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_FIELDS } from '../../server/crm/crm-adapter.ts';
import { ALL_PROPERTIES, type PropertyDefinition } from '../../server/crm/hubspot/property-definitions.ts';
import { OUTPUT_PROPERTY } from '../../server/crm/hubspot/record-properties.ts';
import { ACCOUNT_INPUT_FIELDS, ACCOUNT_OUTPUT_FIELDS, EXPECTED_FIELDS, OPPORTUNITY_FIELDS } from '../../server/crm/salesforce/partner-journey-fields.ts';
import { buildOrgObjects } from '../../server/sandbox/salesforce/org-objects.ts';
import { findField } from '../../server/sandbox/salesforce/org-schema.ts';

/**
 * DESIGN.md §4: both CRMs carry the same facts under parallel names. Admins who run both see the
 * same words too: a Salesforce field's label (and its pt_BR translation) is its HubSpot twin's.
 */
const INPUTS: readonly (readonly [hubspot: string, salesforce: string])[] = [
  ['pj_partner_type', ACCOUNT_INPUT_FIELDS.type],
  ['pj_partner_since', ACCOUNT_INPUT_FIELDS.joinedAt],
  ['pj_certifications', ACCOUNT_INPUT_FIELDS.certifications],
  ['pj_joint_business_plan', ACCOUNT_INPUT_FIELDS.hasJointBusinessPlan],
  ['pj_registered_at', OPPORTUNITY_FIELDS.registeredAt],
];
const PAIRS = [...INPUTS, ...OUTPUT_FIELDS.map((field) => [OUTPUT_PROPERTY[field], ACCOUNT_OUTPUT_FIELDS[field]] as const)];

type Xml = Record<string, unknown>;
let components: SourceComponent[];

beforeAll(() => {
  components = ComponentSet.fromSource('extensions/salesforce/force-app').getSourceComponents().toArray();
});

function hubspotTwin(name: string): PropertyDefinition {
  const found = ALL_PROPERTIES.find((p) => p.name === name);
  if (!found) throw new Error(`HubSpot setup creates no ${name}`);
  return found;
}

async function salesforceLabels(name: string): Promise<{ object: string; label: string; translation: string }> {
  const field = components.find((c) => c.type.name === 'CustomField' && c.fullName.endsWith(`.${name}`));
  if (!field) throw new Error(`no CustomField ${name}`);
  const object = field.fullName.split('.')[0] ?? '';
  const translations = components.find((c) => c.type.name === 'CustomObjectTranslation' && c.fullName === `${object}-pt_BR`);
  const translation = translations?.getChildren().find((c) => c.name === name || c.fullName.endsWith(name));
  if (!translation) throw new Error(`no pt_BR translation of ${object}.${name}`);
  const label = String(((await field.parseXml())['CustomField'] as Xml).label);
  return { object, label, translation: String(((await translation.parseXml())['CustomFieldTranslation'] as Xml).label) };
}

describe('HubSpot and Salesforce fields side by side', () => {
  it('When a fact is written to either CRM, then its names are twins: pj_x_y in HubSpot, PJ_X_Y__c in Salesforce', () => {
    expect(PAIRS).toHaveLength(ALL_PROPERTIES.length);
    for (const [hubspot, salesforce] of PAIRS) {
      expect(salesforce).toMatch(/^PJ_[A-Za-z0-9_]+__c$/);
      expect(salesforce.replace(/__c$/, '').toLowerCase()).toBe(hubspot);
      hubspotTwin(hubspot);
    }
  });

  it.each(PAIRS.map(([hubspot, salesforce]) => [salesforce, hubspot] as const))(
    'When an admin reads %s, then its English and pt_BR labels are the words %s carries in HubSpot',
    async (salesforce, hubspot) => {
      const twin = hubspotTwin(hubspot);
      const labels = await salesforceLabels(salesforce);
      expect(labels.label.toLowerCase()).toBe(twin.label.en.toLowerCase());
      expect(labels.translation).toBe(twin.label['pt-BR']);
      expect(labels.label.length, 'Salesforce labels hold at most 40 characters').toBeLessThanOrEqual(40);
      expect(labels.translation.length, 'Salesforce labels hold at most 40 characters').toBeLessThanOrEqual(40);
      const expected = EXPECTED_FIELDS.find((f) => f.name === salesforce);
      expect(expected?.label).toBe(labels.label);
      expect(findField(buildOrgObjects().get(labels.object) ?? { name: '', label: '', labelPlural: '', keyPrefix: '', fields: [] }, salesforce)?.label).toBe(labels.label);
    },
  );

  it('When a stage field is labelled in Portuguese, then it says "estágio", the word the cards and the framework use', () => {
    for (const property of ALL_PROPERTIES) expect(property.label['pt-BR']).not.toMatch(/\betapa\b/i);
  });
});
