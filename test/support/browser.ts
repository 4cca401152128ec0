import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

function aptInstallChromium(): boolean {
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'ignore', timeout: 300_000 });
  if (install().status === 0) return true;
  spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore', timeout: 300_000 });
  return install().status === 0;
}

/** Debian's Chromium, installed on first use when the tests run as root (CI images); otherwise a clear error. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && aptInstallChromium() && existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  throw new Error(`${CHROMIUM_PATH} is missing: install Debian's browser with "apt-get install -y chromium"`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A context that can only talk to this machine: any request to another host is aborted, so a test
 * can never depend on (or leak to) the internet. Routes a test adds on its pages take precedence.
 */
export async function newOfflineContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname);
    return local ? route.fallback() : route.abort('blockedbyclient');
  });
  return context;
}
