import { Alert, EmptyState, StatusTag, StepIndicator, Text } from '@hubspot/ui-extensions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeJourneyService, problem } from './support/fake-journey-service.ts';
import { ACME_ID, addAcme } from './support/partners.ts';
import { renderCard, routeFetchTo, textOf, type CardSetup } from './support/render-card.tsx';

const ACME_SYNCED = {
  name: 'Acme Integrations',
  pj_partner_type: 'channel',
  pj_stage: 'activate',
  pj_suggested_stage: 'accelerate',
  pj_health: 'at_risk',
  pj_next_action: 'Check in before the partner drifts away',
  pj_won_revenue_12m: '26500',
  pj_won_deals_12m: '3',
};

function crmProperties(values: Record<string, string | null>): NonNullable<CardSetup['beforeRender']> {
  return (mocks) => {
    mocks.useCrmProperties.willCall((names) => ({
      properties: Object.fromEntries(names.map((name) => [name, values[name] ?? null])),
      error: null,
      isLoading: false,
      isRefetching: false,
      refetch: async () => {},
    }));
  };
}

let service: FakeJourneyService;
let restoreFetch: () => void;

beforeEach(() => {
  service = new FakeJourneyService();
  addAcme(service);
  restoreFetch = routeFetchTo(service);
});
afterEach(() => restoreFetch());

async function openOffline(setup: Partial<CardSetup> = {}) {
  const card = renderCard({ objectTypeId: '0-2', objectId: ACME_ID, beforeRender: crmProperties(ACME_SYNCED), ...setup });
  await card.waitFor(() => expect(card.find(Alert, { testId: 'synced-notice' })).toBeTruthy(), { timeoutInMs: 2_000 });
  return card;
}

function expectAcmeSyncedValues(card: Awaited<ReturnType<typeof openOffline>>) {
  expect(card.find(Alert, { testId: 'synced-notice' }).props.title).toBe(
    'The service is unreachable: showing the values last synced to this record.',
  );
  expect(card.findByTestId(StepIndicator, 'synced-steps-record').props.currentStep).toBe(1);
  expect(card.findByTestId(StatusTag, 'synced-health-record').text).toBe('At risk');
  expect(textOf(card.findByTestId(Text, 'synced-next-action-record'))).toMatch(/^Next action:\s+Check in before the partner drifts away$/);
  const text = textOf(card.getRootNode());
  expect(text).toContain('26,500');
  expect(text).toContain('Acceleration');
}

