/**
 * Bundles one page as an app's bundler would ship it, and weighs it.
 *
 * esbuild: minified, browser ESM, tree-shaken, `NODE_ENV=production`; React is external (every
 * React app has it already); everything else a page imports is bundled, zod included. The kit
 * is bundled from its source entry, as if imported by its package name.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '../..');

/** What every React app already ships, so no page is charged for it. */
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*'];

export interface PageBundle {
  minified: number;
  gzip: number;
  metafile: Metafile;
}

/**
 * @param code the page: an import/export list.
 * @param alsoExternal packages left out of this bundle (to see what one of them adds).
 * @param plugins extra esbuild plugins (`scripts/sizeWithout.ts` stubs parts of the kit out).
 */
export async function bundlePage(
  code: string,
  alsoExternal: readonly string[] = [],
  plugins: Plugin[] = [],
): Promise<PageBundle> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts', sourcefile: 'page.ts' },
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    treeShaking: true,
    external: [...REACT, ...alsoExternal.flatMap((name) => [name, `${name}/*`])],
    alias: { 'react-realtime-kit': resolve(ROOT, 'src/index.ts') },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    legalComments: 'none',
    metafile: true,
    plugins,
  });
  const bytes = Buffer.concat(result.outputFiles.map((file) => file.contents));
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, metafile: result.metafile };
}
