import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { resolveLocale } from '../../shared/i18n/locale.ts';
import { verifyHubSpotSignatureV3 } from '../auth/hubspot-signature.ts';
import { roleOf } from '../auth/roles.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppDeps } from './app-deps.ts';
import { setViewer } from './viewer-locals.ts';

/** The parameters HubSpot appends to a `hubspot.fetch` URL; only these, as signed, say who is calling. */
const IDENTITY_PARAMS = ['portalId', 'userId', 'userEmail', 'appId'] as const;

const identitySchema = z.object({
  portalId: z.string().regex(/^\d{1,20}$/, { error: 'must be a HubSpot account id' }),
  userId: z.string().regex(/^\d{1,20}$/, { error: 'must be a HubSpot user id' }),
  userEmail: z.email().max(254).optional(),
  appId: z.string().regex(/^\d{1,20}$/, { error: 'must be a HubSpot app id' }).optional(),
});

/**
 * Verifies HubSpot's signature v3 before anything else happens, then takes the caller's identity
 * and tenant from the signed query only.
 */
export function verifyHubSpotRequest(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    assertHubSpotSignature(req, deps);
    setViewer(res, hubspotViewer(req, deps));
    next();
  };
}

/** Throws `unauthorized` unless the raw body (kept by express.raw) carries HubSpot's valid v3 signature. */
export function assertHubSpotSignature(req: Request, deps: Pick<AppDeps, 'hubspotClientSecret' | 'publicBaseUrl' | 'now'>): void {
  const secret = deps.hubspotClientSecret;
  if (!secret) {
    // An unsigned request is refused as such; a signed one cannot be checked, which is our fault.
    if (!req.get('x-hubspot-signature-v3') || !req.get('x-hubspot-request-timestamp')) {
      throw new AppError('unauthorized', 'HubSpot signature check failed: the signature headers are missing');
    }
    throw new AppError('misconfigured', 'HubSpot requests are not accepted: HUBSPOT_CLIENT_SECRET is not set');
  }
  const verdict = verifyHubSpotSignatureV3(
    {
      method: req.method,
      url: signedUrl(req, deps.publicBaseUrl),
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      signature: req.get('x-hubspot-signature-v3'),
      timestamp: req.get('x-hubspot-request-timestamp'),
    },
    secret,
    deps.now(),
  );
  if (!verdict.ok) {
    req.log.warn({ reason: verdict.reason }, 'HubSpot request rejected');
    throw new AppError('unauthorized', `HubSpot signature check failed: ${verdict.reason}`);
  }
}

/** The URL as HubSpot called it: the public origin (we may sit behind a proxy) + the original path and query. */
function signedUrl(req: Request, publicBaseUrl: string | undefined): string {
  const origin = publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return `${origin}${req.originalUrl}`;
}

function hubspotViewer(req: Request, deps: AppDeps): Viewer {
  const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  const values: Record<string, string> = {};
  for (const name of IDENTITY_PARAMS) {
    const all = query.getAll(name);
    if (all.length > 1) throw new AppError('unauthorized', `the signed query carries ${name} more than once`);
    if (all[0] !== undefined) values[name] = all[0];
  }
  const parsed = identitySchema.safeParse(values);
  if (!parsed.success) {
    throw new AppError('unauthorized', 'the signed query does not identify a HubSpot account and user', {
      problems: parsed.error.issues.map((i) => ({ field: `query.${i.path.join('.')}`, problem: i.message })),
    });
  }
  const { portalId, userId, userEmail } = parsed.data;
  return {
    tenant: `hubspot:${portalId}`,
    userId,
    actor: userEmail ?? `HubSpot user ${userId}`,
    role: roleOf({ crm: 'hubspot', userId, email: userEmail ?? null }, deps.channelManagers),
    locale: resolveLocale(query.get('locale')),
  };
}

/** The body as JSON, parsed only after the signature over its raw bytes was checked. */
export function signedJsonBody(req: Request): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new AppError('invalid_input', 'the request body is not valid JSON', { problems: [{ field: '(body)', problem: 'is not valid JSON' }] });
  }
}