describe('HubSpot card when the service cannot answer', () => {
  it('when hubspot.fetch rejects, shows stage, health and next action from the record’s synced properties', async () => {
    service.override = () => Promise.reject(new TypeError('Failed to fetch'));
    const card = await openOffline();

    expectAcmeSyncedValues(card);
    expect(card.mocks.useCrmProperties.calls[0]?.[0]).toEqual([
      'name',
      'pj_partner_type',
      'pj_stage',
      'pj_suggested_stage',
      'pj_health',
      'pj_next_action',
      'pj_won_revenue_12m',
      'pj_won_deals_12m',
    ]);
  });

  it('when the service does not answer in time, gives up and shows the synced values', async () => {
    service.override = () => new Promise<Response>(() => {});
    const card = await openOffline({ timeoutMs: 50 });

    expectAcmeSyncedValues(card);
  });

  it('when the service fails and HubSpot’s proxy wraps its 503, shows the synced values', async () => {
    service.behindHubSpotProxy = true;
    service.override = async () => problem(503, 'Database unavailable');
    const card = await openOffline();

    expectAcmeSyncedValues(card);
  });

  it('when the answer does not match the shared schema, shows the synced values rather than a half-read journey', async () => {
    service.override = async () => new Response(JSON.stringify({ kind: 'partner', locale: 'en', role: 'rep', journey: { partner: {} } }), { status: 200 });
    const card = await openOffline();

    expectAcmeSyncedValues(card);
  });

  it('without the serviceOrigin profile variable, calls nothing and says what to configure', async () => {
    const card = await openOffline({ serviceOrigin: null });

    expect(service.requests).toHaveLength(0);
    expect(textOf(card.find(Alert, { testId: 'synced-notice' }))).toContain('serviceOrigin profile variable');
    expectAcmeSyncedValues(card);
  });

  it('says it in Brazilian Portuguese to a pt-BR user', async () => {
    service.override = () => Promise.reject(new TypeError('Failed to fetch'));
    const card = await openOffline({ locale: 'pt-BR' });

    expect(card.find(Alert, { testId: 'synced-notice' }).props.title).toBe(
      'O serviço está fora do ar: mostrando os valores sincronizados por último neste registro.',
    );
    expect(card.findByTestId(StatusTag, 'synced-health-record').text).toBe('Em risco');
    expect(textOf(card.findByTestId(Text, 'synced-next-action-record'))).toContain('Próxima ação:');
    expect(textOf(card.getRootNode())).toContain('26.500');
  });

  it('on a company that is not a partner, says so instead of an empty journey', async () => {
    service.override = () => Promise.reject(new TypeError('Failed to fetch'));
    const card = await openOffline({ beforeRender: crmProperties({ name: 'Initech' }) });

    expect(card.find(EmptyState).props.title).toBe('Not in the partner program');
    expect(card.maybeFind(StepIndicator)).toBeNull();
  });

  it('on a company that left the partner program (type cleared, the stage it had kept), says it is not a partner, as the service does', async () => {
    service.override = () => Promise.reject(new TypeError('Failed to fetch'));
    const card = await openOffline({ beforeRender: crmProperties({ name: 'Former Partner Ltd', pj_stage: 'activate' }) });

    expect(card.find(EmptyState).props.title).toBe('Not in the partner program');
    expect(card.maybeFind(StepIndicator)).toBeNull();
  });

  it('on a deal, leaves out a company with the Partner label that is no longer a partner', async () => {
    service.override = () => Promise.reject(new TypeError('Failed to fetch'));
    const partnerLink = [{ category: 'USER_DEFINED', typeId: 41, label: 'Partner' }];
    const card = renderCard({
      objectTypeId: '0-3',
      objectId: 9001,
      beforeRender: (mocks) => {
        mocks.useAssociations.willCall(() => ({
          results: [
            { toObjectId: ACME_ID, associationTypes: partnerLink, properties: ACME_SYNCED },
            { toObjectId: 778, associationTypes: partnerLink, properties: { ...ACME_SYNCED, name: 'Former Partner Ltd', pj_partner_type: null, pj_stage: 'accelerate' } },
          ],
          error: null,
          isLoading: false,
          isRefetching: false,
          refetch: async () => {},
          pagination: { hasNextPage: false, hasPreviousPage: false, currentPage: 1, pageSize: 20, nextPage: () => {}, previousPage: () => {}, reset: () => {} },
        }));
      },
    });
    await card.waitFor(() => expect(card.find(Alert, { testId: 'synced-notice' })).toBeTruthy());

    expect(card.findByTestId(StatusTag, `synced-health-${ACME_ID}`).text).toBe('At risk');
    expect(textOf(card.getRootNode())).not.toContain('Former Partner Ltd');
  });

  it('when HubSpot leaves unset properties out of the record, still shows the ones it has instead of failing', async () => {
    service.override = () => Promise.reject(new TypeError('Failed to fetch'));
    const card = renderCard({
      objectTypeId: '0-2',
      objectId: ACME_ID,
      beforeRender: (mocks) => {
        mocks.useCrmProperties.willCall(() => ({
          properties: { name: 'Acme Integrations', pj_partner_type: 'channel', pj_stage: 'activate' },
          error: null,
          isLoading: false,
          isRefetching: false,
          refetch: async () => {},
        }));
      },
    });
    await card.waitFor(() => expect(card.find(Alert, { testId: 'synced-notice' })).toBeTruthy(), { timeoutInMs: 2_000 });

    expect(card.findByTestId(StepIndicator, 'synced-steps-record').props.currentStep).toBe(1);
    expect(textOf(card.findByTestId(Text, 'synced-next-action-record'))).toMatch(/^Next action:\s+—$/);
  });

  it('on a deal, shows the synced values of the companies linked with the Partner label only', async () => {
    service.override = () => Promise.reject(new TypeError('Failed to fetch'));
    const card = renderCard({
      objectTypeId: '0-3',
      objectId: 9001,
      beforeRender: (mocks) => {
        mocks.useAssociations.willCall(() => ({
          results: [
            { toObjectId: ACME_ID, associationTypes: [{ category: 'USER_DEFINED', typeId: 41, label: 'Partner' }], properties: ACME_SYNCED },
            { toObjectId: 777, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' }], properties: { name: 'Customer Inc' } },
          ],
          error: null,
          isLoading: false,
          isRefetching: false,
          refetch: async () => {},
          pagination: { hasNextPage: false, hasPreviousPage: false, currentPage: 1, pageSize: 20, nextPage: () => {}, previousPage: () => {}, reset: () => {} },
        }));
      },
    });
    await card.waitFor(() => expect(card.find(Alert, { testId: 'synced-notice' })).toBeTruthy());

    expect(card.mocks.useAssociations.calls[0]?.[0]).toMatchObject({ toObjectType: '0-2' });
    expect(card.findByTestId(StatusTag, `synced-health-${ACME_ID}`).text).toBe('At risk');
    const text = textOf(card.getRootNode());
    expect(text).toContain('Acme Integrations');
    expect(text).not.toContain('Customer Inc');
  });
});
