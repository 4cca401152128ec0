import {
  actionRequestSchema,
  journeyResponseSchema,
  partnerJourneySchema,
  stageChangeRequestSchema,
  type JourneyResponse,
  type PartnerJourney,
  type Role,
} from '../../../shared/api/journey-api.ts';
import { isLocale, type Locale } from '../../../shared/i18n/locale.ts';
import { evaluate } from '../../../shared/journey/evaluate.ts';
import { evaluationInputSchema, type EvaluationInput } from '../../../shared/journey/input.ts';
import type { StageId } from '../../../shared/journey/stages.ts';
import { whatIfDealWon } from '../../../shared/journey/what-if.ts';

const NOW = Date.parse('2026-07-01T12:00:00Z');

export interface FakePartner {
  readonly companyId: string;
  readonly name: string;
  readonly input: EvaluationInput;
  officialStage: StageId;
  history: PartnerJourney['history'];
  completedActionIds: string[];
}

export interface FakeDeal {
  readonly dealId: string;
  readonly name: string;
  readonly amount: number;
  readonly partnerCompanyIds: readonly string[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly body: Record<string, unknown> | undefined;
}

type FetchOptions = { method?: string; body?: Record<string, unknown>; timeout?: number };

/**
 * Stands in for the Partner Journey service behind hubspot.fetch: it keeps partners as engine
 * inputs, evaluates them with the real engine in the locale the card asks for, applies stage
 * changes and action toggles, and answers with documents that pass the shared schemas.
 */
export class FakeJourneyService {
  readonly requests: RecordedRequest[] = [];
  readonly partners = new Map<string, FakePartner>();
  readonly deals = new Map<string, FakeDeal>();
  role: Role = 'rep';
  /** Replaces the normal answer, e.g. to fail or hang the next calls. */
  override: ((request: RecordedRequest) => Promise<Response>) | null = null;
  /** Answer failures the way HubSpot's proxy hands them to the card, instead of as sent. */
  behindHubSpotProxy = false;

  addPartner(partner: Omit<FakePartner, 'history' | 'completedActionIds'> & Partial<Pick<FakePartner, 'history' | 'completedActionIds'>>): void {
    this.partners.set(partner.companyId, { history: [], completedActionIds: [], ...partner });
  }

  addDeal(deal: FakeDeal): void {
    this.deals.set(deal.dealId, deal);
  }

