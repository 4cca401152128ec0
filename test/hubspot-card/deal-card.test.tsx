import { EmptyState, StatusTag, StepIndicator, Text } from '@hubspot/ui-extensions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeJourneyService } from './support/fake-journey-service.ts';
import { addAcme, addGlobexWithBigDeal, ACME_ID, BIG_DEAL_ID, GLOBEX_ID } from './support/partners.ts';
import { renderCard, routeFetchTo, textOf } from './support/render-card.tsx';

let service: FakeJourneyService;
let restoreFetch: () => void;

beforeEach(() => {
  service = new FakeJourneyService();
  addGlobexWithBigDeal(service);
  restoreFetch = routeFetchTo(service);
});
afterEach(() => restoreFetch());

describe('HubSpot card on a deal record', () => {
  it('shows the deal’s partner and what closing the deal does to its stage', async () => {
    const card = renderCard({ objectTypeId: '0-3', objectId: BIG_DEAL_ID });
    await card.waitFor(() => expect(card.findByTestId(Text, `what-if-${GLOBEX_ID}`)).toBeTruthy());

    expect(Object.fromEntries(service.requests[0]?.url.searchParams ?? [])).toEqual({ objectTypeId: '0-3', objectId: String(BIG_DEAL_ID), locale: 'en' });
    expect(card.findByTestId(Text, `what-if-${GLOBEX_ID}`).text).toBe('Closing this deal moves Globex from First revenue to Acceleration.');
    expect(card.find(StepIndicator).props.currentStep).toBe(1);
    expect(card.find(StatusTag).text).toBe('Healthy');
    expect(textOf(card.getRootNode())).toContain('Partners on this deal');
  });

  it('lists every partner on the deal, each with its own what-if', async () => {
    addAcme(service);
    service.addDeal({ dealId: '77', name: 'Joint deal', amount: 500, partnerCompanyIds: [String(GLOBEX_ID), String(ACME_ID)] });
    const card = renderCard({ objectTypeId: '0-3', objectId: 77 });
    await card.waitFor(() => expect(card.findAll(StepIndicator)).toHaveLength(2));

    expect(card.findByTestId(Text, `what-if-${GLOBEX_ID}`).text).toBe('Closing this deal keeps Globex in First revenue.');
    expect(card.findByTestId(Text, `what-if-${ACME_ID}`).text).toBe('Closing this deal keeps Acme Integrations in First revenue.');
  });

  it('tells a pt-BR user in Portuguese', async () => {
    const card = renderCard({ objectTypeId: '0-3', objectId: BIG_DEAL_ID, locale: 'pt-br' });
    await card.waitFor(() => expect(card.findByTestId(Text, `what-if-${GLOBEX_ID}`)).toBeTruthy());

    expect(card.findByTestId(Text, `what-if-${GLOBEX_ID}`).text).toBe('Fechar este negócio leva Globex de Ganho de relevância para Aceleração.');
    expect(textOf(card.getRootNode())).toContain('Parceiros neste negócio');
  });

  it('explains how to link a partner when the deal has none', async () => {
    service.addDeal({ dealId: '78', name: 'Direct deal', amount: 1_000, partnerCompanyIds: [] });
    const card = renderCard({ objectTypeId: '0-3', objectId: 78 });
    await card.waitFor(() => expect(card.find(EmptyState)).toBeTruthy());

    expect(card.find(EmptyState).props.title).toBe('No partner on this deal');
    expect(textOf(card.find(EmptyState))).toContain('"Partner" label');
  });
});
