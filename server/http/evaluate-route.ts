import { Router } from 'express';
import { z } from 'zod';
import { evaluationSchema, stageIdSchema } from '../../shared/api/journey-api.ts';
import { rulesKeyHint } from '../../shared/journey/rules.ts';
import { parseOrThrow } from '../errors/app-error.ts';
import { assertDealCount, evaluateFacts, evaluateRequestSchema } from '../journey/evaluate-facts.ts';
import type { AppDeps } from './app-deps.ts';
import { acceptLanguageLocale, requestLocale, sendJson } from './request-input.ts';

const evaluateResponseSchema = z.union([
  evaluationSchema,
  z.object({
    dealId: z.string(),
    closedAt: z.string(),
    amount: z.number(),
    before: evaluationSchema,
    after: evaluationSchema,
    stageBefore: stageIdSchema,
    stageAfter: stageIdSchema,
    moves: z.enum(['up', 'down', 'none']),
  }),
]);

/** `POST /api/v1/evaluate`: pure computation over posted facts, so it needs no CRM identity. */
export function evaluateRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post('/evaluate', (req, res) => {
    assertDealCount(req.body);
    const request = parseOrThrow(evaluateRequestSchema, req.body ?? {}, 'the request body', '', rulesKeyHint);
    const locale = requestLocale(req, acceptLanguageLocale(req));
    sendJson(res, evaluateResponseSchema, evaluateFacts(request, { now: deps.now(), locale, rules: deps.rules }) as z.input<typeof evaluateResponseSchema>);
  });
  return router;
}
