import { Router } from 'express';
import { AppError } from '../errors/app-error.ts';

/** `/healthz`: the process answers. `/readyz`: it can also reach its database. */
export function healthRoutes(ready: () => Promise<void>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await ready();
    } catch (error) {
      throw new AppError('unavailable', 'the database is not reachable', { cause: error });
    }
    res.json({ status: 'ready' });
  });
  return router;
}
