import type { Page, Route } from 'playwright-core';
import { sessionResponseSchema, previewSessionRequestSchema } from '../../../shared/api/card-boot.ts';
import {
  actionRequestSchema,
  problemSchema,
  stageChangeRequestSchema,
  type JourneyResponse,
  type Problem,
  type Role,
} from '../../../shared/api/journey-api.ts';
import { isLocale, type Locale } from '../../../shared/i18n/locale.ts';
import { demoScenario, SCENARIO_AS_OF } from './card-scenario.ts';
import { dealResponse, listItem, partnerResponse } from './journey-documents.ts';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorization: string | null;
}

type Reply = { readonly status: number; readonly body: unknown } | 'network-error';
interface Session {
  readonly role: Role;
  readonly locale: Locale;
  readonly actor: string;
}

const problem = (status: number, title: string, extra: Partial<Problem> = {}): Reply => ({
  status,
  body: problemSchema.parse({ type: 'about:blank', title, status, ...extra }),
});

/**
 * Answers the card API inside the browser (page.route) the way the service's contract says: every
 * document is made by the real engine and parsed with the shared schemas before it is sent.
 * Tests read `requests`, and can queue a failure or hold a request for one path.
 */
export class CardServiceDouble {
  readonly requests: RecordedRequest[] = [];
  readonly scenario = demoScenario();
  private readonly sessions = new Map<string, Session>();
  private readonly idempotent = new Map<string, JourneyResponse>();
  private readonly queued = new Map<string, Reply[]>();
  private readonly holds = new Map<string, Promise<void>>();
  private sessionSeq = 0;

  /** A session the service would have opened (the Canvas boot carries its token). */
  issueToken(role: Role, locale: Locale = 'en'): string {
    this.sessionSeq += 1;
    const token = `session-${role}-${this.sessionSeq}-${'x'.repeat(16)}`;
    this.sessions.set(token, { role, locale, actor: role === 'manager' ? 'marta.manager@example.com' : 'rui.rep@example.com' });
    return token;
  }

  /** The next request to `path` gets this answer instead of the normal one. */
  failNext(path: string, reply: Reply): void {
    this.queued.set(path, [...(this.queued.get(path) ?? []), reply]);
  }

  /** Requests to `path` wait until the returned function is called. */
  hold(path: string): () => void {
    let release = () => {};
    this.holds.set(path, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(path);
      release();
    };
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  partner(id: string) {
    const found = this.scenario.partners.find((p) => p.id === id);
    if (!found) throw new Error(`no partner ${id} in the scenario`);
    return found;
  }

  async install(page: Page): Promise<void> {
    await page.route(
      (url) => url.pathname.startsWith('/api/v1/card/') || url.pathname === '/preview/session',
      (route) => this.handle(route),
    );
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const recorded: RecordedRequest = {
      method: request.method(),
      path: url.pathname,
      query: url.searchParams,
      body: request.postData() ? JSON.parse(request.postData() ?? 'null') : undefined,
      authorization: (await request.allHeaders())['authorization'] ?? null,
    };
    this.requests.push(recorded);
    await this.holds.get(url.pathname);
    const reply = this.queued.get(url.pathname)?.shift() ?? this.answer(recorded);
    if (reply === 'network-error') return route.abort('connectionreset');
    const json = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    return route.fulfill({ status: reply.status, contentType: json, body: JSON.stringify(reply.body) });
  }

  private answer(req: RecordedRequest): Reply {
    if (req.method === 'POST' && req.path === '/preview/session') {
      const body = previewSessionRequestSchema.safeParse(req.body);
      if (!body.success) return problem(400, 'Invalid request', { errors: [{ field: 'role', problem: 'must be manager or rep' }] });
      const token = this.issueToken(body.data.role);
      return { status: 200, body: sessionResponseSchema.parse({ token, expiresAt: `${SCENARIO_AS_OF}T23:00:00Z`, role: body.data.role }) };
    }
    const session = this.sessions.get(req.authorization?.replace(/^Bearer /, '') ?? '');
    if (!session) return problem(401, 'Unauthorized', { detail: 'The session is missing or has expired.' });
    const requested = req.query.get('locale');
    const locale = isLocale(requested) ? requested : session.locale;
    const { partners, deals } = this.scenario;
    const route = `${req.method} ${req.path}`;
    switch (route) {
      case 'GET /api/v1/card/partners': {
        const search = (req.query.get('search') ?? '').toLowerCase();
        const limit = Number(req.query.get('limit') ?? '50');
        const found = partners.filter((p) => p.name.toLowerCase().includes(search)).slice(0, limit);
        return { status: 200, body: { partners: found.map((p) => listItem(p, deals)) } };
      }
      case 'GET /api/v1/card/journey': {
        const id = req.query.get('objectId');
        if (req.query.get('objectType') === 'deal') {
          const deal = deals.find((d) => d.id === id);
          return deal ? { status: 200, body: dealResponse(deal, partners, deals, locale, session.role) } : problem(404, 'Not Found');
        }
        const partner = partners.find((p) => p.id === id);
        return partner ? { status: 200, body: partnerResponse(partner, deals, locale, session.role) } : problem(404, 'Not Found');
      }
      case 'POST /api/v1/card/stage':
        return this.changeStage(req, session, locale);
      case 'POST /api/v1/card/actions': {
        const body = actionRequestSchema.safeParse(req.body);
        if (!body.success) return problem(400, 'Invalid request');
        const partner = partners.find((p) => p.id === body.data.objectId);
        if (!partner) return problem(404, 'Not Found');
        const others = partner.completedActionIds.filter((id) => id !== body.data.actionId);
        partner.completedActionIds = body.data.done ? [...others, body.data.actionId] : others;
        return { status: 200, body: partnerResponse(partner, deals, locale, session.role) };
      }
      default:
        return problem(404, 'Not Found', { detail: `${route} is not part of the card API` });
    }
  }

  private changeStage(req: RecordedRequest, session: Session, locale: Locale): Reply {
    const body = stageChangeRequestSchema.safeParse(req.body);
    if (!body.success) {
      const errors = body.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }));
      return problem(400, 'Invalid request', { detail: 'The stage change is invalid.', errors });
    }
    if (session.role !== 'manager') return problem(403, 'Forbidden', { detail: 'Only channel managers can change the stage.' });
    const { idempotencyKey, objectId, stage, reason } = body.data;
    const replay = idempotencyKey ? this.idempotent.get(idempotencyKey) : undefined;
    if (replay) return { status: 200, body: replay };
    const partner = this.scenario.partners.find((p) => p.id === objectId);
    if (!partner) return problem(404, 'Not Found');
    const at = `${SCENARIO_AS_OF}T10:${String(partner.history.length).padStart(2, '0')}:00Z`;
    partner.history = [
      ...partner.history,
      { id: `h-${partner.history.length + 1}`, at, from: partner.officialStage, to: stage, source: 'manual', actor: session.actor, reason },
    ];
    partner.officialStage = stage;
    const response = partnerResponse(partner, this.scenario.deals, locale, session.role);
    if (idempotencyKey) this.idempotent.set(idempotencyKey, response);
    return { status: 200, body: response };
  }
}
