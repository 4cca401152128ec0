import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  readonly port: number;
  /** `http://host:port` as bound (a local address; PUBLIC_BASE_URL is what the outside sees). */
  readonly url: string;
  /** Stops accepting, lets requests in flight finish (up to the grace period), then runs `onClose`. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly port: number;
  readonly host?: string | undefined;
  /** After this, connections still open are cut. */
  readonly graceMs?: number;
  /** Runs once the server has stopped (close the store). */
  readonly onClose?: () => Promise<void>;
}

export async function startServer(app: Express, options: StartOptions): Promise<RunningServer> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address === '::' ? '::1' : address}]` : address === '0.0.0.0' ? '127.0.0.1' : address;
  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${host}:${port}`,
    close() {
      closing ??= stop(server, options);
      return closing;
    },
  };
}

async function stop(server: Server, options: StartOptions): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight would hold `close` open until they time out.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000);
  try {
    await stopped;
  } finally {
    clearInterval(idleSweep);
    clearTimeout(deadline);
  }
  await options.onClose?.();
}
