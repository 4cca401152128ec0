import { Router } from 'express';
import { rulesKeyHint } from '../../shared/journey/rules.ts';
import { parseOrThrow } from '../errors/app-error.ts';
import { assertDealCount, evaluateFacts, evaluateRequestSchema } from '../journey/evaluate-facts.ts';
import type { AppDeps } from './app-deps.ts';
import { acceptLanguageLocale, requestLocale } from './request-input.ts';

/** `POST /api/v1/evaluate`: pure computation over posted facts, so it needs no CRM identity. */
export function evaluateRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post('/evaluate', (req, res) => {
    assertDealCount(req.body);
    const request = parseOrThrow(evaluateRequestSchema, req.body ?? {}, 'the request body', '', rulesKeyHint);
    const locale = requestLocale(req, acceptLanguageLocale(req));
    res.json(evaluateFacts(request, { now: deps.now(), locale, rules: deps.rules }));
  });
  return router;
}