  readonly fetch = async (url: string | URL, options: FetchOptions = {}): Promise<Response> => {
    const request: RecordedRequest = { method: options.method ?? 'GET', url: new URL(String(url)), body: options.body };
    this.requests.push(request);
    const response = this.override ? await this.override(request) : this.answer(request);
    return this.behindHubSpotProxy && !response.ok ? throughHubSpotProxy(request, response) : response;
  };

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.url.pathname === path);
  }

  private answer(request: RecordedRequest): Response {
    const localeParam = request.url.searchParams.get('locale');
    const locale: Locale = isLocale(localeParam) ? localeParam : 'en';
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/api/v1/hubspot/journey') {
      const objectId = request.url.searchParams.get('objectId') ?? '';
      const typeId = request.url.searchParams.get('objectTypeId');
      if (typeId === '0-2') return this.partnerAnswer(objectId, locale);
      if (typeId === '0-3') return this.dealAnswer(objectId, locale);
      return problem(400, 'Invalid query', [{ field: 'objectTypeId', problem: 'must be 0-2 or 0-3' }]);
    }
    if (request.method === 'POST' && path === '/api/v1/hubspot/stage') {
      if (this.role !== 'manager') return problem(403, 'Only channel managers can change the stage');
      const body = stageChangeRequestSchema.safeParse(request.body);
      if (!body.success) return problem(400, 'Invalid stage change', body.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message })));
      const partner = this.partners.get(body.data.objectId);
      if (!partner) return problem(404, 'Partner not found');
      const duplicate = partner.history.some((h) => h.id === body.data.idempotencyKey);
      if (!duplicate) {
        partner.history = [
          ...partner.history,
          { id: body.data.idempotencyKey ?? `h${partner.history.length + 1}`, at: '2026-07-01T12:00:00Z', from: partner.officialStage, to: body.data.stage, source: 'manual', actor: 'fake_email@example.com', reason: body.data.reason },
        ];
        partner.officialStage = body.data.stage;
      }
      return this.partnerAnswer(body.data.objectId, locale);
    }
    if (request.method === 'POST' && path === '/api/v1/hubspot/actions') {
      const body = actionRequestSchema.safeParse(request.body);
      if (!body.success) return problem(400, 'Invalid action', body.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message })));
      const partner = this.partners.get(body.data.objectId);
      if (!partner) return problem(404, 'Partner not found');
      const others = partner.completedActionIds.filter((id) => id !== body.data.actionId);
      partner.completedActionIds = body.data.done ? [...others, body.data.actionId] : others;
      return this.partnerAnswer(body.data.objectId, locale);
    }
    return problem(404, 'Not found');
  }

  journeyOf(companyId: string, locale: Locale): PartnerJourney | null {
    const partner = this.partners.get(companyId);
    if (!partner) return null;
    const input = evaluationInputSchema.parse({ ...partner.input, partner: { ...partner.input.partner, stage: partner.officialStage } });
    return partnerJourneySchema.parse({
      partner: {
        id: partner.companyId,
        name: partner.name,
        type: input.partner.type,
        joinedAt: input.partner.joinedAt,
        joinedAtInferred: false,
        certifications: input.partner.certifications,
        hasJointBusinessPlan: input.partner.hasJointBusinessPlan,
      },
      officialStage: partner.officialStage,
      stageChangedAt: partner.history.at(-1)?.at ?? null,
      stageChangedBy: partner.history.at(-1)?.actor ?? null,
      evaluation: evaluate(input, { now: NOW, locale }),
      history: partner.history,
      completedActionIds: partner.completedActionIds,
      syncedAt: '2026-07-01T06:00:00Z',
    });
  }

  private partnerAnswer(companyId: string, locale: Locale): Response {
    const journey = this.journeyOf(companyId, locale);
    if (!journey) return problem(404, 'This company is not a partner');
    return json({ kind: 'partner', locale, role: this.role, journey });
  }

  private dealAnswer(dealId: string, locale: Locale): Response {
    const deal = this.deals.get(dealId);
    if (!deal) return problem(404, 'Deal not found');
    const partners = deal.partnerCompanyIds.flatMap((companyId) => {
      const partner = this.partners.get(companyId);
      const journey = this.journeyOf(companyId, locale);
      if (!partner || !journey) return [];
      const input = evaluationInputSchema.parse(partner.input);
      const whatIf = whatIfDealWon(input, { dealId: deal.dealId, amount: deal.amount }, { now: NOW, locale });
      const { dealId: id, amount, closedAt, stageBefore, stageAfter, moves } = whatIf;
      return [{ journey, whatIf: { dealId: id, amount, closedAt, stageBefore, stageAfter, moves } }];
    });
    return json({ kind: 'deal', locale, role: this.role, deal: { id: deal.dealId, name: deal.name, status: 'open', amount: deal.amount, closedAt: null }, partners });
  }
}

function json(document: JourneyResponse): Response {
  // Parsing with the real contract here proves every answer the card gets is one the service may send.
  return new Response(JSON.stringify(journeyResponseSchema.parse(document)), { status: 200, headers: { 'content-type': 'application/json' } });
}

export function problem(status: number, title: string, errors?: { field: string; problem: string }[]): Response {
  const body = { type: 'about:blank', title, status, ...(errors ? { errors } : {}) };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

/**
 * What HubSpot's proxy makes of a 3xx–5xx from the service, as @hubspot/ui-extensions-dev-server's
 * AppProxyService (which mirrors the production proxy) builds it: HTTP 200 and an error envelope.
 */
export async function throughHubSpotProxy(request: RecordedRequest, upstream: Response): Promise<Response> {
  const requestUri = request.url.toString();
  const envelope = {
    status: 'error',
    context: { portalId: ['123'], httpMethod: [request.method], requestUri: [requestUri], correlationId: ['c0ffee'], appServerStatusCode: [String(upstream.status)] },
    message: 'Error returned from Request Uri',
    responseBody: (await upstream.json()) as unknown,
    errors: [{ message: `Unacceptable HTTP status ${upstream.status} calling ${requestUri}` }],
    category: 'BAD_GATEWAY',
  };
  return new Response(JSON.stringify(envelope), { status: 200, headers: { 'content-type': 'application/json' } });
}
