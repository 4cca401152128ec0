import { Router } from 'express';
import { previewSessionRequestSchema, sessionResponseSchema } from '../../shared/api/card-boot.ts';
import type { AppDeps } from './app-deps.ts';
import { acceptLanguageLocale, parseBody, requestLocale, sendJson } from './request-input.ts';

/** Demo mode only: the card page with a demo boot, and sessions for the demo tenant as a manager or a rep. */
export function previewRoutes(deps: AppDeps, demoTenant: string): Router {
  const router = Router();

  router.get('/preview', async (req, res) => {
    const locale = requestLocale(req, acceptLanguageLocale(req));
    await deps.cardPage.send(res, { mode: 'preview', apiBase: '', locale });
  });

  router.post('/preview/session', (req, res) => {
    const { role } = parseBody(previewSessionRequestSchema, req.body);
    const user = role === 'manager' ? 'demo-manager' : 'demo-rep';
    const locale = requestLocale(req, acceptLanguageLocale(req));
    const session = deps.sessions.open({ tenant: demoTenant, userId: user, actor: user, role, locale });
    sendJson(res, sessionResponseSchema, { token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), role }, 201);
  });

  return router;
}
