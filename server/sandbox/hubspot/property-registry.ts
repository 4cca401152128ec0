import type { HubspotObjectType, HubspotPropertyType } from '../../crm/hubspot/property-definitions.ts';

/** A property definition as the properties API returns it. */
export interface SandboxProperty {
  name: string;
  label: string;
  type: HubspotPropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: { label: string; value: string; displayOrder: number; hidden: boolean }[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  hubspotDefined: boolean;
  /** Read-only: HubSpot computes it, API writes are refused. */
  calculated: boolean;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface SandboxGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

const EPOCH = '2019-08-06T02:43:01.000Z';

function standard(
  name: string,
  label: string,
  type: HubspotPropertyType,
  fieldType: string,
  groupName: string,
  calculated = false,
  options: string[] = [],
): SandboxProperty {
  return {
    name,
    label,
    type,
    fieldType,
    groupName,
    description: '',
    options: options.map((value, i) => ({ label: value, value, displayOrder: i, hidden: false })),
    displayOrder: -1,
    hasUniqueValue: false,
    hidden: false,
    formField: !calculated,
    hubspotDefined: true,
    calculated,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    archived: false,
  };
}

/** The default deal pipeline's stages and what closing means for each. */
export const DEAL_STAGES: Readonly<Record<string, { closed: boolean; won: boolean }>> = {
  appointmentscheduled: { closed: false, won: false },
  qualifiedtobuy: { closed: false, won: false },
  presentationscheduled: { closed: false, won: false },
  decisionmakerboughtin: { closed: false, won: false },
  contractsent: { closed: false, won: false },
  closedwon: { closed: true, won: true },
  closedlost: { closed: true, won: false },
};

export function standardProperties(objectType: HubspotObjectType): SandboxProperty[] {
  const common = [
    standard('hs_object_id', 'Record ID', 'number', 'number', objectType === 'companies' ? 'companyinformation' : 'dealinformation', true),
    standard('createdate', 'Create Date', 'datetime', 'date', objectType === 'companies' ? 'companyinformation' : 'dealinformation'),
    standard('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', objectType === 'companies' ? 'companyinformation' : 'dealinformation', true),
  ];
  if (objectType === 'companies') {
    return [
      ...common,
      standard('name', 'Company name', 'string', 'text', 'companyinformation'),
      standard('domain', 'Company Domain Name', 'string', 'text', 'companyinformation'),
      standard('notes_last_updated', 'Last Activity Date', 'datetime', 'date', 'companyinformation', true),
    ];
  }
  return [
    ...common,
    standard('dealname', 'Deal Name', 'string', 'text', 'dealinformation'),
    standard('amount', 'Amount', 'number', 'number', 'dealinformation'),
    standard('closedate', 'Close Date', 'datetime', 'date', 'dealinformation'),
    standard('pipeline', 'Pipeline', 'enumeration', 'select', 'dealinformation', false, ['default']),
    standard('dealstage', 'Deal Stage', 'enumeration', 'select', 'dealinformation', false, Object.keys(DEAL_STAGES)),
    standard('hs_is_closed_won', 'Is Closed Won', 'bool', 'booleancheckbox', 'dealinformation', true, ['true', 'false']),
    standard('hs_is_closed', 'Is Deal Closed?', 'bool', 'booleancheckbox', 'dealinformation', true, ['true', 'false']),
  ];
}

export function standardGroups(objectType: HubspotObjectType): SandboxGroup[] {
  return objectType === 'companies'
    ? [{ name: 'companyinformation', label: 'Company information', displayOrder: -1, archived: false }]
    : [{ name: 'dealinformation', label: 'Deal information', displayOrder: -1, archived: false }];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^-?\d+$/;

/** Epoch ms of a stored or filter date value (epoch-ms text, ISO date or date-time); null when unreadable. */
export function dateValueMs(value: string): number | null {
  if (DIGITS.test(value)) return Number(value);
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Normalises a written value the way HubSpot stores it; returns an error message when HubSpot
 * would refuse it. An empty string clears the property.
 */
export function normaliseValue(property: SandboxProperty, raw: string): { value: string } | { error: string } {
  if (raw === '') return { value: '' };
  switch (property.type) {
    case 'string':
      return { value: raw };
    case 'number': {
      const n = Number(raw.trim());
      return raw.trim() !== '' && Number.isFinite(n) ? { value: String(n) } : { error: `${raw} was not a valid number.` };
    }
    case 'bool': {
      const lower = raw.toLowerCase();
      return lower === 'true' || lower === 'false' ? { value: lower } : { error: `${raw} was not a valid boolean (true or false).` };
    }
    case 'enumeration': {
      const allowed = property.options.map((o) => o.value);
      const values = property.fieldType === 'checkbox' ? raw.split(';') : [raw];
      const bad = values.find((v) => !allowed.includes(v));
      return bad === undefined ? { value: raw } : { error: `${bad} was not one of the allowed options: [${allowed.join(', ')}]` };
    }
    case 'date': {
      const ms = dateValueMs(raw);
      if (ms === null) return { error: `${raw} is not a valid date.` };
      if (ms % 86_400_000 !== 0) return { error: `${raw} is at ${new Date(ms).toISOString()} UTC, not midnight; date properties take midnight UTC.` };
      return { value: new Date(ms).toISOString().slice(0, 10) };
    }
    case 'datetime': {
      const ms = dateValueMs(raw);
      return ms === null ? { error: `${raw} is not a valid date-time.` } : { value: new Date(ms).toISOString() };
    }
  }
}
