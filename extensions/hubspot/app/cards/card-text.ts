import type { Locale } from './vendor/shared/i18n/locale.ts';

/** Words only the HubSpot card needs; the journey's own words come from shared/i18n. */
export interface CardText {
  readonly loading: string;
  readonly partnerType: string;
  readonly health: string;
  readonly nextAction: string;
  readonly notPartnerTitle: string;
  readonly notPartnerBody: string;
  readonly noPartnersTitle: string;
  readonly noPartnersBody: string;
  readonly unsupportedRecord: string;
  readonly serviceNotConfigured: string;
  readonly serviceAnswered: (title: string) => string;
  readonly joinedAtInferred: string;
  readonly partnersOnDeal: string;
  readonly newStage: string;
  readonly chooseStage: string;
  readonly stageRequired: string;
  readonly stageChanged: (stage: string) => string;
  readonly stageNotChanged: string;
  readonly serviceUnreachable: string;
  readonly actionNotSaved: string;
  readonly historyColumns: { readonly at: string; readonly change: string; readonly source: string; readonly actor: string; readonly reason: string };
  readonly focus: string;
}

const en: CardText = {
  loading: 'Loading the partner journey',
  partnerType: 'Partner type',
  health: 'Health',
  nextAction: 'Next action',
  notPartnerTitle: 'Not in the partner program',
  notPartnerBody: 'This company has no partner type, so it has no journey yet. Set "Partner type" to start one.',
  noPartnersTitle: 'No partner on this deal',
  noPartnersBody: 'Associate the partner company to this deal with the "Partner" label to see its journey here.',
  unsupportedRecord: 'This card works on company and deal records.',
  serviceNotConfigured: 'The Partner Journey service address is missing: set the serviceOrigin profile variable and upload the project again.',
  serviceAnswered: (title) => `The service answered: ${title}`,
  joinedAtInferred: 'The partner-since date is empty in the CRM; the day the sync first saw this partner stands in for it.',
  partnersOnDeal: 'Partners on this deal',
  newStage: 'New stage',
  chooseStage: 'Choose a stage',
  stageRequired: 'Choose the stage to move the partner to.',
  stageChanged: (stage) => `Stage changed to ${stage}.`,
  stageNotChanged: 'The stage was not changed.',
  serviceUnreachable: 'The service did not answer, so the change may not be saved. Submit again: it will not be recorded twice.',
  actionNotSaved: 'The action could not be saved. Try again in a moment.',
  historyColumns: { at: 'When', change: 'Change', source: 'How', actor: 'Who', reason: 'Why' },
  focus: 'Focus',
};

const ptBR: CardText = {
  loading: 'Carregando a jornada do parceiro',
  partnerType: 'Tipo de parceiro',
  health: 'Saúde',
  nextAction: 'Próxima ação',
  notPartnerTitle: 'Fora do programa de parceiros',
  notPartnerBody: 'Esta empresa não tem tipo de parceiro, então ainda não tem jornada. Preencha "Tipo de parceiro" para começar.',
  noPartnersTitle: 'Nenhum parceiro neste negócio',
  noPartnersBody: 'Associe a empresa parceira a este negócio com o rótulo "Partner" para ver a jornada dela aqui.',
  unsupportedRecord: 'Este card funciona em registros de empresas e de negócios.',
  serviceNotConfigured: 'Falta o endereço do serviço Partner Journey: defina a variável de perfil serviceOrigin e envie o projeto de novo.',
  serviceAnswered: (title) => `Resposta do serviço: ${title}`,
  joinedAtInferred: 'A data de entrada no programa está vazia no CRM; no lugar dela vale o dia em que a sincronização viu o parceiro pela primeira vez.',
  partnersOnDeal: 'Parceiros neste negócio',
  newStage: 'Novo estágio',
  chooseStage: 'Escolha um estágio',
  stageRequired: 'Escolha o estágio para onde o parceiro vai.',
  stageChanged: (stage) => `Estágio alterado para ${stage}.`,
  stageNotChanged: 'O estágio não foi alterado.',
  serviceUnreachable: 'O serviço não respondeu, então a mudança pode não ter sido salva. Envie de novo: ela não será registrada duas vezes.',
  actionNotSaved: 'Não foi possível salvar a ação. Tente de novo em instantes.',
  historyColumns: { at: 'Quando', change: 'Mudança', source: 'Como', actor: 'Quem', reason: 'Por quê' },
  focus: 'Foco',
};

const texts: Record<Locale, CardText> = { en, 'pt-BR': ptBR };

export function cardTextFor(locale: Locale): CardText {
  return texts[locale];
}
