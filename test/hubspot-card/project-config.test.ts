import { existsSync } from 'node:fs';
import path from 'node:path';
import { Components } from '@hubspot/project-parsing-lib/constants';
import { loadHsProfileFile, validateProfileVariables } from '@hubspot/project-parsing-lib/profiles';
import { isKnownPlatformVersion, parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { translate, type IntermediateRepresentationNode } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const PROFILE = 'example';
const EXAMPLE_ORIGIN = 'https://partner-journey.example.com';

interface AppConfig {
  distribution: string;
  auth: { type: string; requiredScopes: string[] };
  permittedUrls: { fetch: string[]; iframe: string[]; img: string[] };
}
interface CardConfig {
  name: string;
  location: string;
  entrypoint: string;
  objectTypes: string[];
}
interface WebhooksConfig {
  settings: { targetUrl: string; maxConcurrentRequests: number };
  subscriptions: { legacyCrmObjects?: { subscriptionType: string; propertyName?: string; active: boolean }[]; crmObjects?: unknown[] };
}

const project = parseProjectConfig(REPO_ROOT);
const srcDir = path.join(REPO_ROOT, project.srcDir);
let nodes: IntermediateRepresentationNode[];
let skipped: string[];
let profileVariables: unknown;

function node(type: string): IntermediateRepresentationNode {
  const found = nodes.filter((n) => n.componentType === type);
  expect(found, `exactly one ${type} component`).toHaveLength(1);
  return found[0] as IntermediateRepresentationNode;
}

beforeAll(async () => {
  // skipValidation: HubSpot's JSON schemas are fetched from the account, and tests stay offline.
  const result = await translate({ projectSourceDir: srcDir, platformVersion: project.platformVersion }, { skipValidation: true, profile: PROFILE });
  nodes = Object.values(result.intermediateRepresentation.intermediateNodesIndexedByUid);
  skipped = result.skippedHsMetaFiles;
  profileVariables = result.intermediateRepresentation.profileData?.vars.profileVariables;
});

describe('the HubSpot project as HubSpot’s own parser reads it', () => {
  it('is a 2025.2 project whose source is extensions/hubspot, with no component file out of place', () => {
    expect(project).toMatchObject({ srcDir: 'extensions/hubspot', platformVersion: '2025.2' });
    expect(isKnownPlatformVersion(project.platformVersion)).toBe(true);
    expect(skipped).toEqual([]);
    expect(nodes.map((n) => n.componentType).sort()).toEqual(['APPLICATION', 'CARD', 'WEBHOOKS']);
    for (const n of nodes) {
      expect(validateUid(n.uid), n.uid).toBeUndefined();
      expect(n.uid).toMatch(/^partner_journey_/);
    }
  });

  it('puts every component in the directory the platform requires', () => {
    const dir = (type: string) => Components[type]?.dir;
    const expectedDir = { APPLICATION: dir('app'), CARD: `app/${dir('card')}`, WEBHOOKS: `app/${dir('webhooks')}` };
    for (const n of nodes) {
      expect(path.posix.dirname(n.metaFilePath)).toBe(expectedDir[n.componentType as keyof typeof expectedDir]);
    }
  });

  it('declares a private app with static auth, the scopes the sync and setup need, and the service as the only fetch origin', () => {
    const app = node('APPLICATION').config as AppConfig;
    expect(app.distribution).toBe('private');
    expect(app.auth.type).toBe('static');
    expect(app.auth.requiredScopes).toEqual(
      expect.arrayContaining([
        'crm.objects.companies.read',
        'crm.objects.companies.write',
        'crm.objects.deals.read',
        'crm.objects.deals.write',
        'crm.schemas.companies.write',
        'crm.schemas.deals.write',
      ]),
    );
    expect(app.permittedUrls).toEqual({ fetch: [EXAMPLE_ORIGIN], iframe: [], img: [] });
  });

  it('takes the service origin from the profile, whose variables HubSpot accepts', () => {
    const profile = loadHsProfileFile(srcDir, PROFILE);
    expect(validateProfileVariables(profile.variables ?? {}, PROFILE)).toEqual({ success: true, errors: [] });
    expect(profileVariables).toMatchObject({ serviceOrigin: { variableType: 'PROFILE_STRING', value: EXAMPLE_ORIGIN } });
  });

  it('places one card on company and deal records in the record tab, with an entry file that exists', () => {
    const card = node('CARD');
    const config = card.config as CardConfig;
    expect(config.location).toBe('crm.record.tab');
    expect(config.objectTypes).toEqual(['companies', 'deals']);
    expect(config.entrypoint).toBe('/app/cards/PartnerJourneyCard.tsx');
    expect(existsSync(path.join(srcDir, config.entrypoint))).toBe(true);
    expect(card.componentDeps['app']).toBe(node('APPLICATION').uid);
  });

  it('sends the webhooks the sync needs to the service', () => {
    const webhooks = node('WEBHOOKS');
    const config = webhooks.config as WebhooksConfig;
    expect(webhooks.componentDeps['app']).toBe(node('APPLICATION').uid);
    expect(config.settings.targetUrl).toBe(`${EXAMPLE_ORIGIN}/api/v1/hubspot/webhooks`);
    const subscriptions = (config.subscriptions.legacyCrmObjects ?? []).map((s) => {
      expect(s.active).toBe(true);
      return s.propertyName ? `${s.subscriptionType}:${s.propertyName}` : s.subscriptionType;
    });
    expect(subscriptions.sort()).toEqual(
      [
        'deal.creation',
        'deal.associationChange',
        'deal.deletion',
        'company.deletion',
        'deal.propertyChange:amount',
        'deal.propertyChange:closedate',
        'deal.propertyChange:hs_is_closed_won',
        'deal.propertyChange:dealstage',
        'deal.propertyChange:pj_registered_at',
        'company.propertyChange:pj_partner_type',
        'company.propertyChange:pj_partner_since',
        'company.propertyChange:pj_certifications',
        'company.propertyChange:pj_joint_business_plan',
        'company.propertyChange:pj_stage',
      ].sort(),
    );
  });

  it('without a profile, leaves the origin unresolved, so an upload must name one', async () => {
    const result = await translate({ projectSourceDir: srcDir, platformVersion: project.platformVersion }, { skipValidation: true });
    const app = Object.values(result.intermediateRepresentation.intermediateNodesIndexedByUid).find((n) => n.componentType === 'APPLICATION');
    expect((app?.config as AppConfig).permittedUrls.fetch).toEqual(['${serviceOrigin}']);
  });
});
