import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSingleExtension } from '@hubspot/ui-extensions-dev-server/build';
import { build, type Rollup } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { CARD_DIR, checkVendoredShared, SRC_DIR } from '../../extensions/hubspot-build/vendor-shared.ts';

const ENTRY = path.join(SRC_DIR, 'app/cards/PartnerJourneyCard.tsx');

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]) ?? specifier;
}

/** Bundles the card the way HubSpot's build would see it: only the card package's dependencies stay external. */
async function bundleCard(): Promise<Rollup.OutputChunk> {
  const manifest = JSON.parse(await readFile(path.join(CARD_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies = new Set(Object.keys(manifest.dependencies));
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: SRC_DIR,
    build: {
      write: false,
      minify: false,
      rollupOptions: {
        input: ENTRY,
        // HubSpot's build must resolve every import, used or not; tree-shaking would hide an unused one.
        treeshake: false,
        external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && dependencies.has(packageName(id)),
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((o) => ('output' in o ? o.output : [])).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  expect(chunks).toHaveLength(1);
  return chunks[0] as Rollup.OutputChunk;
}

describe('the card HubSpot builds from srcDir', () => {
  it('carries an up-to-date copy of the shared modules it uses (npm run hubspot:build)', async () => {
    expect(await checkVendoredShared()).toEqual({ missing: [], stale: [], extra: [] });
  });

  it('reaches no file outside srcDir from its entry, and imports only the card package’s dependencies', async () => {
    const chunk = await bundleCard();
    const modules = chunk.moduleIds.filter((id) => !id.startsWith('\0'));

    const outside = modules.filter((id) => path.relative(SRC_DIR, id).startsWith('..'));
    expect(outside).toEqual([]);
    expect(modules).toContain(path.join(CARD_DIR, 'vendor/shared/view/card-view.ts'));
    expect(modules).toContain(path.join(CARD_DIR, 'vendor/shared/api/journey-api.ts'));
    expect([...new Set(chunk.imports.map(packageName))].sort()).toEqual(['@hubspot/ui-extensions', 'react', 'zod']);
    expect(chunk.dynamicImports).toEqual([]);
  });

  it('builds with HubSpot’s own card build (ui-extensions-dev-server) without reaching outside the card folder', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'pj-hubspot-card-'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await buildSingleExtension({ file: ENTRY, root: CARD_DIR, outputDir: outDir, logLevel: 'silent', minify: false });
      const manifest = JSON.parse(await readFile(path.join(outDir, 'PartnerJourneyCard-manifest.json'), 'utf8')) as {
        entry: string;
        modules: { internal: { module: string }[] };
      };
      expect(warn.mock.calls.flat().join('\n')).not.toContain('outside of the extension directory');
      expect(manifest.entry).toBe('PartnerJourneyCard.tsx');
      const internal = manifest.modules.internal.map((m) => m.module);
      // HubSpot strips the card folder from its own files; anything else keeps its absolute path.
      expect(internal.filter((m) => path.isAbsolute(m) || m.startsWith('..'))).toEqual([]);
      expect(internal).toEqual(expect.arrayContaining(['JourneyCard.tsx', 'vendor/shared/view/card-view.ts', 'vendor/shared/api/journey-api.ts']));
    } finally {
      warn.mockRestore();
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
