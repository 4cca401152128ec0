import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const CONFIG = fileURLToPath(new URL('../../../extensions/web/vite.config.ts', import.meta.url));

export interface BuiltCard {
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * Builds the card with its real Vite config into a private folder (test files build in parallel).
 * Vitest sets NODE_ENV=test, which Vite would honour with React's development build; the tests
 * must exercise what ships, so the build runs as production.
 */
export async function buildCard(): Promise<BuiltCard> {
  const dir = await mkdtemp(join(tmpdir(), 'pj-card-'));
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: CONFIG, mode: 'production', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
