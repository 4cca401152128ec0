import type { RequestHandler } from 'express';
import type { SessionStore } from '../auth/session-store.ts';
import { AppError } from '../errors/app-error.ts';
import { requestLocale } from './request-input.ts';
import { setCrmUser, setViewer } from './viewer-locals.ts';

/** Card API calls carry `Authorization: Bearer <session token>`; the session says who and where. */
export function bearerSession(sessions: SessionStore): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(req.get('authorization') ?? '');
    if (!match?.[1]) throw new AppError('unauthorized', 'send the card session as Authorization: Bearer <token>');
    const session = sessions.lookup(match[1]);
    if (!session) throw new AppError('unauthorized', 'the session is unknown or expired; open the card again');
    setViewer(res, { ...session.viewer, locale: requestLocale(req, session.viewer.locale) });
    setCrmUser(res, session.crmUser);
    next();
  };
}
