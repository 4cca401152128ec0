import type { Response } from 'express';
import type { Viewer } from '../auth/viewer.ts';
import type { CrmUserSession } from '../crm/user-stage-writer.ts';
import { AppError } from '../errors/app-error.ts';

const VIEWER = Symbol('viewer');
const CRM_USER = Symbol('crm-user');

type WithViewer = Response & { [VIEWER]?: Viewer; [CRM_USER]?: CrmUserSession | null };

export function setViewer(res: Response, viewer: Viewer): void {
  (res as WithViewer)[VIEWER] = viewer;
}

/** The verified caller; only routes behind an authentication middleware ask for it. */
export function viewerOf(res: Response): Viewer {
  const viewer = (res as WithViewer)[VIEWER];
  if (!viewer) throw new AppError('unauthorized', 'the request is not authenticated');
  return viewer;
}

/** The viewer's own CRM session when their card session holds one (Salesforce Canvas). */
export function setCrmUser(res: Response, session: CrmUserSession | null): void {
  (res as WithViewer)[CRM_USER] = session;
}

export function crmUserOf(res: Response): CrmUserSession | null {
  return (res as WithViewer)[CRM_USER] ?? null;
}
