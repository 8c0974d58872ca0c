/**
 * `npm run bench:browser`: what users feel of the AudioVisualizer, measured in Debian's Chromium.
 * A page built here (bench/browser/app) mounts `<AudioVisualizer>` inside a React `<Profiler>`
 * on the mock transport, which plays a scenario reply of real PCM that its meter measures. Three
 * pages, one after the other: `none` (an empty requestAnimationFrame loop: the baseline cost
 * of a frame), `bars` and `orb`. Once the agent is 'speaking', 10 s of speech are measured:
 * - React commits inside the Profiler (target 0). The page uses react-dom's profiling build:
 *   production code in which `<Profiler onRender>` still fires. Commits before the speech
 *   (mount, state changes) are printed to show that the counter counts.
 * - Main-thread CPU time per frame from a Chromium trace (`tdur`: thread time, so a loaded
 *   machine that delays the thread does not inflate it): the requestAnimationFrame callbacks
 *   (meter read, smoothing, style writes), the style recalculation those writes cause, and the
 *   whole task of the frame (callbacks, style, layout, pre-paint, paint, layerize, commit),
 *   also minus the empty loop's. The wall time of the callbacks and of the meter's reads
 *   (performance.now(), 5 µs resolution: the page is cross-origin isolated) is printed too.
 * Prints `#` lines, a Markdown table and `key=value` lines. Flag: `--speech-ms=N` (default 10000).
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchChromium } from '../../test/browser/launchChromium.ts';
import type { VisualizerRun } from './app/main.tsx';
import { framesFromTrace, type TraceEvent } from './framesFromTrace.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const speechMs = Number(process.argv.find((arg) => arg.startsWith('--speech-ms='))?.slice(12) ?? 10000);

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'rrk-bench-browser-'));
  try {
    await build({
      root: join(here, 'app'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      plugins: [react()],
      // The profiling build of react-dom: production speed, and <Profiler onRender> still fires.
      resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
      build: { outDir: work, emptyOutDir: true, target: 'es2022' },
    });
    const server = await serveIsolated(work);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
    // One browser for the three pages, measured one after the other (never at the same time).
    const browser = await launchChromium();
    const rows: string[] = [];
    let baseline = 0;
    const problems: string[] = [];
    try {
      for (const look of ['none', 'bars', 'orb'] as const) {
        const page = await browser.newPage();
        page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
        await page.goto(`${url}?look=${look}`);
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
        const run = (await page.evaluate((ms) => window.__runVisualizer(ms), speechMs)) as VisualizerRun;
        const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
        const cost = framesFromTrace(trace.traceEvents, speechMs);
        await page.close();
        const callbacks = percentiles(cost.animationFrameCallbacks);
        const whole = percentiles(cost.wholeFrame);
        const wall = percentiles(run.frames.perFrame);
        const meter = percentiles(run.meterReads);
        if (!run.isolated) console.warn('# the page is not cross-origin isolated: performance.now() is coarse (100 µs)');
        // A measurement of a visualizer that did not draw, or of silence, measures nothing.
        if (!run.stillSpeaking) problems.push(`${look}: the reply ended before the measurement did`);
        if (look !== 'none' && run.frames.changedFrames < run.frames.perFrame.length / 4) {
          problems.push(`${look}: the shown level changed in only ${run.frames.changedFrames} of ${run.frames.perFrame.length} frames`);
        }
        if (run.commitsBefore === 0) problems.push(`${look}: the Profiler counted no commit at all, not even the mount`);
        if (run.commitsDuring > 0) problems.push(`${look}: ${run.commitsDuring} React commits during the speech (target 0)`);
        console.log(
          `# ${look}: ${run.frames.perFrame.length} frames in ${speechMs / 1000} s (${cost.wholeFrame.length} in the trace), ` +
            `the shown level changed in ${run.frames.changedFrames}; commits before the speech ${run.commitsBefore}, during ${run.commitsDuring}; ` +
            `rAF wall time median ${ms(wall.median)}, p95 ${ms(wall.p95)}; meter read median ${ms(meter.median)}, p95 ${ms(meter.p95)}`,
        );
        console.log(`# ${look}: mean per frame: ${cost.meanByKind.map(([name, value]) => `${name} ${ms(value)}`).join(', ')}`);
        const style = cost.meanByKind.find(([name]) => name === 'UpdateLayoutTree')?.[1] ?? 0;
        if (look === 'none') baseline = whole.median;
        rows.push(
          `| ${look} | ${run.commitsDuring} | ${cost.wholeFrame.length} | ${ms(callbacks.median)} | ${ms(callbacks.p95)} | ${ms(style)} | ` +
            `${ms(whole.median)} | ${ms(whole.p95)} | ${look === 'none' ? '' : ms(whole.median - baseline)} |`,
        );
        console.log(`visualizer_${look}_commits=${run.commitsDuring}`);
        console.log(`visualizer_${look}_callback_ms_median=${callbacks.median.toFixed(3)}`);
        console.log(`visualizer_${look}_callback_ms_p95=${callbacks.p95.toFixed(3)}`);
        console.log(`visualizer_${look}_frame_ms_median=${whole.median.toFixed(3)}`);
        console.log(`visualizer_${look}_frame_ms_p95=${whole.p95.toFixed(3)}`);
      }
    } finally {
      await browser.close();
      server.close();
    }
    console.log('\n| look | React commits | frames | rAF callbacks, median | p95 | style recalc, mean | whole frame, median | p95 | minus empty loop |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(rows.join('\n'));
    if (problems.length > 0) {
      console.error(`\n${problems.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

function percentiles(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

// Cross-origin isolation gives performance.now() its 5 µs resolution (100 µs otherwise).
function serveIsolated(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = resolve(root, `.${new URL(request.url ?? '/', 'http://x').pathname}`);
    if (!path.startsWith(root) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    response.end(readFileSync(path));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
