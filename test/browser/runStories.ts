/**
 * Browser tests: every Storybook story, in Debian's Chromium.
 *
 * Builds Storybook (test mode), serves it on 127.0.0.1, opens each story's iframe with
 * playwright-core, waits until Storybook reports the story finished (render, play function,
 * afterEach), and fails the story if:
 * - rendering or the play function threw (play functions assert what a user sees: the banner
 *   after the timeout, "I'm still here", the countdown ending the session, the transcript
 *   streaming and sticking to the bottom, 10,000 items in under 300 DOM nodes);
 * - the page threw an uncaught error or tried to reach any other host (no network);
 * - axe-core (the installed `axe-core`, run by this script) finds a violation, in the light
 *   theme or, the same state again, in dark mode.
 *
 * Usage: `npm run test:browser` (or `tsx test/browser/runStories.ts [--no-build] [--grep=text] [--out=dir]`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from './launchChromium.ts';
import { serveStatic } from './serveStatic.ts';

const STORY_TIMEOUT_MS = 90_000;
const CONCURRENCY = Math.max(1, Number(process.env.STORY_CONCURRENCY ?? 3));
const argv = process.argv.slice(2);
// --out=dir builds (or reads, with --no-build) Storybook elsewhere, so two runs can share a checkout.
const OUT_DIR = resolve(argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ?? 'storybook-static');
const skipBuild = argv.includes('--no-build');
const grep = argv.find((arg) => arg.startsWith('--grep='))?.slice('--grep='.length);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface StoryEntry {
  id: string;
  title: string;
  name: string;
  type: string;
  tags?: string[];
}

interface StoryOutcome {
  id: string;
  ok: boolean;
  ms: number;
  problems: string[];
  warnings: string[];
}

/** Runs in the page before Storybook: listens on its channel as soon as it is created. */
const CHANNEL_PROBE = `
(() => {
  const probe = { finished: null, playError: null, renderError: null };
  window.__rrkProbe = probe;
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      const text = (e) => (e && (e.message || e.description || e.title)) || String(e);
      value.on('playFunctionThrewException', (e) => { probe.playError = text(e); });
      value.on('storyThrewException', (e) => { probe.renderError = text(e); });
      value.on('storyErrored', (e) => { probe.renderError = text(e); });
      value.on('storyMissing', (id) => { probe.renderError = 'story missing: ' + id; });
      value.on('storyFinished', (payload) => { probe.finished = { status: payload.status }; });
    },
  });
})();
`;

function buildStorybook(): void {
  const started = Date.now();
  const result = spawnSync(
    resolve('node_modules/.bin/storybook'),
    ['build', '--test', '--quiet', '--disable-telemetry', '-o', OUT_DIR],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('storybook build failed');
  }
  console.log(`Storybook built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs in the page: axe-core's violations in the story's root, one line each. */
const runAxe = async (): Promise<string[]> => {
  const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
  const root = document.querySelector('#storybook-root') ?? document.body;
  // `region` (everything inside landmarks) is about whole pages, not a component in a
  // story frame; Storybook's a11y addon leaves it out for the same reason.
  const result = await axe.run(root, { rules: { region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} [${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}]`);
};

async function runStory(context: BrowserContext, baseUrl: string, story: StoryEntry): Promise<StoryOutcome> {
  const started = Date.now();
  const problems: string[] = [];
  const warnings: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') warnings.push(`console.error: ${message.text().slice(0, 300)}`);
  });
  // No network: anything but the local server is refused and reported.
  await page.route(
    (url) => !url.href.startsWith(baseUrl) && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      problems.push(`network request refused: ${route.request().url()}`);
      return route.abort();
    },
  );
  await page.addInitScript(CHANNEL_PROBE);
  try {
    await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    await page.waitForFunction(
      () => (window as unknown as { __rrkProbe: { finished: unknown } }).__rrkProbe.finished !== null,
      undefined,
      { timeout: STORY_TIMEOUT_MS, polling: 100 },
    );
    const probe = await page.evaluate(
      () => (window as unknown as { __rrkProbe: { finished: { status: string }; playError: string | null; renderError: string | null } }).__rrkProbe,
    );
    if (probe.renderError) problems.push(`render failed: ${probe.renderError}`);
    if (probe.playError) problems.push(`play function failed: ${probe.playError}`);
    if (probe.finished.status !== 'success' && !probe.playError && !probe.renderError) {
      problems.push(`Storybook reported status "${probe.finished.status}" (a failed report, e.g. the a11y addon)`);
    }

    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(runAxe);
    for (const violation of violations) problems.push(`axe: ${violation}`);
    // Again as someone whose system is in dark mode sees the same state (the theme follows it).
    await page.emulateMedia({ colorScheme: 'dark' });
    // The theme's colour transitions (buttons) run on the switch: check the colours they end on.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation instanceof CSSTransition)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    const darkViolations = await page.evaluate(runAxe);
    for (const violation of darkViolations) problems.push(`axe (dark mode): ${violation}`);
  } catch (error) {
    problems.push(`did not finish: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return { id: story.id, ok: problems.length === 0, ms: Date.now() - started, problems, warnings };
}

async function main(): Promise<number> {
  const started = Date.now();
  // `npm test` must work on a fresh machine, which may have no Chromium yet: there the browser
  // suite says loudly that it did not run. CI (CI=true, which installs Chromium) never skips.
  if (!existsSync(CHROMIUM_PATH) && process.env.CI !== 'true') {
    console.warn(
      `\nBrowser stories: SKIPPED, Chromium not found at ${CHROMIUM_PATH}.\n` +
        'Install it (apt-get install chromium) or set CHROMIUM_PATH to run them; CI always runs them.',
    );
    return 0;
  }
  if (!skipBuild) buildStorybook();
  const index = JSON.parse(readFileSync(resolve(OUT_DIR, 'index.json'), 'utf8')) as { entries: Record<string, StoryEntry> };
  const stories = Object.values(index.entries).filter(
    // Storybook's convention: a story tagged `!test` (say, one that needs a real server) is not a test.
    (entry) => entry.type === 'story' && (entry.tags ?? ['test']).includes('test') && (!grep || entry.id.includes(grep)),
  );
  if (stories.length === 0) throw new Error('no stories found');

  const server = await serveStatic(OUT_DIR);
  const browser = await launchChromium();
  const outcomes: StoryOutcome[] = [];
  try {
    const queue = [...stories];
    // A context per worker: separate storage, one foreground page each.
    const workers = Array.from({ length: Math.min(CONCURRENCY, stories.length) }, async () => {
      // Normal motion, as most people see the stories: entrances and countdown bars animate,
      // so a play function checks what is on screen while they do (reduced motion would hide
      // an entrance that starts invisible).
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, reducedMotion: 'no-preference' });
      for (let story = queue.shift(); story; story = queue.shift()) {
        const outcome = await runStory(context, server.url, story);
        outcomes.push(outcome);
        const mark = outcome.ok ? '✓' : '✗';
        console.log(`${mark} ${outcome.id} (${(outcome.ms / 1000).toFixed(1)} s)`);
        for (const problem of outcome.problems) console.log(`    ${problem}`);
        if (!outcome.ok) for (const warning of outcome.warnings) console.log(`    (${warning})`);
      }
      await context.close();
    });
    await Promise.all(workers);
  } finally {
    await browser.close();
    await server.close();
  }
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  const passed = outcomes.length - failed;
  console.log(
    `\nBrowser stories: ${passed} passed, ${failed} failed (${stories.length} stories, Chromium, axe-core) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('\nBrowser stories: 0 passed, 1 failed (the runner itself failed)');
    process.exit(1);
  },
);
