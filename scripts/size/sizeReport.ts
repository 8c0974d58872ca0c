/**
 * The `## Bundle size` section of BENCHMARKS.md: the figures of one run, kit and peers, and
 * where the kit's bytes go. Only that section of the file is rewritten.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, type PageBundle } from './bundlePage.ts';
import type { SizeLimits } from './kitLimits.ts';
import type { Layer } from './layers.ts';
import type { KitPage, PeerPage } from './pages.ts';

export interface KitResult {
  page: KitPage;
  limits: SizeLimits;
  bundle?: PageBundle;
  layers: Layer[];
  /** gzip bytes each package layer adds: the page's gzip minus the page's with it external. */
  packageCosts: Map<string, number>;
  error?: string;
}

export interface PeerResult {
  page: PeerPage;
  bundle?: PageBundle;
  error?: string;
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** `react`, `@scope/name` → `name 1.2.3`, read from node_modules. */
export function installedVersion(name: string): string {
  const manifest = resolve(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The names a page's code exports, for the table (`export *` is the whole entry). */
function exportedNames(code: string): string {
  const names = [...code.matchAll(/export\s*\{([^}]*)\}/g)].flatMap(([, list]) =>
    list!.split(',').map((name) => name.trim()).filter(Boolean),
  );
  return names.length > 0 ? names.map((name) => `\`${name}\``).join(', ') : 'every export';
}

function kitTable(results: readonly KitResult[]): string[] {
  return [
    // "loaded later": the chunks the page fetches through import() on first use (the transports'
    // meters and microphone switching), gzipped; not part of the page's weight.
    '| kit page | what it holds | minified | gzip | loaded later | target | budget |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: |',
    ...results.map(({ page, limits, bundle }) => {
      const name = `\`${page.key}\`: ${page.label}`;
      if (!bundle) return `| ${name} | could not be bundled | | | | | ${kb(limits.budget)} |`;
      const verdict = bundle.gzip <= limits.target ? `≤ ${kb(limits.target)} ✓` : `> ${kb(limits.target)} ✗`;
      return `| ${name} | ${exportedNames(page.code)} | ${kb(bundle.minified)} | **${kb(bundle.gzip)}** | ${kb(bundle.lazyGzip)} | ${verdict} | ${kb(limits.budget)} |`;
    }),
  ];
}

function peerTable(results: readonly PeerResult[]): string[] {
  return [
    '| peer page | packages | what it holds | minified | gzip |',
    '| --- | --- | --- | ---: | ---: |',
    ...results.map(({ page, bundle, error }) => {
      const packages = page.packages.map((name) => `\`${name}\` ${installedVersion(name)}`).join(', ');
      const figures = bundle ? `${kb(bundle.minified)} | **${kb(bundle.gzip)}**` : `could not be bundled: ${error} | `;
      return `| ${page.label} (\`${page.key}\`) | ${packages} | ${page.contents} | ${figures} |`;
    }),
  ];
}

function layerName(layer: Layer): string {
  if (layer.usedBy.length === 0) return `\`${layer.name}\``;
  const pulls = layer.pulls.length > 0 ? ` with ${layer.pulls.map((name) => `\`${name}\``).join(', ')}` : '';
  return `\`${layer.name}\` ${installedVersion(layer.name)}${pulls} (imported by ${layer.usedBy.map((name) => `\`${name}\``).join(', ')})`;
}

function layerTable(results: readonly KitResult[]): string[] {
  const byName = new Map<string, Layer>();
  for (const { layers } of results) for (const layer of layers) if (!byName.has(layer.name)) byName.set(layer.name, layer);
  const bytesIn = (result: KitResult, name: string) => result.layers.find((layer) => layer.name === name)?.bytes;
  const widest = results[results.length - 1]!;
  const names = [...byName.keys()].sort((a, b) => (bytesIn(widest, b) ?? 0) - (bytesIn(widest, a) ?? 0));
  return [
    `| layer | ${results.map(({ page }) => page.label).join(' | ')} |`,
    `| --- |${results.map(() => ' ---: |').join('')}`,
    ...names.map((name) => {
      const cells = results.map((result) => {
        const bytes = bytesIn(result, name);
        return bytes ? kb(bytes) : '—';
      });
      return `| ${layerName(byName.get(name)!)} | ${cells.join(' | ')} |`;
    }),
  ];
}

function packageCostTable(results: readonly KitResult[]): string[] {
  const names = [...new Set(results.flatMap(({ packageCosts }) => [...packageCosts.keys()]))];
  return [
    `| package | ${results.map(({ page }) => page.label).join(' | ')} |`,
    `| --- |${results.map(() => ' ---: |').join('')}`,
    ...names.map((name) => {
      const cells = results.map(({ packageCosts }) => {
        const bytes = packageCosts.get(name);
        return bytes === undefined ? '—' : kb(bytes);
      });
      return `| \`${name}\` | ${cells.join(' | ')} |`;
    }),
  ];
}

export function sizeSection(kit: readonly KitResult[], peers: readonly PeerResult[]): string {
  return [
    '## Bundle size',
    '',
    'Measured by `npm run size` (`scripts/size.ts`, `scripts/size/`) as an app ships a page: each page',
    'is its import list, bundled by esbuild (minified, browser ESM, tree-shaken, `NODE_ENV=production`)',
    'with everything it imports, `zod` and every transport package included, except `react` and',
    '`react-dom` (and `react/jsx-runtime`), which every React app already has; then gzip level 9. CSS',
    'is not counted (the kit\'s `styles.css` nor a peer\'s). The kit is bundled from its source entry;',
    'the peers from their installed packages, in the same run. The budget is what CI allows',
    '(`npm run size -- --check --no-write` in `.ci/run`); the limits live in `scripts/size/kitLimits.ts`.',
    '',
    ...kitTable(kit),
    '',
    'The peers, each with what its own browser voice page needs (from its docs), transport included:',
    '',
    ...peerTable(peers),
    '',
    'Where the kit\'s bytes go (minified, before gzip), by folder of `src/` or by package (a package',
    'the kit imports, with the packages it pulls in):',
    '',
    ...layerTable(kit),
    '',
    'What each package adds to a kit page\'s gzip figure (the page minus the same page with that',
    'package left out):',
    '',
    ...packageCostTable(kit),
    '',
  ].join('\n');
}

/** Replaces the `## Bundle size` section of BENCHMARKS.md (up to the next `## `), or appends it. */
export function writeSizeSection(section: string): void {
  const file = resolve(ROOT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## Bundle size\s*$/m);
  if (start === -1) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = current.slice(start + 1);
  const end = rest.search(/^## /m);
  writeFileSync(file, current.slice(0, start) + section + (end === -1 ? '' : `\n${rest.slice(end)}`));
}
