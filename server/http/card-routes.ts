import { Router } from 'express';
import { z } from 'zod';
import {
  actionRequestSchema,
  journeyResponseSchema,
  partnerListItemSchema,
  stageChangeRequestSchema,
} from '../../shared/api/journey-api.ts';
import { salesforceUserStageWriter } from '../crm/salesforce/user-stage-writer.ts';
import { changePartnerStage } from '../journey/change-partner-stage.ts';
import { listPartners } from '../journey/list-partners.ts';
import { markAction } from '../journey/mark-action.ts';
import { getRecordJourney } from '../journey/record-journey.ts';
import type { AppDeps } from './app-deps.ts';
import { bearerSession } from './bearer-auth.ts';
import { parseBody, parseQuery, recordIdParam, sendJson, withIdempotencyHeader } from './request-input.ts';
import { crmUserOf, viewerOf } from './viewer-locals.ts';

const listQuerySchema = z.object({
  search: z.string({ error: 'must be text' }).max(100, { error: 'must be at most 100 characters' }).optional(),
  limit: z.coerce
    .number<unknown>({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(200, { error: 'must be at most 200' })
    .default(50),
});

const journeyQuerySchema = z.object({
  objectType: z.enum(['partner', 'deal'], { error: 'must be partner or deal' }),
  objectId: recordIdParam,
});

const partnerListSchema = z.object({ partners: z.array(partnerListItemSchema) });

/** The web card's API (preview and Salesforce Canvas), behind short-lived bearer sessions. */
export function cardRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(bearerSession(deps.sessions));

  router.get('/partners', async (req, res) => {
    const query = parseQuery(listQuerySchema, req);
    sendJson(res, partnerListSchema, { partners: await listPartners(deps, viewerOf(res), query) });
  });

  router.get('/journey', async (req, res) => {
    const query = parseQuery(journeyQuerySchema, req);
    sendJson(res, journeyResponseSchema, await getRecordJourney(deps, viewerOf(res), query));
  });

  router.post('/stage', async (req, res) => {
    const request = parseBody(stageChangeRequestSchema, withIdempotencyHeader(req, req.body));
    const crmUser = crmUserOf(res);
    const writeAsUser = crmUser ? (deps.writeAsCrmUser ?? salesforceUserStageWriter)(crmUser) : null;
    sendJson(res, journeyResponseSchema, await changePartnerStage(deps, viewerOf(res), request, req.log, { writeAsUser }));
  });

  router.post('/actions', async (req, res) => {
    const body = parseBody(actionRequestSchema, req.body);
    sendJson(res, journeyResponseSchema, await markAction(deps, viewerOf(res), body));
  });

  return router;
}
