import express, { type Express } from 'express';
import helmet from 'helmet';
import { httpLogger } from '../logging/http-logger.ts';
import type { AppDeps } from './app-deps.ts';
import { BODY_LIMIT } from './body-limit.ts';
import { cardAssets } from './card-assets.ts';
import { cardRoutes } from './card-routes.ts';
import { evaluateRoutes } from './evaluate-route.ts';
import { healthRoutes } from './health-routes.ts';
import { hubspotRoutes } from './hubspot-routes.ts';
import { hubspotWebhookRoutes } from './hubspot-webhook-routes.ts';
import { previewRoutes } from './preview-routes.ts';
import { salesforceCanvasRoutes } from './salesforce-canvas-routes.ts';
import { notFound, problemMiddleware } from './problem.ts';

export type { AppDeps };

/** Builds the service's Express app; it never listens (tests boot it on port 0, `startServer` in production). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS proxy the client's scheme and host arrive in X-Forwarded-*; signed URLs prefer PUBLIC_BASE_URL anyway.
  app.set('trust proxy', true);
  app.use(httpLogger(deps.logger));
  // No upgrade-insecure-requests: the demo is also served over plain http on a LAN address, where
  // upgrading the card's asset URLs to https would break the page (production sits behind TLS anyway).
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(healthRoutes(deps.ready));

  // Before the JSON parser: HubSpot's signature covers the raw body bytes. Webhooks first: the
  // card routes below require a signed user identity that webhook calls do not carry.
  app.use('/api/v1/hubspot/webhooks', hubspotWebhookRoutes(deps));
  app.use('/api/v1/hubspot', hubspotRoutes(deps));

  app.use(express.json({ limit: BODY_LIMIT }));
  app.use('/api/v1', evaluateRoutes(deps));
  app.use('/api/v1/card', cardRoutes(deps));
  app.use(salesforceCanvasRoutes(deps));
  if (deps.demoTenant !== null) app.use(previewRoutes(deps, deps.demoTenant));
  app.use('/card', cardAssets(deps.cardPage.distDir));

  app.use(notFound);
  app.use(problemMiddleware);
  return app;
}
