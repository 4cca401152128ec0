import type { RequestHandler } from 'express';
import type { SessionStore } from '../auth/session-store.ts';
import { AppError } from '../errors/app-error.ts';
import { requestLocale } from './request-input.ts';
import { setViewer } from './viewer-locals.ts';

/** Card API calls carry `Authorization: Bearer <session token>`; the session says who and where. */
export function bearerSession(sessions: SessionStore): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(req.get('authorization') ?? '');
    if (!match?.[1]) throw new AppError('unauthorized', 'send the card session as Authorization: Bearer <token>');
    const viewer = sessions.resolve(match[1]);
    if (!viewer) throw new AppError('unauthorized', 'the session is unknown or expired; open the card again');
    setViewer(res, { ...viewer, locale: requestLocale(req, viewer.locale) });
    next();
  };
}
