import express, { type RequestHandler } from 'express';

/**
 * The web card's built files under `/card/`. Vite puts content hashes in asset names, so those
 * are cached forever; anything else (index.html) is revalidated.
 */
export function cardAssets(distDir: string): RequestHandler {
  return express.static(distDir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
