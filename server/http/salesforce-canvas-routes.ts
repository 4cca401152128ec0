import express, { Router, type Request } from 'express';
import { resolveLocale } from '../../shared/i18n/locale.ts';
import { roleOf } from '../auth/roles.ts';
import { verifyCanvasSignedRequest, type CanvasContext } from '../crm/salesforce/canvas-signed-request.ts';
import { DEFAULT_FRAME_ANCESTORS } from '../crm/salesforce/canvas-frame-ancestors.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppDeps } from './app-deps.ts';
import { CANVAS_SESSION_TTL_MS, canvasContentSecurityPolicy, canvasRecord } from './salesforce-canvas-page.ts';

/** A signed request is a few kilobytes; the verifier refuses anything past 64 KiB. */
const FORM_LIMIT = '80kb';

/**
 * `POST /salesforce/canvas`: Salesforce posts the signed request (form field `signed_request`,
 * or JSON) when it frames the card. Nothing is read from it before the signature is checked;
 * then a session bound to the org, user and record is opened, holding the user's OAuth token
 * on the server, and the card page boots with that session only.
 */
export function salesforceCanvasRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post('/salesforce/canvas', express.urlencoded({ extended: false, limit: FORM_LIMIT }), async (req, res) => {
    const settings = deps.salesforceCanvas;
    let canvas: CanvasContext;
    try {
      canvas = verifyCanvasSignedRequest(signedRequestOf(req), settings?.consumerSecret ?? '');
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthorized') req.log.warn({ reason: error.message }, 'Canvas request rejected');
      throw error;
    }
    const record = canvasRecord(canvas);
    const tenant = `salesforce:${canvas.orgId}`;
    const role = roleOf({ crm: 'salesforce', userId: canvas.userId, profile: canvas.profileId }, deps.channelManagers);
    const locale = resolveLocale(canvas.language);
    const session = deps.sessions.open(
      {
        tenant,
        userId: canvas.userId,
        actor: canvas.userName,
        role,
        locale,
        record,
        crmUser: { crm: 'salesforce', orgId: canvas.orgId, instanceUrl: canvas.instanceUrl, accessToken: canvas.oauthToken },
      },
      { ttlMs: CANVAS_SESSION_TTL_MS },
    );
    req.log.info({ tenant, userId: canvas.userId, role, record }, 'Canvas session opened');
    res.removeHeader('X-Frame-Options');
    const csp = canvasContentSecurityPolicy(settings?.frameAncestors ?? DEFAULT_FRAME_ANCESTORS, canvas.instanceUrl);
    await deps.cardPage.send(res, { mode: 'canvas', apiBase: '', locale, token: session.token, record }, { 'Content-Security-Policy': csp });
  });
  return router;
}

function signedRequestOf(req: Request): unknown {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return (body as { signed_request?: unknown }).signed_request;
}
