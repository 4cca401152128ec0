import {
  Alert,
  EmptyState,
  Form,
  ProgressBar,
  Select,
  StatisticsItem,
  StatusTag,
  StepIndicator,
  Table,
  TableRow,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeJourneyService, problem } from './support/fake-journey-service.ts';
import { ACME_ID, addAcme } from './support/partners.ts';
import { fire, renderCard, routeFetchTo, SERVICE_ORIGIN, textOf } from './support/render-card.tsx';

let service: FakeJourneyService;
let restoreFetch: () => void;

beforeEach(() => {
  service = new FakeJourneyService();
  addAcme(service);
  restoreFetch = routeFetchTo(service);
});
afterEach(() => restoreFetch());

async function openCompanyCard(locale = 'en-us') {
  const card = renderCard({ objectTypeId: '0-2', objectId: ACME_ID, locale });
  await card.waitFor(() => expect(card.find(StepIndicator)).toBeTruthy());
  return card;
}

describe('HubSpot card on a company record', () => {
  it('asks the service for this company through hubspot.fetch and shows the stage, health, evidence, KPIs and history', async () => {
    const card = await openCompanyCard();

    const [request] = service.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url.origin).toBe(SERVICE_ORIGIN);
    expect(request?.url.pathname).toBe('/api/v1/hubspot/journey');
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({ objectTypeId: '0-2', objectId: String(ACME_ID), locale: 'en' });

    const steps = card.find(StepIndicator);
    expect(steps.props.stepNames).toEqual(['Recruit & onboard', 'First revenue', 'Acceleration', 'Maturity']);
    expect(steps.props.currentStep).toBe(1);
    expect(card.findByTestId(StatusTag, 'health').text).toBe('Healthy');
    expect(textOf(card.getRootNode())).toContain('What Acceleration needs');
    const bars = card.findAll(ProgressBar);
    expect(bars.map((bar) => bar.props.title)).toContain('2 of 3 won deals in the last 12 months needed for Acceleration');
    expect(card.find(StatisticsItem, { label: 'Won revenue (12 months)' }).props.number).toBe('20,000');
    expect(card.findByTestId(Table, 'history').findAll(TableRow)).toHaveLength(2);
    expect(textOf(card.getRootNode())).toContain('Promoted by sync');
  });

  it('for a sales rep, lists the ranked actions with done toggles but no stage-change form', async () => {
    const card = await openCompanyCard();

    expect(card.maybeFind(Form)).toBeNull();
    const toggles = card.findAll(Toggle);
    expect(toggles.map((t) => t.props.name)).toEqual(['activate.support-first-negotiations', 'activate.sales-training', 'activate.share-roi-plan']);
    expect(textOf(card.getRootNode())).toContain('1. Support the first negotiations');
  });

  it('marks an action done through the service and shows it done', async () => {
    const card = await openCompanyCard();

    fire(card.find(Toggle, { name: 'activate.sales-training' }), 'onChange', true);
    await card.waitFor(() => expect(card.find(Toggle, { name: 'activate.sales-training' }).props.checked).toBe(true));

    const [post] = service.requestsTo('/api/v1/hubspot/actions');
    expect(post?.method).toBe('POST');
    expect(post?.body).toEqual({ objectId: String(ACME_ID), actionId: 'activate.sales-training', done: true });
  });

  it('for a channel manager, changes the stage with a reason, then refreshes the record properties', async () => {
    service.role = 'manager';
    const card = await openCompanyCard();
    expect(card.find(Select, { name: 'stage' }).props.options.map((o) => o.value)).toEqual(['recruit', 'activate', 'accelerate', 'mature']);

    fire(card.find(Select, { name: 'stage' }), 'onChange', 'accelerate');
    fire(card.find(TextArea, { name: 'reason' }), 'onInput', 'Joint business plan signed for 2026');
    fire(card.find(Form), 'onSubmit');

    await card.waitFor(() => expect(card.find(StepIndicator).props.currentStep).toBe(2));
    const posts = service.requestsTo('/api/v1/hubspot/stage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({
      objectId: String(ACME_ID),
      stage: 'accelerate',
      reason: 'Joint business plan signed for 2026',
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(1);
    expect(card.mocks.actions.addAlert.calls[0]?.[0]).toEqual({ type: 'success', message: 'Stage changed to Acceleration.' });
    expect(card.findByTestId(Table, 'history').findAll(TableRow)).toHaveLength(3);
    expect(textOf(card.getRootNode())).toContain('Joint business plan signed for 2026');
  });

  it('does not send a stage change without a stage and a reason of at least 3 characters', async () => {
    service.role = 'manager';
    const card = await openCompanyCard();

    fire(card.find(TextArea, { name: 'reason' }), 'onInput', 'ok');
    fire(card.find(Form), 'onSubmit');

    await card.waitFor(() => expect(card.find(TextArea, { name: 'reason' }).props.error).toBe(true));
    expect(card.find(Select, { name: 'stage' }).props.validationMessage).toBe('Choose the stage to move the partner to.');
    expect(card.find(TextArea, { name: 'reason' }).props.validationMessage).toBe('Why the stage changes (3–500 characters)');
    expect(service.requestsTo('/api/v1/hubspot/stage')).toHaveLength(0);
    expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(0);
  });

  it.each([
    ['as sent', false],
    ['wrapped by HubSpot’s proxy', true],
  ])('shows the field the service rejected (%s), and does not refresh the record', async (_, behindHubSpotProxy) => {
    service.role = 'manager';
    service.behindHubSpotProxy = behindHubSpotProxy;
    const card = await openCompanyCard();
    service.override = async () => problem(400, 'Invalid stage change', [{ field: 'reason', problem: 'must be at most 500 characters' }]);

    fire(card.find(Select, { name: 'stage' }), 'onChange', 'mature');
    fire(card.find(TextArea, { name: 'reason' }), 'onInput', 'Long story');
    fire(card.find(Form), 'onSubmit');

    await card.waitFor(() => expect(card.find(TextArea, { name: 'reason' }).props.validationMessage).toBe('must be at most 500 characters'));
    expect(card.find(StepIndicator).props.currentStep).toBe(1);
    expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(0);
  });

  it('resubmits a stage change that timed out with the same idempotency key, so it is recorded once', async () => {
    service.role = 'manager';
    const card = renderCard({ objectTypeId: '0-2', objectId: ACME_ID, timeoutMs: 100 });
    await card.waitFor(() => expect(card.find(StepIndicator)).toBeTruthy());
    service.override = () => new Promise<Response>(() => {});

    fire(card.find(Select, { name: 'stage' }), 'onChange', 'accelerate');
    fire(card.find(TextArea, { name: 'reason' }), 'onInput', 'Third win is signed');
    fire(card.find(Form), 'onSubmit');
    await card.waitFor(() => expect(card.find(Alert, { title: 'The stage was not changed.' })).toBeTruthy(), { timeoutInMs: 2_000 });

    service.override = null;
    fire(card.find(Form), 'onSubmit');
    await card.waitFor(() => expect(card.find(StepIndicator).props.currentStep).toBe(2));

    const keys = service.requestsTo('/api/v1/hubspot/stage').map((r) => r.body?.['idempotencyKey']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(service.partners.get(String(ACME_ID))?.history).toHaveLength(2);
  });

  it('speaks Brazilian Portuguese to a pt-BR user and asks the service for pt-BR texts', async () => {
    service.role = 'manager';
    const card = await openCompanyCard('pt-BR');

    expect(service.requests[0]?.url.searchParams.get('locale')).toBe('pt-BR');
    expect(card.find(StepIndicator).props.stepNames).toEqual(['O início', 'Ganho de relevância', 'Aceleração', 'Maturação']);
    expect(card.findByTestId(StatusTag, 'health').text).toBe('Saudável');
    const text = textOf(card.getRootNode());
    expect(text).toContain('O que falta para Aceleração');
    expect(text).toContain('Próximas ações');
    expect(text).toContain('1. Apoiar as primeiras negociações');
    expect(text).toContain('Alterar estágio');
    expect(card.find(StatisticsItem, { label: 'Receita ganha (12 meses)' }).props.number).toBe('20.000');
    expect(card.find(TextArea, { name: 'reason' }).props.label).toBe('Motivo');
  });

  it('to a pt-BR manager, words a refused stage change and a rejected field in Portuguese, not in the service’s English', async () => {
    service.role = 'manager';
    const card = await openCompanyCard('pt-BR');
    service.override = async () => problem(409, 'The request conflicts with an earlier one');

    fire(card.find(Select, { name: 'stage' }), 'onChange', 'mature');
    fire(card.find(TextArea, { name: 'reason' }), 'onInput', 'Parceiro estratégico do ano');
    fire(card.find(Form), 'onSubmit');
    await card.waitFor(() => expect(card.find(Alert, { title: 'O estágio não foi alterado.' })).toBeTruthy());
    expect(textOf(card.find(Alert, { title: 'O estágio não foi alterado.' }))).toBe(
      'Outra alteração chegou antes desta, então nada foi mudado. Recarregue e tente de novo.',
    );

    service.override = async () => problem(400, 'Invalid stage change', [{ field: 'reason', problem: 'must be at most 500 characters' }]);
    fire(card.find(Form), 'onSubmit');
    await card.waitFor(() => expect(card.find(TextArea, { name: 'reason' }).props.error).toBe(true));
    expect(card.find(TextArea, { name: 'reason' }).props.validationMessage).toBe('Por que o estágio muda (3 a 500 caracteres)');
    expect(textOf(card.getRootNode())).not.toMatch(/conflicts|must be at most/);
  });

  it('to a pt-BR user whose journey the service refuses, says why in Portuguese while showing the synced values', async () => {
    service.override = async () => problem(403, 'You are not allowed to do this');
    const card = renderCard({
      objectTypeId: '0-2',
      objectId: ACME_ID,
      locale: 'pt-BR',
      beforeRender: (mocks) => {
        mocks.useCrmProperties.willCall((names) => ({
          properties: Object.fromEntries(names.map((name) => [name, name === 'pj_partner_type' ? 'channel' : null])),
          error: null,
          isLoading: false,
          isRefetching: false,
          refetch: async () => {},
        }));
      },
    });
    await card.waitFor(() => expect(card.find(Alert, { testId: 'synced-notice' })).toBeTruthy());

    const notice = textOf(card.find(Alert, { testId: 'synced-notice' }));
    expect(notice).toMatch(/^Resposta do serviço: Você não tem permissão para isso\./);
    expect(notice).not.toContain('not allowed');
  });

  it.each([
    ['as sent', false],
    ['wrapped by HubSpot’s proxy', true],
  ])('on a company the service does not know as a partner (404 %s), says it is not in the program', async (_, behindHubSpotProxy) => {
    service.behindHubSpotProxy = behindHubSpotProxy;
    const card = renderCard({ objectTypeId: '0-2', objectId: 31337 });
    await card.waitFor(() => expect(card.find(EmptyState)).toBeTruthy());

    expect(card.find(EmptyState).props.title).toBe('Not in the partner program');
    expect(card.maybeFind(StepIndicator)).toBeNull();
    expect(card.maybeFind(Alert), 'the service answered, so no synced-values notice').toBeNull();
  });
});
