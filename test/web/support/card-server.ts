import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { CardBoot } from '../../../shared/api/card-boot.ts';
import { renderCardPage } from '../../../extensions/web/card-page.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** As strict as the service may be: no inline script or style may be needed by the card. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

export interface CardServer {
  readonly origin: string;
  /** The built page exactly as Vite wrote it, with no boot document. */
  readonly bareUrl: string;
  /** A page URL that serves the card with this boot document. */
  pageFor(boot: CardBoot): string;
  close(): Promise<void>;
}

/**
 * Serves a built card the way the service does: the bundle under /card/, and pages made from its
 * index.html with a boot document. The card API is not served here; tests answer it with page.route.
 */
export async function startCardServer(distDir: string): Promise<CardServer> {
  const indexHtml = await readFile(join(distDir, 'index.html'), 'utf8');
  const boots = new Map<string, CardBoot>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const boot = path.startsWith('/page/') ? boots.get(path.slice('/page/'.length)) : undefined;
    if (boot || path === '/bare') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', 'content-security-policy': CSP });
      res.end(boot ? renderCardPage(indexHtml, boot) : indexHtml);
      return;
    }
    const file = path.startsWith('/card/') ? normalize(join(distDir, path.slice('/card/'.length))) : null;
    if (!file || !file.startsWith(distDir + sep)) {
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    bareUrl: `${origin}/bare`,
    pageFor(boot) {
      const id = String(boots.size + 1);
      boots.set(id, boot);
      return `${origin}/page/${id}`;
    },
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
