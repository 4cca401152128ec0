import { AS_OF, daysAgo, openDeal, partner, wonDeal } from '../../support/journey-builders.ts';
import type { FakeJourneyService } from './fake-journey-service.ts';

export const ACME_ID = 4242;
export const GLOBEX_ID = 5151;
export const BIG_DEAL_ID = 9001;

/** Acme: two wins worth 20,000 in the last 12 months (First revenue), one open deal, no joint plan. */
export function addAcme(service: FakeJourneyService): void {
  service.addPartner({
    companyId: String(ACME_ID),
    name: 'Acme Integrations',
    officialStage: 'activate',
    input: {
      asOf: AS_OF,
      partner: partner({ id: String(ACME_ID), name: 'Acme Integrations', certifications: 0, hasJointBusinessPlan: false, lastActivityAt: daysAgo(3) }),
      deals: [wonDeal(40, 12_000), wonDeal(120, 8_000), openDeal(20, 15_000)],
    },
    history: [
      { id: 'h1', at: '2025-11-02T09:30:00Z', from: 'recruit', to: 'activate', source: 'sync', actor: 'partner-journey sync', reason: 'First won deal' },
    ],
  });
}

/** Globex: two wins of 10,000; one more win of 8,000 would meet every Acceleration criterion. */
export function addGlobexWithBigDeal(service: FakeJourneyService): void {
  service.addPartner({
    companyId: String(GLOBEX_ID),
    name: 'Globex',
    officialStage: 'activate',
    input: {
      asOf: AS_OF,
      partner: partner({ id: String(GLOBEX_ID), name: 'Globex' }),
      deals: [wonDeal(10, 10_000), wonDeal(20, 10_000), openDeal(15, 8_000, { id: String(BIG_DEAL_ID) })],
    },
  });
  service.addDeal({ dealId: String(BIG_DEAL_ID), name: 'Globex renewal', amount: 8_000, partnerCompanyIds: [String(GLOBEX_ID)] });
}
