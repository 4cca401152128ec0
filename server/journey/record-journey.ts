import type { JourneyResponse } from '../../shared/api/journey-api.ts';
import type { RecordRef, Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors/app-error.ts';
import type { JourneyDeps } from './journey-deps.ts';
import { buildPartnerJourney, whatIfWon } from './partner-journey.ts';
import { isCurrentPartner, type CurrentPartner } from './partner-evaluation.ts';
import { assertRecordInScope } from './record-scope.ts';

/** The journey of a CRM record: a partner's own, or a deal's partners with the what-if of winning it. */
export async function getRecordJourney(deps: JourneyDeps, viewer: Viewer, record: RecordRef): Promise<JourneyResponse> {
  return record.objectType === 'partner'
    ? getPartnerJourney(deps, viewer, record.objectId)
    : getDealJourney(deps, viewer, record.objectId);
}

export async function getPartnerJourney(deps: JourneyDeps, viewer: Viewer, partnerId: string): Promise<JourneyResponse> {
  await assertRecordInScope(deps, viewer, { objectType: 'partner', objectId: partnerId });
  const partner = await loadPartner(deps, viewer.tenant, partnerId);
  const deals = (await deps.store.dealsOfPartners(viewer.tenant, [partnerId])).get(partnerId) ?? [];
  const journey = await buildPartnerJourney(deps, viewer.tenant, partner, deals, viewer.locale);
  return { kind: 'partner', locale: viewer.locale, role: viewer.role, journey };
}

export async function getDealJourney(deps: JourneyDeps, viewer: Viewer, dealId: string): Promise<JourneyResponse> {
  await assertRecordInScope(deps, viewer, { objectType: 'deal', objectId: dealId });
  const deal = await deps.store.getDeal(viewer.tenant, dealId);
  if (!deal) throw new AppError('not_found', `deal ${dealId} is not known`);
  const partners = (await deps.store.getPartners(viewer.tenant, deal.partnerIds)).filter(isCurrentPartner);
  const dealsByPartner = await deps.store.dealsOfPartners(viewer.tenant, partners.map((p) => p.partnerId));
  const entries = await Promise.all(
    partners.map(async (partner) => {
      const deals = dealsByPartner.get(partner.partnerId) ?? [];
      return {
        journey: await buildPartnerJourney(deps, viewer.tenant, partner, deals, viewer.locale),
        whatIf: whatIfWon(deps, partner, deals, deal, viewer.locale),
      };
    }),
  );
  entries.sort((a, b) => a.journey.partner.name.localeCompare(b.journey.partner.name));
  return {
    kind: 'deal',
    locale: viewer.locale,
    role: viewer.role,
    deal: { id: deal.dealId, name: deal.name, status: deal.status, amount: deal.amount, closedAt: deal.closedAt },
    partners: entries,
  };
}

/** A partner of this tenant that is still a partner; anything else is "not found", never "forbidden". */
export async function loadPartner(deps: JourneyDeps, tenant: string, partnerId: string): Promise<CurrentPartner> {
  const partner = await deps.store.getPartner(tenant, partnerId);
  if (!isCurrentPartner(partner)) throw new AppError('not_found', `partner ${partnerId} is not known`);
  return partner;
}
