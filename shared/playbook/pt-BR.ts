import type { Playbook } from './playbook.ts';

export const playbookPtBR: Playbook = {
  recruit: {
    focus:
      'Ordene o que a empresa espera das parcerias e use essa lista para avaliar e orientar os novos parceiros. Um parceiro novo só faz diferença no programa quando começa a gerar receita.',
    questions: [
      {
        question: 'Como trazer novos parceiros?',
        consider: [
          'Proposta de valor: como o parceiro vai ganhar mais, o que vai aprender e como vai ser trabalhar conosco.',
          'Perfil: qual tipo de parceiro combina com o nosso modelo de negócio e alcança o nosso cliente ideal.',
          'Geração de demanda: de onde vêm os candidatos a parceiro e quais recursos de marketing e vendas vão para o recrutamento.',
        ],
        actions: [
          'Investir em benefícios que deixem evidente o diferencial desta parceria.',
          'Falar das necessidades de negócio do público-alvo em cada mensagem.',
          'Definir o processo de recrutamento (inbound, outbound ou ambos), quem é responsável e quanto será investido.',
        ],
      },
      {
        question: 'O que acontece depois que a empresa vira parceira?',
        consider: [
          'Pontos de contato: quem do nosso lado cuida de cada parte da relação e com quais ferramentas.',
          'Alinhamento: como estabelecer, já nas primeiras semanas, o ritmo que será cobrado na parceria.',
        ],
        actions: [
          'Disponibilizar conteúdos, materiais e cursos para o parceiro aprender sozinho, sem depender dos account managers e sem sobrecarregá-lo.',
          'Explicar com clareza quais métricas definem se a parceria está funcionando.',
        ],
      },
    ],
  },
  activate: {
    focus:
      'A etapa crítica: transformar parceiros que assinaram ou demonstraram interesse em parceiros que trazem receita. Cada parceiro a mais que passa por esta fase aparece direto na receita do canal.',
    questions: [
      {
        question: 'Como preparar e motivar os parceiros para vender?',
        consider: [
          'Perfis de parceiros: os principais obstáculos de cada tipo de parceiro no nosso modelo de negócio.',
          'Suporte que escala: abordagens de venda que levem o parceiro às primeiras vendas sem consumir tanto do nosso tempo.',
        ],
        actions: ['Produzir e entregar conteúdo e treinamento de vendas em formato prático.', 'Acompanhar e apoiar as primeiras negociações.'],
      },
      {
        question: 'Como manter o fluxo de negócios vindo dos parceiros?',
        consider: [
          'Registro de oportunidades: uma política clara para registrar e gerir as oportunidades em que os parceiros trabalham.',
          'Incentivos: algo para quem registra cedo no ciclo de venda ou registra mais.',
        ],
        actions: [
          'Oferecer um jeito de registrar tão simples que o parceiro de fato informe os negócios.',
          'Recompensar ou gamificar o registro cada vez mais antecipado das oportunidades.',
        ],
      },
      {
        question: 'Como acelerar a receita que geramos juntos?',
        consider: ['Plano financeiro: uma forma de mostrar ao parceiro o retorno que ele terá.'],
        actions: ['Mostrar, com um plano de negócios simples, quanto o parceiro pode ganhar vendendo conosco, para o retorno ficar fácil de enxergar.'],
      },
    ],
  },
  accelerate: {
    focus:
      'Quando o parceiro já traz receita, direcione de forma ativa os hábitos que o mantêm engajado e crescendo. Esta fase pede mais investimento: pessoas, ferramentas e políticas de incentivo.',
    questions: [
      {
        question: 'Como acompanhar o plano e o desempenho do parceiro?',
        consider: [
          'Plano de negócios: metas em comum, com responsabilidades dos dois lados.',
          'Plano por negócio: recursos de venda e campanhas que ajudem o parceiro a manter o status dos negócios em dia.',
        ],
        actions: [
          'Adotar ferramentas simples de planejamento para acompanhar as metas.',
          'Criar rotinas de acompanhamento dos negócios, com o account manager ou com ferramentas, sem multiplicar os lugares que o parceiro precisa atualizar.',
        ],
      },
      {
        question: 'Como aumentar a receita que geramos juntos?',
        consider: [
          'Oportunidades de crescimento: garantir que os parceiros usem lançamentos, campanhas e novidades do produto para vender.',
          'Geração de demanda: ajudar os parceiros a fazer o próprio marketing.',
        ],
        actions: [
          'Enviar alertas direcionados aos parceiros com mais condição de aproveitar cada oferta; campanha que ninguém conhece não gera resultado.',
          'Dar aos parceiros conteúdos e processos para o marketing feito através deles.',
        ],
      },
      {
        question: 'Como ajudar os parceiros com os desafios de escala?',
        consider: [
          'Suporte: se o time do parceiro dá conta da demanda de atendimento aos clientes.',
          'Troca entre pares: como os parceiros aprendem uns com os outros.',
        ],
        actions: [
          'Oferecer treinamentos estruturados, com certificação, para o time do parceiro.',
          'Priorizar a implementação técnica e ferramentas que medem a satisfação do cliente final.',
          'Criar espaços, presenciais ou online, para os parceiros trocarem desafios e boas práticas de crescimento.',
        ],
      },
    ],
  },
  mature: {
    focus:
      'Na maturidade, acompanhe de perto as métricas de desempenho e passe cada vez mais responsabilidade aos parceiros e ao time de canais. Quanto mais claras as expectativas definidas nas fases iniciais, mais fácil ler e melhorar os números.',
    questions: [
      {
        question: 'Qual a melhor forma de medir o desempenho do programa?',
        consider: [
          'Métricas: os indicadores mais importantes para o negócio e a meta de cada um.',
          'Periodicidade: de quanto em quanto tempo cada métrica é revista, na visão geral e no detalhe.',
        ],
        actions: [
          'Definir os KPIs de cada estágio do programa.',
          'Medir com regularidade e manter um ranking de desempenho dos parceiros como referência interna.',
        ],
      },
      {
        question: 'Como ajudar os parceiros a se destacarem para os nossos clientes?',
        consider: [
          'Visibilidade: as formas de divulgar os parceiros que fazem um bom trabalho com os clientes.',
          'Reconhecimento: como escolher quem merece esse destaque.',
        ],
        actions: [
          'Divulgar os parceiros de melhor desempenho, por exemplo em um marketplace, para a empresa e os clientes, gerando indicações.',
          'Usar o ranking para premiar os parceiros mais preparados para receber novas indicações.',
        ],
      },
      {
        question: 'Como reengajar parceiros que sumiram?',
        consider: [
          'Antigos bons parceiros: por que quem performava no começo se desengajou.',
          'Proposta de valor: o que tornaria o programa atraente o bastante para eles voltarem.',
        ],
        actions: [
          'Acompanhar os dados de inatividade e alertar os account managers responsáveis quando o padrão aparecer.',
          'Procurar os parceiros desengajados para apresentar o programa de novo e ouvir sugestões, usando pesquisas para alcançar mais deles.',
        ],
      },
      {
        question: 'Como outras organizações podem ajudar a ampliar a base de parceiros?',
        consider: [
          'Aliados: associações, grupos empresariais e outras entidades próximas dos parceiros que buscamos.',
          'Recrutamento: como ajudar essas organizações a trazer mais parceiros.',
        ],
        actions: [
          'Mapear o ecossistema do segmento dos parceiros e as organizações que podem aproximar potenciais parceiros.',
          'Montar um plano de benefícios que abra portas nessas organizações e procurá-las de forma ativa.',
        ],
      },
    ],
  },
};
