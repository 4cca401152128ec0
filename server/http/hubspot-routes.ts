import express, { Router } from 'express';
import { z } from 'zod';
import { actionRequestSchema, journeyResponseSchema, stageChangeRequestSchema } from '../../shared/api/journey-api.ts';
import { changePartnerStage } from '../journey/change-partner-stage.ts';
import { markAction } from '../journey/mark-action.ts';
import { getRecordJourney } from '../journey/record-journey.ts';
import type { AppDeps } from './app-deps.ts';
import { signedJsonBody, verifyHubSpotRequest } from './hubspot-auth.ts';
import { BODY_LIMIT } from './body-limit.ts';
import { parseBody, parseQuery, recordIdParam, sendJson, withIdempotencyHeader } from './request-input.ts';
import { viewerOf } from './viewer-locals.ts';

/** HubSpot object types the card sits on: companies are partners, deals are deals. */
const OBJECT_TYPES = { '0-2': 'partner', '0-3': 'deal' } as const;

const journeyQuerySchema = z.object({
  objectTypeId: z.enum(['0-2', '0-3'], { error: 'must be 0-2 (company) or 0-3 (deal)' }),
  objectId: recordIdParam,
});

/** The routes `hubspot.fetch` calls from the HubSpot card; the raw body is kept for the signature. */
export function hubspotRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(express.raw({ type: () => true, limit: BODY_LIMIT }), verifyHubSpotRequest(deps));

  router.get('/journey', async (req, res) => {
    const query = parseQuery(journeyQuerySchema, req);
    const record = { objectType: OBJECT_TYPES[query.objectTypeId], objectId: query.objectId };
    sendJson(res, journeyResponseSchema, await getRecordJourney(deps, viewerOf(res), record));
  });

  router.post('/stage', async (req, res) => {
    const body = parseBody(stageChangeRequestSchema, withIdempotencyHeader(req, signedJsonBody(req)));
    sendJson(res, journeyResponseSchema, await changePartnerStage(deps, viewerOf(res), body, req.log));
  });

  router.post('/actions', async (req, res) => {
    const body = parseBody(actionRequestSchema, signedJsonBody(req));
    sendJson(res, journeyResponseSchema, await markAction(deps, viewerOf(res), body));
  });

  return router;
}
