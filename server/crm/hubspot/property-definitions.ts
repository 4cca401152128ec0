import type { Locale } from '../../../shared/i18n/locale.ts';
import { HEALTH_IDS, PARTNER_TYPES, STAGE_IDS } from '../../../shared/journey/stages.ts';

/**
 * Our HubSpot fields (DESIGN.md §4). Names are a public contract: admins use them in views,
 * reports and workflows. Plain data, no SDK types, so the sandbox can declare the same schema.
 */
export type HubspotObjectType = 'companies' | 'deals';
export type HubspotPropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
export type HubspotFieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'booleancheckbox';

export interface LocalText {
  readonly en: string;
  readonly 'pt-BR': string;
}

export interface PropertyOptionDefinition {
  readonly value: string;
  readonly label: LocalText;
}

export interface PropertyDefinition {
  readonly objectType: HubspotObjectType;
  readonly name: string;
  readonly type: HubspotPropertyType;
  readonly fieldType: HubspotFieldType;
  readonly label: LocalText;
  readonly description: LocalText;
  readonly options?: readonly PropertyOptionDefinition[];
  /** False for what only the sync writes: a HubSpot form must not offer (and overwrite) it. */
  readonly formField: boolean;
}

export const PROPERTY_GROUP = {
  name: 'partner_journey',
  label: { en: 'Partner journey', 'pt-BR': 'Jornada do parceiro' },
} as const;

/** The user-defined deal→company association label; the adapter finds its typeIds by this label. */
export const PARTNER_LABEL = { name: 'partner', label: 'Partner' } as const;

const PARTNER_TYPE_LABELS: Record<(typeof PARTNER_TYPES)[number], LocalText> = {
  technology: { en: 'Technology', 'pt-BR': 'Tecnologia' },
  channel: { en: 'Channel', 'pt-BR': 'Canal' },
  strategic: { en: 'Strategic', 'pt-BR': 'Estratégico' },
};

const STAGE_LABELS: Record<(typeof STAGE_IDS)[number], LocalText> = {
  recruit: { en: 'Recruit & onboard', 'pt-BR': 'O início' },
  activate: { en: 'First revenue', 'pt-BR': 'Ganho de relevância' },
  accelerate: { en: 'Acceleration', 'pt-BR': 'Aceleração' },
  mature: { en: 'Maturity', 'pt-BR': 'Maturação' },
};

const HEALTH_LABELS: Record<(typeof HEALTH_IDS)[number], LocalText> = {
  healthy: { en: 'Healthy', 'pt-BR': 'Saudável' },
  at_risk: { en: 'At risk', 'pt-BR': 'Em risco' },
  inactive: { en: 'Inactive', 'pt-BR': 'Inativo' },
};

const BOOLEAN_OPTIONS: readonly PropertyOptionDefinition[] = [
  { value: 'true', label: { en: 'Yes', 'pt-BR': 'Sim' } },
  { value: 'false', label: { en: 'No', 'pt-BR': 'Não' } },
];

