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

/** Builds the card with its real Vite config into a private folder (test files build in parallel). */
export async function buildCard(): Promise<BuiltCard> {
  const dir = await mkdtemp(join(tmpdir(), 'pj-card-'));
  await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
