import type { Locale } from '../../../shared/i18n/locale.ts';

export type SetupStep = 'read' | 'create';

export interface SetupMessages {
  typeConflict(property: string, found: string, needed: string): string;
  missingOptions(property: string, values: readonly string[]): string;
  unknownOptions(property: string, values: readonly string[]): string;
  denied(step: SetupStep, target: string, detail: string): string;
  groupItem(objectType: string): string;
  labelItem(): string;
}

const en: SetupMessages = {
  typeConflict: (property, found, needed) =>
    `${property} already exists as ${found}, but Partner Journey needs ${needed}. Rename or delete that property in HubSpot (Settings › Properties), then run setup again.`,
  missingOptions: (property, values) =>
    `${property} is missing the option(s) ${values.join(', ')}. Add them in HubSpot (Settings › Properties), then run setup again.`,
  unknownOptions: (property, values) =>
    `${property} has option(s) the journey does not know: ${values.join(', ')}. Records holding them cannot be synced: hide or delete those options in HubSpot (Settings › Properties), then run setup again.`,
  denied: (step, target, detail) => `HubSpot did not let setup ${step === 'read' ? 'read' : 'create'} ${target}: ${detail}`,
  groupItem: (objectType) => `${objectType}: property group partner_journey`,
  labelItem: () => 'deals→companies: association label "Partner"',
};

const ptBR: SetupMessages = {
  typeConflict: (property, found, needed) =>
    `${property} já existe como ${found}, mas o Partner Journey precisa de ${needed}. Renomeie ou exclua essa propriedade no HubSpot (Configurações › Propriedades) e rode o setup de novo.`,
  missingOptions: (property, values) =>
    `Faltam em ${property} as opções ${values.join(', ')}. Inclua-as no HubSpot (Configurações › Propriedades) e rode o setup de novo.`,
  unknownOptions: (property, values) =>
    `${property} tem opções que a jornada não conhece: ${values.join(', ')}. Registros com elas não podem ser sincronizados: oculte ou exclua essas opções no HubSpot (Configurações › Propriedades) e rode o setup de novo.`,
  denied: (step, target, detail) => `O HubSpot não deixou o setup ${step === 'read' ? 'ler' : 'criar'} ${target}: ${detail}`,
  groupItem: (objectType) => `${objectType}: grupo de propriedades partner_journey`,
  labelItem: () => 'deals→companies: rótulo de associação "Partner"',
};

export function setupMessages(locale: Locale): SetupMessages {
  return locale === 'pt-BR' ? ptBR : en;
}
