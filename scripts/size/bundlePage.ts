/**
 * Bundles one page as an app's bundler would ship it, and weighs it.
 *
 * esbuild: minified, browser ESM, tree-shaken, `NODE_ENV=production`; React is external (every
 * React app has it already); everything else a page imports is bundled, zod included. The kit
 * is bundled from its source entry, as if imported by its package name.
 *
 * Code is split as an app's bundler splits it (Vite, webpack, Next.js): what a page loads with
 * `import()` is a chunk of its own, fetched when first used. A page weighs what it downloads
 * when it loads (its entry and the chunks that imports statically); `lazyGzip` is the rest.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '../..');

/** What every React app already ships, so no page is charged for it. */
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*'];

export interface PageBundle {
  /** Minified bytes the page loads with. */
  minified: number;
  /** The same, gzipped (level 9): the page's weight. */
  gzip: number;
  /** Gzipped bytes of the chunks loaded later through `import()`, if any. */
  lazyGzip: number;
  /** esbuild's metafile, its outputs limited to what the page loads with. */
  metafile: Metafile;
}

const OUT_DIR = resolve(ROOT, '.size-out');
/** The page's name in esbuild's metafile (it comes from stdin). */
const PAGE_FILE = 'page.ts';

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
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts', sourcefile: PAGE_FILE },
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    splitting: true,
    outdir: OUT_DIR,
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
  const outputs = result.metafile.outputs;
  const initial = initialOutputs(outputs);
  const contentsOf = (keep: (path: string) => boolean) =>
    Buffer.concat(
      result.outputFiles
        .filter((file) => file.path.endsWith('.js') && keep(relativeOutput(file.path)))
        .map((file) => file.contents),
    );
  const bytes = contentsOf((path) => initial.has(path));
  const lazy = contentsOf((path) => !initial.has(path));
  const metafile: Metafile = {
    ...result.metafile,
    outputs: Object.fromEntries(Object.entries(outputs).filter(([path]) => initial.has(path))),
  };
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    lazyGzip: lazy.length === 0 ? 0 : gzipSync(lazy, { level: 9 }).length,
    metafile,
  };
}

/** The metafile's name of an output file (relative to the working directory). */
function relativeOutput(path: string): string {
  return relative(ROOT, path).split(sep).join('/');
}

/** The entry chunk and every chunk it reaches through static imports: what loads with the page. */
function initialOutputs(outputs: Metafile['outputs']): Set<string> {
  // The page itself comes from stdin, named PAGE_FILE; a chunk that import() loads is an entry point too, so
  // entryPoint alone does not tell them apart.
  const entries = Object.entries(outputs).filter(([, output]) => output.entryPoint === PAGE_FILE);
  const initial = new Set<string>();
  const queue = entries.map(([path]) => path);
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (initial.has(path)) continue;
    initial.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
    }
  }
  return initial;
}
