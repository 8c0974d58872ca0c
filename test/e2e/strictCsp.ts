/**
 * The strict Content-Security-Policy part of `npm run test:e2e`: the e2e app, built by Vite from
 * the library as `npm run build` emits it (so the microphone worklet is the file the package
 * ships, resolved by an app bundler as users get it), served with
 * `script-src 'self'` (no 'unsafe-eval', no blob:), must connect over each transport, capture
 * the microphone, stream a reply, and raise no CSP violation at all: neither a
 * `securitypolicyviolation` event in the page nor a Chromium "Refused to" console message.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { RealtimeEmulator } from '../../src/emulator/index.ts';
import { waitForStreamedReply } from './waitForStreamedReply.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../..');
/** The worklet file the library build emits next to its chunks (see vite.config.ts). */
const WORKLET_FILE = 'micCaptureProcessor.js';

type Step = (name: string, run: () => Promise<string>) => Promise<void>;

/**
 * The policy under test: everything from the page's own origin only, scripts included (no
 * 'unsafe-eval', no 'unsafe-inline', no blob: or data:), plus the emulator for fetch and WebSocket.
 */
export function strictContentSecurityPolicy(emulator: RealtimeEmulator): string {
  const http = new URL(emulator.url).origin;
  const ws = new URL(emulator.wsUrl).origin;
  return `default-src 'self'; script-src 'self'; connect-src 'self' ${http} ${ws}`;
}

export interface StrictCspBuild {
  /** The app's static files. */
  outDir: string;
  /** What the builds produced, for the report. */
  summary: string;
  cleanup(): void;
}

/**
 * Build the library with the repository's vite.config.ts (into a scratch folder inside
 * node_modules, so its bare imports resolve and the shared dist/ is left alone), then the e2e
 * app against that output instead of src/.
 */
export async function buildStrictCspApp(outDir: string): Promise<StrictCspBuild> {
  const cache = join(repo, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const libDir = mkdtempSync(join(cache, 'rrk-e2e-lib-'));
  const cleanup = () => rmSync(libDir, { recursive: true, force: true });
  try {
    await build({
      configFile: join(repo, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: libDir, emptyOutDir: true, sourcemap: false },
    });
    if (!existsSync(join(libDir, WORKLET_FILE))) throw new Error(`the library build emitted no ${WORKLET_FILE}`);
    // Apps that serve the file themselves (the workletUrl option) reach it through the export map.
    const exportMap = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
    if (exportMap[`./${WORKLET_FILE}`] !== `./dist/${WORKLET_FILE}`) throw new Error(`package.json exports no ./${WORKLET_FILE}`);
    await build({
      root: join(here, 'app'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      plugins: [react()],
      resolve: { alias: [{ find: /^(\.\.\/){3}src\/index\.ts$/, replacement: join(libDir, 'index.js') }] },
      build: { outDir, emptyOutDir: true, minify: false, target: 'es2022' },
    });
    const assets = readdirSync(join(outDir, 'assets'));
    const worklet = assets.find((name) => name.startsWith('micCaptureProcessor') && name.endsWith('.js'));
    if (!worklet) throw new Error(`the app build emitted no worklet asset: ${assets.join(', ')}`);
    const app = assets
      .filter((name) => name.endsWith('.js') && name !== worklet)
      .map((name) => readFileSync(join(outDir, 'assets', name), 'utf8'))
      .join('\n');
    if (!app.includes(worklet)) throw new Error(`no app chunk refers to ${worklet}`);
    if (/data:text\/javascript/.test(app)) throw new Error('the app inlined a script as a data: URL');
    return {
      outDir,
      summary: `library dist has ${WORKLET_FILE} (exported as react-realtime-kit/${WORKLET_FILE}); the app build emitted assets/${worklet}`,
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** Collect every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page) {
  // Init scripts come from the browser itself (DevTools), so the policy does not apply to them.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${event.sample ? ` (${event.sample})` : ''}`);
    });
  });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Refused to/i.test(message.text())) refused.push(message.text());
  });
  return {
    refused,
    events: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.slice()),
  };
}

/**
 * One transport on the strict-CSP page: connect, the microphone reaches the emulator (its VAD
 * hears the fake microphone's speech), a reply streams into TranscriptView, and no violation.
 */
export async function runStrictCspTransport(options: {
  transport: 'webrtc' | 'websocket';
  browser: Browser;
  siteUrl: string;
  emulator: RealtimeEmulator;
  key: string;
  idleMs: number;
  step: Step;
  verbose: boolean;
}): Promise<void> {
  const { transport, browser, emulator, step } = options;
  const name = (check: string) => `strict CSP, ${transport}: ${check}`;
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  const violations = await watchViolations(page);
  let failed = false;
  const check = async (label: string, run: () => Promise<string>) =>
    step(name(label), async () => {
      try {
        return await run();
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  try {
    const response = await page.goto(
      `${options.siteUrl}?transport=${transport}&emulator=${encodeURIComponent(emulator.url)}&key=${options.key}&idle=${options.idleMs}`,
    );
    const policy = response?.headers()['content-security-policy'] ?? '';
    await page.click('#connect');
    await check('connects', async () => {
      await page.waitForSelector('#status[data-status="connected"]', { timeout: 15000 }).catch(async (error: unknown) => {
        const status = await page.textContent('#status');
        throw new Error(`${String(status)} (${String(error).split('\n')[0]})`);
      });
      return `served with ${policy}`;
    });
    await check('microphone audio reaches the emulator', async () => {
      await page.waitForFunction(() => window.__e2e.events.some((e) => e.type === 'speech_stopped'), null, { timeout: 15000 });
      if (transport === 'websocket') {
        const appends = await page.evaluate(() => window.__e2e.appendsSent);
        if (appends < 10) throw new Error(`only ${appends} input_audio_buffer.append sent`);
        return `${appends} input_audio_buffer.append sent from the worklet; the emulator's VAD heard the speech`;
      }
      return "the emulator's VAD heard the speech on the media track";
    });
    await check('a reply streams into TranscriptView', async () => {
      return waitForStreamedReply(page, 15000);
    });
    await check('no CSP violation', async () => {
      await page.click('#disconnect');
      // Settled or not (a failed connect is already reported above), count what was raised.
      await page.waitForSelector('#status[data-status="disconnected"]', { timeout: 5000 }).catch(() => undefined);
      const events = await violations.events();
      const all = [...events, ...violations.refused];
      if (all.length > 0) throw new Error(`${all.length}: ${all.join(' | ')}`);
      return 'no securitypolicyviolation event, no "Refused to" console message, through connect, capture, reply and disconnect';
    });
    // The zero above is only worth something if a violation would have been seen: make one.
    await check('the policy is enforced and a violation would be seen', async () => {
      const before = (await violations.events()).length;
      await page.click('#eval-probe');
      const evaluated = await page.getAttribute('#eval-probe', 'data-result');
      if (evaluated !== 'refused') throw new Error(`new Function gave ${String(evaluated)}: the page is not under the policy`);
      await page.waitForFunction(
        (count) => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > count,
        before,
        { timeout: 5000 },
      );
      const seen = await violations.events();
      return `new Function from the page's script was refused and reported: ${seen[before] ?? ''}`;
    });
    if (options.verbose || failed) console.log(consoleLines.slice(-30).map((line) => `  [page] ${line}`).join('\n'));
  } finally {
    await page.close();
  }
}