function optionsOf<K extends string>(labels: Record<K, LocalText>): PropertyOptionDefinition[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** DESIGN.md §4 outputs owned by the sync alone (the stage itself is shared with people). */
const SYNC_WRITTEN: ReadonlySet<string> = new Set([
  'pj_suggested_stage',
  'pj_health',
  'pj_stage_changed_at',
  'pj_stage_changed_by',
  'pj_next_action',
  'pj_won_revenue_12m',
  'pj_won_deals_12m',
]);

function company(
  name: string,
  type: HubspotPropertyType,
  fieldType: HubspotFieldType,
  label: LocalText,
  description: LocalText,
  options?: readonly PropertyOptionDefinition[],
): PropertyDefinition {
  return { objectType: 'companies', name, type, fieldType, label, description, formField: !SYNC_WRITTEN.has(name), ...(options ? { options } : {}) };
}

export const COMPANY_PROPERTIES: readonly PropertyDefinition[] = [
  company('pj_partner_type', 'enumeration', 'select',
    { en: 'Partner type', 'pt-BR': 'Tipo de parceiro' },
    { en: 'Set it to make this company a partner; leave it empty when it is not one.', 'pt-BR': 'Preencha para tornar esta empresa um parceiro; deixe vazio quando não for.' },
    optionsOf(PARTNER_TYPE_LABELS)),
  company('pj_partner_since', 'date', 'date',
    { en: 'Partner since', 'pt-BR': 'Parceiro desde' },
    { en: 'The day the company joined the partner program.', 'pt-BR': 'Dia em que a empresa entrou no programa de parceiros.' }),
  company('pj_certifications', 'number', 'number',
    { en: 'Partner certifications', 'pt-BR': 'Certificações do parceiro' },
    { en: 'How many certifications the partner team holds.', 'pt-BR': 'Quantas certificações a equipe do parceiro possui.' }),
  company('pj_joint_business_plan', 'bool', 'booleancheckbox',
    { en: 'Joint business plan', 'pt-BR': 'Plano de negócios conjunto' },
    { en: 'Checked when a joint business plan is agreed with the partner.', 'pt-BR': 'Marcado quando há um plano de negócios acordado com o parceiro.' },
    BOOLEAN_OPTIONS),
  company('pj_stage', 'enumeration', 'select',
    { en: 'Partner journey stage', 'pt-BR': 'Estágio da jornada do parceiro' },
    { en: 'The official stage. Channel managers set it; the sync only promotes.', 'pt-BR': 'O estágio oficial. Gerentes de canal definem; a sincronização só promove.' },
    optionsOf(STAGE_LABELS)),
  company('pj_suggested_stage', 'enumeration', 'select',
    { en: 'Suggested journey stage', 'pt-BR': 'Estágio sugerido da jornada' },
    { en: 'The stage the evidence points to, written by the sync.', 'pt-BR': 'O estágio indicado pelas evidências, gravado pela sincronização.' },
    optionsOf(STAGE_LABELS)),
  company('pj_health', 'enumeration', 'select',
    { en: 'Partner health', 'pt-BR': 'Saúde do parceiro' },
    { en: 'Healthy, at risk or inactive, written by the sync.', 'pt-BR': 'Saudável, em risco ou inativo, gravado pela sincronização.' },
    optionsOf(HEALTH_LABELS)),
  company('pj_stage_changed_at', 'datetime', 'date',
    { en: 'Stage changed at', 'pt-BR': 'Estágio alterado em' },
    { en: 'When the official stage last changed.', 'pt-BR': 'Quando o estágio oficial mudou pela última vez.' }),
  company('pj_stage_changed_by', 'string', 'text',
    { en: 'Stage changed by', 'pt-BR': 'Estágio alterado por' },
    { en: 'Who last changed the official stage (a person or the sync).', 'pt-BR': 'Quem mudou o estágio oficial por último (uma pessoa ou a sincronização).' }),
  company('pj_next_action', 'string', 'text',
    { en: 'Next partner action', 'pt-BR': 'Próxima ação com o parceiro' },
    { en: 'The most important next action, written by the sync.', 'pt-BR': 'A próxima ação mais importante, gravada pela sincronização.' }),
  company('pj_won_revenue_12m', 'number', 'number',
    { en: 'Partner won revenue (12 months)', 'pt-BR': 'Receita ganha pelo parceiro (12 meses)' },
    { en: 'Revenue of deals won with this partner in the last 365 days.', 'pt-BR': 'Receita dos negócios ganhos com este parceiro nos últimos 365 dias.' }),
  company('pj_won_deals_12m', 'number', 'number',
    { en: 'Partner won deals (12 months)', 'pt-BR': 'Negócios ganhos pelo parceiro (12 meses)' },
    { en: 'Deals won with this partner in the last 365 days.', 'pt-BR': 'Negócios ganhos com este parceiro nos últimos 365 dias.' }),
];

export const DEAL_PROPERTIES: readonly PropertyDefinition[] = [
  {
    objectType: 'deals',
    name: 'pj_registered_at',
    type: 'datetime',
    fieldType: 'date',
    label: { en: 'Deal registered at', 'pt-BR': 'Negócio registrado em' },
    description: { en: 'When the partner registered this deal.', 'pt-BR': 'Quando o parceiro registrou este negócio.' },
    formField: true,
  },
];

export const ALL_PROPERTIES: readonly PropertyDefinition[] = [...COMPANY_PROPERTIES, ...DEAL_PROPERTIES];

export function localText(text: LocalText, locale: Locale): string {
  return text[locale];
}
