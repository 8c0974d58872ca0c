/**
 * Bundle size: what an app pays for the kit, next to the libraries it would otherwise use.
 *
 * Each case is bundled with esbuild (minified, browser, ESM, tree-shaken, production), with
 * react, react-dom and zod external (every React voice app already has them), then gzipped
 * (level 9). Prints `name=bytes` lines and writes the tables into BENCHMARKS.md under
 * `## Bundle size` (only that section is touched): the figures, and where the kit's bytes go,
 * layer by layer.
 *
 * Two limits per kit case: the `target` the project aims for (reported, ✓ or ✗), and a
 * `budget` just above today's size. `--check` exits 1 when a figure exceeds its budget, so CI
 * catches a change that makes the kit bigger; lower the budget when the kit shrinks.
 *
 * Usage: `npm run size` (`tsx scripts/size.ts [--no-write] [--check]`).
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zod', 'zod/*'];

interface SizeCase {
  key: string;
  label: string;
  code: string;
  /** The size the project aims for (gzip bytes). */
  target?: number;
  /** The size CI allows (gzip bytes): today's, plus a little room. */
  budget?: number;
}

const cases: SizeCase[] = [
  {
    key: 'size_app_gz',
    label: 'react-realtime-kit: `RealtimeProvider` + `useIdleTimeout` + `IdleBanner`',
    code: "export { RealtimeProvider, useIdleTimeout, IdleBanner } from 'react-realtime-kit';",
    target: 6000,
    budget: 21900,
  },
  {
    key: 'size_all_gz',
    label: 'react-realtime-kit: whole main entry',
    code: "export * from 'react-realtime-kit';",
    target: 20000,
    budget: 46500,
  },
  {
    key: 'size_openai_agents_realtime_gz',
    label: '`@openai/agents-realtime`: whole main entry',
    code: "export * from '@openai/agents-realtime';",
  },
  {
    key: 'size_elevenlabs_react_gz',
    label: '`@elevenlabs/react`: whole main entry',
    code: "export * from '@elevenlabs/react';",
  },
  {
    key: 'size_pipecat_client_react_gz',
    label: '`@pipecat-ai/client-react`: whole main entry',
    code: "export * from '@pipecat-ai/client-react';",
  },
];

interface Measure {
  minified: number;
  gzip: number;
  /** Minified bytes in the output per layer of the kit (or per package outside it). */
  layers: Map<string, number>;
}

/** `src/core/session/x.ts` → `core/session`; `node_modules/@scope/pkg/...` → `@scope/pkg`. */
function layerOf(input: string): string {
  const kit = /^src\/((?:core\/)?[^/]+)\//.exec(input);
  if (kit) return kit[1]!;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return dependency ? dependency[1]! : input;
}

async function measure(code: string): Promise<Measure> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts', sourcefile: 'page.ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    treeShaking: true,
    external: EXTERNAL,
    // The kit is measured from source, as if imported through its package name.
    alias: { 'react-realtime-kit': resolve(ROOT, 'src/index.ts') },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    legalComments: 'none',
    metafile: true,
  });
  const output = result.outputFiles.map((file) => file.contents);
  const bytes = Buffer.concat(output);
  const layers = new Map<string, number>();
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const layer = layerOf(input);
      layers.set(layer, (layers.get(layer) ?? 0) + bytesInOutput);
    }
  }
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, layers };
}

/** Where the kit's bytes go: one column per kit case, minified bytes per layer. */
function layerTable(kitCases: readonly { label: string; measure: Measure }[]): string {
  const names = [...new Set(kitCases.flatMap(({ measure }) => [...measure.layers.keys()]))].filter(
    (name) => kitCases.some(({ measure }) => (measure.layers.get(name) ?? 0) > 0),
  );
  names.sort((a, b) => (kitCases[0]!.measure.layers.get(b) ?? 0) - (kitCases[0]!.measure.layers.get(a) ?? 0));
  const cell = (bytes: number | undefined) => (bytes ? kb(bytes) : '—');
  return [
    `| layer | ${kitCases.map(({ label }) => label).join(' | ')} |`,
    `| --- |${kitCases.map(() => ' ---: |').join('')}`,
    ...names.map((name) => `| \`${name}\` | ${kitCases.map(({ measure }) => cell(measure.layers.get(name))).join(' | ')} |`),
  ].join('\n');
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function writeSection(table: string): void {
  const file = resolve(ROOT, 'BENCHMARKS.md');
  const section = `## Bundle size\n\n${table}\n`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## Bundle size\s*$/m);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const rest = current.slice(start + 1);
    const end = rest.search(/^## /m);
    next = current.slice(0, start) + section + (end === -1 ? '' : `\n${rest.slice(end)}`);
  }
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const kitMeasures: { label: string; measure: Measure }[] = [];
  let missedTargets = 0;
  let overBudget = 0;
  for (const sizeCase of cases) {
    try {
      const result = await measure(sizeCase.code);
      const { minified, gzip } = result;
      console.log(`${sizeCase.key}=${gzip}`);
      let verdict = '';
      if (sizeCase.target !== undefined) {
        verdict = gzip <= sizeCase.target ? `≤ ${kb(sizeCase.target)} ✓` : `> ${kb(sizeCase.target)} ✗`;
        if (gzip > sizeCase.target) missedTargets += 1;
      }
      if (sizeCase.budget !== undefined) {
        kitMeasures.push({ label: sizeCase.key, measure: result });
        if (gzip > sizeCase.budget) {
          overBudget += 1;
          console.log(`  ${sizeCase.key}: ${gzip} B is over its budget of ${sizeCase.budget} B`);
        }
      }
      const budget = sizeCase.budget === undefined ? '' : kb(sizeCase.budget);
      rows.push(`| ${sizeCase.label} | ${kb(minified)} | **${kb(gzip)}** | ${verdict} | ${budget} |`);
    } catch (error) {
      console.log(`${sizeCase.key}=error`);
      console.error(`  ${sizeCase.key}: ${(error as Error).message.split('\n')[0]}`);
      // The kit must always bundle; another library's failure only leaves its row empty.
      if (sizeCase.budget !== undefined) overBudget += 1;
      rows.push(`| ${sizeCase.label} | could not be bundled | | | |`);
    }
  }
  const table = [
    'Measured by `npm run size` (`scripts/size.ts`): esbuild, minified, browser ESM, tree-shaken,',
    '`NODE_ENV=production`, gzip level 9; `react`, `react-dom` and `zod` external. The kit is',
    'measured from its source entry; the other libraries from their installed main entry, with',
    'their own dependencies bundled (what an app would ship). The budget is what CI allows',
    '(`npm run size -- --check` in `.ci/run`): today\'s size plus a little room, so that no change',
    'makes the kit bigger unnoticed.',
    '',
    '| bundle | minified | gzip | target | budget |',
    '| --- | ---: | ---: | --- | ---: |',
    ...rows,
    '',
    'Where the kit\'s bytes go (minified, before gzip), by folder of `src/` or by package:',
    '',
    layerTable(kitMeasures),
  ].join('\n');
  if (!process.argv.includes('--no-write')) writeSection(table);
  if (missedTargets > 0) console.log(`${missedTargets} size target(s) missed`);
  if (process.argv.includes('--check') && overBudget > 0) {
    console.error(`${overBudget} bundle(s) over budget: see above`);
    process.exitCode = 1;
  }
}

await main();
