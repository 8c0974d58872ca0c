/**
 * Bundle size: what an app pays for the kit, next to the libraries it would otherwise use.
 *
 * Each case is bundled with esbuild (minified, browser, ESM, tree-shaken, production), with
 * react, react-dom and zod external (every React voice app already has them), then gzipped
 * (level 9). Prints `name=bytes` lines and writes the table into BENCHMARKS.md under
 * `## Bundle size` (only that section is touched).
 *
 * Usage: `npm run size` (`tsx scripts/size.ts [--no-write]`).
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
  target?: number;
}

const cases: SizeCase[] = [
  {
    key: 'size_app_gz',
    label: 'react-realtime-kit: `RealtimeProvider` + `useIdleTimeout` + `IdleBanner`',
    code: "export { RealtimeProvider, useIdleTimeout, IdleBanner } from 'react-realtime-kit';",
    target: 6000,
  },
  {
    key: 'size_all_gz',
    label: 'react-realtime-kit: whole main entry',
    code: "export * from 'react-realtime-kit';",
    target: 20000,
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
  });
  const output = result.outputFiles.map((file) => file.contents);
  const bytes = Buffer.concat(output);
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
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
  let failedTargets = 0;
  for (const sizeCase of cases) {
    try {
      const { minified, gzip } = await measure(sizeCase.code);
      console.log(`${sizeCase.key}=${gzip}`);
      const verdict = sizeCase.target === undefined ? '' : gzip <= sizeCase.target ? `≤ ${kb(sizeCase.target)} ✓` : `> ${kb(sizeCase.target)} ✗`;
      if (sizeCase.target !== undefined && gzip > sizeCase.target) failedTargets += 1;
      rows.push(`| ${sizeCase.label} | ${kb(minified)} | **${kb(gzip)}** | ${verdict} |`);
    } catch (error) {
      console.log(`${sizeCase.key}=error`);
      console.error(`  ${sizeCase.key}: ${(error as Error).message.split('\n')[0]}`);
      rows.push(`| ${sizeCase.label} | could not be bundled | | |`);
    }
  }
  const table = [
    'Measured by `npm run size` (`scripts/size.ts`): esbuild, minified, browser ESM, tree-shaken,',
    '`NODE_ENV=production`, gzip level 9; `react`, `react-dom` and `zod` external. The kit is',
    'measured from its source entry; the other libraries from their installed main entry, with',
    'their own dependencies bundled (what an app would ship).',
    '',
    '| bundle | minified | gzip | target |',
    '| --- | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
  if (!process.argv.includes('--no-write')) writeSection(table);
  if (failedTargets > 0) console.log(`${failedTargets} size target(s) missed`);
}

await main();
