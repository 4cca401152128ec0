import { z } from 'zod';
import { previewSessionRequestSchema, sessionResponseSchema, type SessionResponse } from '../../../shared/api/card-boot.ts';
import {
  actionRequestSchema,
  journeyResponseSchema,
  partnerListItemSchema,
  problemSchema,
  stageChangeRequestSchema,
  type ActionRequest,
  type JourneyResponse,
  type PartnerListItem,
  type Problem,
  type Role,
  type StageChangeRequest,
} from '../../../shared/api/journey-api.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';

export type ApiErrorKind = 'problem' | 'unauthorized' | 'unreachable' | 'unexpected';

/** Every failure of a card API call: a problem document from the service, or why there is none. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly problem: Problem | null;

  constructor(kind: ApiErrorKind, status: number, problem: Problem | null, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
}

export interface RecordRef {
  readonly objectType: 'partner' | 'deal';
  readonly objectId: string;
}

export interface JourneyApi {
  listPartners(search: string, limit: number): Promise<PartnerListItem[]>;
  getJourney(record: RecordRef): Promise<JourneyResponse>;
  changeStage(request: StageChangeRequest): Promise<JourneyResponse>;
  setActionDone(request: ActionRequest): Promise<JourneyResponse>;
}

export interface JourneyApiOptions {
  /** '' for the page's own origin. */
  readonly apiBase: string;
  readonly token: string;
  /** The language the viewer picked; the service answers in it when it can (the response says which it used). */
  readonly locale?: Locale;
  /** Opens a fresh session when the current one is refused (preview only; a Canvas session cannot be renewed here). */
  readonly renewToken?: () => Promise<string>;
  readonly fetch?: typeof fetch;
}

const partnerListSchema = z.object({ partners: z.array(partnerListItemSchema) });

async function send<T>(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  schema: z.ZodType<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (cause) {
    throw new ApiError('unreachable', 0, null, `${init.method ?? 'GET'} ${url} did not reach the service`, { cause });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    const kind = response.status === 401 ? 'unauthorized' : problem.success ? 'problem' : 'unexpected';
    const data = problem.success ? problem.data : null;
    throw new ApiError(kind, response.status, data, data?.detail ?? data?.title ?? `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('unexpected', response.status, null, `The answer to ${url} does not match its schema`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function jsonInit(method: string, body: unknown, token?: string): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  return { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), credentials: 'omit' };
}

/** Demo only: the service hands out a session for the role picked on the preview page. */
export function openPreviewSession(apiBase: string, role: Role, doFetch: typeof fetch = fetch): Promise<SessionResponse> {
  const body = previewSessionRequestSchema.parse({ role });
  return send(doFetch, `${apiBase}/preview/session`, jsonInit('POST', body), sessionResponseSchema);
}

export function createJourneyApi(options: JourneyApiOptions): JourneyApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let token = options.token;

  const url = (path: string, query: Record<string, string>): string => {
    const params = new URLSearchParams(query);
    if (options.locale) params.set('locale', options.locale);
    const search = params.toString();
    return `${options.apiBase}/api/v1/card/${path}${search ? `?${search}` : ''}`;
  };

  async function call<T>(method: string, target: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    try {
      return await send(doFetch, target, jsonInit(method, body, token), schema);
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'unauthorized' || !options.renewToken) throw error;
      token = await options.renewToken();
      return send(doFetch, target, jsonInit(method, body, token), schema);
    }
  }

  return {
    async listPartners(search, limit) {
      const query = { search, limit: String(limit) };
      const list = await call('GET', url('partners', query), undefined, partnerListSchema);
      return list.partners;
    },
    getJourney(record) {
      return call('GET', url('journey', { ...record }), undefined, journeyResponseSchema);
    },
    changeStage(request) {
      return call('POST', url('stage', {}), stageChangeRequestSchema.parse(request), journeyResponseSchema);
    },
    setActionDone(request) {
      return call('POST', url('actions', {}), actionRequestSchema.parse(request), journeyResponseSchema);
    },
  };
}
