import { z } from 'zod';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SetupReport } from '../crm-adapter.ts';
import type { HubspotApis } from './hubspot-client.ts';
import {
  ALL_PROPERTIES,
  localText,
  PARTNER_LABEL,
  PROPERTY_GROUP,
  type HubspotObjectType,
  type PropertyDefinition,
} from './property-definitions.ts';
import type { RequestRunner } from './request-runner.ts';
import { setupMessages, type SetupMessages, type SetupStep } from './setup-messages.ts';

const existingPropertySchema = z.object({
  name: z.string(),
  type: z.string(),
  fieldType: z.string(),
  options: z.array(z.object({ value: z.string(), hidden: z.boolean().optional() }).loose()).optional(),
}).loose();
const propertiesSchema = z.object({ results: z.array(existingPropertySchema) }).loose();
const groupsSchema = z.object({ results: z.array(z.object({ name: z.string() }).loose()) }).loose();
const labelsSchema = z.object({ results: z.array(z.object({ category: z.string(), label: z.string().nullish() }).loose()) }).loose();

type ExistingProperty = z.infer<typeof existingPropertySchema>;

/** Field types under which HubSpot stores values our parser reads the same way. */
const COMPATIBLE: Readonly<Record<PropertyDefinition['type'], (p: ExistingProperty) => boolean>> = {
  string: (p) => p.type === 'string',
  number: (p) => p.type === 'number',
  date: (p) => p.type === 'date',
  datetime: (p) => p.type === 'datetime',
  enumeration: (p) => p.type === 'enumeration' && (p.fieldType === 'select' || p.fieldType === 'radio'),
  // Older portals keep single checkboxes as enumeration + booleancheckbox; the values are the same.
  bool: (p) => p.fieldType === 'booleancheckbox' && (p.type === 'bool' || p.type === 'enumeration'),
};

interface Outcome {
  readonly created: string[];
  readonly unchanged: string[];
  readonly problems: string[];
}

class Setup {
  private readonly apis: HubspotApis;
  private readonly runner: RequestRunner;
  private readonly locale: Locale;
  private readonly text: SetupMessages;
  readonly outcome: Outcome = { created: [], unchanged: [], problems: [] };

  constructor(apis: HubspotApis, runner: RequestRunner, locale: Locale) {
    this.apis = apis;
    this.runner = runner;
    this.locale = locale;
    this.text = setupMessages(locale);
  }

  /** Runs one step; a refusal that a person must fix (scopes, bad request) becomes a problem. */
  private async step<T>(step: SetupStep, target: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError && (error.code === 'misconfigured' || error.code === 'conflict')) {
        this.outcome.problems.push(this.text.denied(step, target, error.message));
        return undefined;
      }
      throw error;
    }
  }

  async group(type: HubspotObjectType): Promise<boolean> {
    const item = this.text.groupItem(type);
    const raw = await this.step('read', item, () => this.runner.run(`read ${type} property groups`, 'general', () => this.apis.groups.getAll(type)));
    if (raw === undefined) return false;
    if (groupsSchema.parse(raw).results.some((g) => g.name === PROPERTY_GROUP.name)) {
      this.outcome.unchanged.push(item);
      return true;
    }
    const created = await this.step('create', item, () =>
      this.runner.run(`create the ${type} property group`, 'general', () =>
        this.apis.groups.create(type, { name: PROPERTY_GROUP.name, label: localText(PROPERTY_GROUP.label, this.locale) }),
      ),
    );
    if (created !== undefined) this.outcome.created.push(item);
    return created !== undefined;
  }

  async properties(type: HubspotObjectType): Promise<void> {
    const definitions = ALL_PROPERTIES.filter((d) => d.objectType === type);
    const raw = await this.step('read', `${type} properties`, () => this.runner.run(`read ${type} properties`, 'general', () => this.apis.properties.getAll(type)));
    if (raw === undefined) return;
    const existing = new Map(propertiesSchema.parse(raw).results.map((p) => [p.name, p]));
    for (const definition of definitions) {
      const found = existing.get(definition.name);
      if (found) this.check(definition, found);
      else await this.create(definition);
    }
  }

  private check(definition: PropertyDefinition, found: ExistingProperty): void {
    const item = `${definition.objectType}.${definition.name}`;
    if (!COMPATIBLE[definition.type](found)) {
      this.outcome.problems.push(this.text.typeConflict(item, `${found.type}/${found.fieldType}`, `${definition.type}/${definition.fieldType}`));
      return;
    }
    const have = new Set((found.options ?? []).map((o) => o.value));
    const missing = (definition.options ?? []).map((o) => o.value).filter((v) => !have.has(v));
    if (definition.type === 'enumeration' && missing.length > 0) {
      this.outcome.problems.push(this.text.missingOptions(item, missing));
      return;
    }
    // A record holding a value the journey does not know cannot be read, so the sync would stop on it.
    const ours = new Set((definition.options ?? []).map((o) => o.value));
    const unknown = (found.options ?? []).filter((o) => o.hidden !== true && !ours.has(o.value)).map((o) => o.value);
    if (definition.type === 'enumeration' && unknown.length > 0) {
      this.outcome.problems.push(this.text.unknownOptions(item, unknown));
      return;
    }
    this.outcome.unchanged.push(item);
  }

  private async create(definition: PropertyDefinition): Promise<void> {
    const item = `${definition.objectType}.${definition.name}`;
    const body = {
      name: definition.name,
      label: localText(definition.label, this.locale),
      description: localText(definition.description, this.locale),
      type: definition.type,
      fieldType: definition.fieldType,
      groupName: PROPERTY_GROUP.name,
      formField: definition.formField,
      ...(definition.options
        ? { options: definition.options.map((o, i) => ({ label: localText(o.label, this.locale), value: o.value, displayOrder: i, hidden: false })) }
        : {}),
    };
    const created = await this.step('create', item, () =>
      this.runner.run(`create ${item}`, 'general', () =>
        this.apis.properties.create(definition.objectType, body as unknown as Parameters<HubspotApis['properties']['create']>[1]),
      ),
    );
    if (created !== undefined) this.outcome.created.push(item);
  }

  async label(): Promise<void> {
    const item = this.text.labelItem();
    const raw = await this.step('read', item, () => this.runner.run('read the deals→companies association labels', 'general', () => this.apis.labels.getAll('deals', 'companies')));
    if (raw === undefined) return;
    if (labelsSchema.parse(raw).results.some((l) => l.category === 'USER_DEFINED' && l.label === PARTNER_LABEL.label)) {
      this.outcome.unchanged.push(item);
      return;
    }
    const created = await this.step('create', item, () =>
      this.runner.run('create the "Partner" association label', 'general', () =>
        this.apis.labels.create('deals', 'companies', { name: PARTNER_LABEL.name, label: PARTNER_LABEL.label }),
      ),
    );
    if (created !== undefined) this.outcome.created.push(item);
  }
}

/**
 * Creates what is missing (group, properties, the "Partner" label) and checks what exists; a
 * second run creates nothing. Properties wait for their group: HubSpot refuses them without it.
 */
export async function runSetup(apis: HubspotApis, runner: RequestRunner, locale: Locale): Promise<SetupReport> {
  const setup = new Setup(apis, runner, locale);
  for (const type of ['companies', 'deals'] as const) {
    if (await setup.group(type)) await setup.properties(type);
  }
  await setup.label();
  return setup.outcome;
}

