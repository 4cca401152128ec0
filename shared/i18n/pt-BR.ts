import type { Messages, ReasonFacts } from './messages.ts';

const negocios = (n: number, f: ReasonFacts['fmt']) => `${f.number(n)} ${f.plural(n, 'negócio', 'negócios')}`;
const ganhos = (n: number, f: ReasonFacts['fmt']) => `${f.number(n)} ${f.plural(n, 'negócio ganho', 'negócios ganhos')}`;

function faltando(facts: ReasonFacts): string {
  const open = facts.evidence.filter((c) => !c.met);
  return open.map((c) => ptBR.criterion[c.criterion](c, ptBR.stageNames[c.stage], facts.fmt)).join('; ');
}

export const ptBR: Messages = {
  stageNames: {
    recruit: 'O início',
    activate: 'Ganho de relevância',
    accelerate: 'Aceleração',
    mature: 'Maturação',
  },
  stageTaglines: {
    recruit: 'Atrair os parceiros certos e colocá-los para rodar',
    activate: 'Fazer o parceiro assinado começar a gerar receita',
    accelerate: 'Investir nos parceiros que querem crescer',
    mature: 'Otimizar a performance e dar destaque aos melhores',
  },
  healthNames: { healthy: 'Saudável', at_risk: 'Em risco', inactive: 'Inativo' },
  partnerTypes: { technology: 'Tecnologia', channel: 'Canal', strategic: 'Estratégico' },
  healthSignal: {
    inactive: (f) => `nenhuma atividade registrada há ${f.fmt.number(f.kpis.daysSinceLastActivity)} dias`,
    quiet: (f) =>
      `${f.fmt.number(f.kpis.daysSinceLastActivity)} dias desde a última atividade (risco a partir de ${f.rules.health.atRiskDays})`,
    revenue_drop: (f) =>
      `a receita ganha nos últimos 12 meses é ${f.fmt.amount(f.kpis.wonRevenue12m)}, abaixo de ${f.fmt.percent(f.rules.health.revenueDropRatio)} dos ${f.fmt.amount(f.kpis.wonRevenuePrev12m)} do ano anterior`,
    slow_start: (f) =>
      `${f.fmt.number(f.kpis.daysInProgram)} dias no programa sem negócio ganho (a primeira receita costuma vir em 9 a 12 meses)`,
  },
  criterion: {
    wonDealsTotal: (c, stage, f) =>
      `${f.number(c.actual)} de ${f.number(c.required)} ${f.plural(c.required, 'negócio ganho', 'negócios ganhos')} para ${stage}`,
    wonDeals12m: (c, stage, f) =>
      `${f.number(c.actual)} de ${f.number(c.required)} ${f.plural(c.required, 'negócio ganho', 'negócios ganhos')} nos últimos 12 meses para ${stage}`,
    wonRevenue12m: (c, stage, f) =>
      `${f.amount(c.actual)} de ${f.amount(c.required)} em receita ganha nos últimos 12 meses para ${stage}`,
    activeWindows: (c, stage, f) =>
      `${f.number(c.actual)} de ${f.number(c.required)} trimestres recentes com negócio ganho para ${stage}`,
    daysInProgram: (c, stage, f) => `${f.number(c.actual)} de ${f.number(c.required)} dias no programa para ${stage}`,
  },
  kpiLabels: {
    wonRevenue12m: 'Receita ganha (12 meses)',
    wonDeals12m: 'Negócios ganhos (12 meses)',
    wonDealsTotal: 'Negócios ganhos (total)',
    openDeals: 'Negócios em aberto',
    openPipeline: 'Pipeline em aberto',
    winRate12m: 'Taxa de conversão (12 meses)',
    daysSinceLastActivity: 'Dias desde a última atividade',
    daysToFirstWin: 'Dias até o primeiro ganho',
    daysInProgram: 'Dias no programa',
    wonRevenuePrev12m: 'Receita ganha (12 meses anteriores)',
    activeWindows: 'Trimestres com ganho (últimos 4)',
  },
  actions: {
    'any.reengage-inactive': {
      title: 'Reengajar este parceiro inativo',
      reason: (f) =>
        `Nenhuma atividade registrada há ${f.fmt.number(f.kpis.daysSinceLastActivity)} dias (inativo a partir de ${f.rules.health.inactiveDays}). Avise o account manager, procure o parceiro e envie uma pesquisa curta para entender o que o traria de volta.`,
    },
    'any.check-in-at-risk': {
      title: 'Conversar com o parceiro antes que ele se afaste',
      reason: (f) => `Em risco: ${f.signals.map((s) => ptBR.healthSignal[s](f)).join('; ')}.`,
    },
    'any.review-stage': {
      title: 'Revisar o estágio oficial',
      reason: (f) =>
        `As evidências agora indicam ${ptBR.stageNames[f.stage]}, abaixo do estágio oficial ${f.officialStage ? ptBR.stageNames[f.officialStage] : ''}. O estágio nunca é rebaixado automaticamente: um gerente de canais deve confirmar ou alterar.`,
    },
    'recruit.share-learning-path': {
      title: 'Compartilhar a trilha de aprendizado',
      reason: () =>
        'Nenhuma certificação ainda. Cursos e materiais que o parceiro consegue seguir sozinho o colocam para vender sem depender do account manager.',
    },
    'recruit.agree-success-metrics': {
      title: 'Combinar as métricas que importam',
      reason: () =>
        'Ainda sem plano de negócios conjunto. Deixe claro desde o começo por quais métricas a parceria será avaliada e o ritmo esperado.',
    },
    'recruit.register-first-deal': {
      title: 'Ajudar a registrar o primeiro negócio',
      reason: (f) =>
        `${f.fmt.number(f.kpis.daysInProgram)} dias no programa e nenhum negócio registrado. Acompanhe o parceiro no registro da primeira oportunidade.`,
    },
    'recruit.review-fit': {
      title: 'Reavaliar se o parceiro tem o perfil',
      reason: (f) =>
        `${f.fmt.number(f.kpis.daysInProgram)} dias no programa sem negócio ganho; parcerias costumam gerar receita em 9 a 12 meses. Reveja o perfil, a proposta de valor e o investimento.`,
    },
    'activate.support-first-negotiations': {
      title: 'Apoiar as primeiras negociações',
      reason: (f) =>
        `${negocios(f.kpis.openDeals, f.fmt)} em aberto, somando ${f.fmt.amount(f.kpis.openPipeline)}. Participe das reuniões e ajude o parceiro a fechar.`,
    },
    'activate.sales-training': {
      title: 'Fazer um treinamento prático de vendas',
      reason: () => 'Nenhuma certificação ainda. Ofereça aos vendedores do parceiro conteúdo e treinamento de vendas em formato prático.',
    },
    'activate.share-roi-plan': {
      title: 'Mostrar ao parceiro um plano simples de retorno',
      reason: (f) =>
        `Ainda sem plano de negócios conjunto. Um plano simples mostra quanto o parceiro pode ganhar vendendo conosco; até agora: ${faltando(f) || `${ganhos(f.kpis.wonDeals12m, f.fmt)} nos últimos 12 meses`}.`,
    },
    'activate.reward-early-registration': {
      title: 'Premiar o registro antecipado de negócios',
      reason: (f) =>
        `Alguns negócios dos últimos 12 meses foram registrados tarde (mais de ${f.rules.activate.maxRegistrationLagDays} dias depois de criados) ou não foram registrados. Mantenha o registro simples e recompense quem registra cedo.`,
    },
    'accelerate.build-joint-plan': {
      title: 'Montar um plano de negócios conjunto',
      reason: (f) =>
        `Sem plano de negócios conjunto em plena fase de crescimento (${ganhos(f.kpis.wonDeals12m, f.fmt)}, ${f.fmt.amount(f.kpis.wonRevenue12m)} em 12 meses). Definam metas em comum com responsabilidades dos dois lados.`,
    },
    'accelerate.follow-up-stalled-deals': {
      title: 'Acompanhar negócios parados',
      reason: (f) =>
        `Há negócio aberto há mais de ${f.rules.accelerate.stalledDealDays} dias. Crie uma rotina de follow-up dos negócios com o account manager.`,
    },
    'accelerate.certify-team': {
      title: 'Certificar o time do parceiro',
      reason: (f) =>
        `${f.fmt.number(f.certifications)} de ${f.fmt.number(f.rules.accelerate.targetCertifications)} certificações. Treinamentos estruturados com certificação preparam o time do parceiro para atender clientes em escala.`,
    },
    'accelerate.target-campaigns': {
      title: 'Incluir o parceiro em campanhas direcionadas',
      reason: (f) =>
        `Saudável e crescendo (${f.fmt.amount(f.kpis.wonRevenue12m)} ganhos em 12 meses). Avise o parceiro sobre lançamentos e ofertas que ele pode vender, com conteúdo de marketing pronto.`,
    },
    'mature.review-kpis': {
      title: 'Revisar KPIs e o ranking de parceiros',
      reason: (f) =>
        `${ganhos(f.kpis.wonDeals12m, f.fmt)} e ${f.fmt.amount(f.kpis.wonRevenue12m)} nos últimos 12 meses. Meça os KPIs do estágio com regularidade e compare o parceiro com o restante do programa.`,
    },
    'mature.promote-top-partner': {
      title: 'Dar destaque como parceiro de ponta',
      reason: () => 'Parceiro saudável e com ótimo desempenho. Divulgue-o para os clientes e direcione novas indicações para ele.',
    },
  },
  ui: {
    suggested: 'Sugerido',
    officialStage: 'Estágio oficial',
    nextStageEvidence: (stage) => `O que falta para ${stage}`,
    keepStageEvidence: (stage) => `O que mantém o parceiro em ${stage}`,
    nextActions: 'Próximas ações',
    noActions: 'Nada a fazer agora.',
    kpis: 'Indicadores',
    history: 'Histórico de estágios',
    noHistory: 'Nenhuma mudança de estágio ainda.',
    changeStage: 'Alterar estágio',
    reason: 'Motivo',
    reasonHint: 'Por que o estágio muda (3 a 500 caracteres)',
    save: 'Salvar estágio',
    markDone: 'Marcar como feita',
    markUndone: 'Desfazer',
    done: 'Feita',
    whatIf: (partner, from, to) => `Fechar este negócio leva ${partner} de ${from} para ${to}.`,
    whatIfSame: (partner, stage) => `Fechar este negócio mantém ${partner} em ${stage}.`,
    syncedValues: 'O serviço está fora do ar: mostrando os valores sincronizados por último neste registro.',
    notApplicable: '—',
    days: (n, f) => `${f.number(n)} ${f.plural(n, 'dia', 'dias')}`,
    sources: { manual: 'Alterado manualmente', sync: 'Promovido pela sincronização', 'crm-edit': 'Editado no CRM' },
    playbook: 'Playbook',
    keyQuestions: 'Perguntas-chave',
    consider: 'O que considerar',
    potentialActions: 'Ações possíveis',
    syncInitialReason: (stage) => `Primeiro estágio da jornada, pelas evidências: ${stage}.`,
    syncPromotionReason: (stage, evidence) => `As evidências agora atendem ${stage}${evidence ? ` (${evidence})` : ''}.`,
    crmEditReason: (crm) => `Estágio editado diretamente no ${crm}.`,
  },
};
