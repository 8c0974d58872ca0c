/**
 * An esbuild plugin that replaces the kit's modules under some folders with empty stubs: each
 * export stays (so every import still resolves) but does nothing, and whatever only those
 * modules pulled in (zod, for the schemas) drops out of the bundle with them.
 *
 * Not a way to ship anything: it answers "what would this page weigh without that part?", to
 * see where a size target's bytes would have to come from (`scripts/sizeWithout.ts`).
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ROOT } from './bundlePage.ts';

async function exportNamesOf(path: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: readFileSync(path, 'utf8'), loader: path.endsWith('.tsx') ? 'tsx' : 'ts', resolveDir: dirname(path) },
    bundle: false,
    write: false,
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)[0]?.exports ?? [];
}

/** @param prefixes paths from the repository root, e.g. `src/core/session/transcript/`. */
export function stubModules(prefixes: readonly string[]): Plugin {
  return {
    name: 'stub-modules',
    setup(plugin) {
      plugin.onLoad({ filter: /\/src\/.*\.tsx?$/ }, async ({ path }) => {
        const fromRoot = relative(ROOT, path);
        if (!prefixes.some((prefix) => fromRoot.startsWith(prefix))) return undefined;
        const names = await exportNamesOf(path);
        const stub = (name: string) =>
          name === 'default'
            ? 'export default function stub() {}'
            : `export const ${name} = /* @__PURE__ */ (() => function stub() {})();`;
        return { contents: names.map(stub).join('\n'), loader: 'js' };
      });
    },
  };
}
