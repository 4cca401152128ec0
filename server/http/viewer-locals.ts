import type { Response } from 'express';
import type { Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors/app-error.ts';

const VIEWER = Symbol('viewer');

type WithViewer = Response & { [VIEWER]?: Viewer };

export function setViewer(res: Response, viewer: Viewer): void {
  (res as WithViewer)[VIEWER] = viewer;
}

/** The verified caller; only routes behind an authentication middleware ask for it. */
export function viewerOf(res: Response): Viewer {
  const viewer = (res as WithViewer)[VIEWER];
  if (!viewer) throw new AppError('unauthorized', 'the request is not authenticated');
  return viewer;
}
