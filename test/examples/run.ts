/**
 * `npm run test:examples`: every app in examples/, as a user runs it, on the package as npm
 * would ship it.
 *
 * 1. Builds the kit (unless --skip-build) and packs it with `npm pack` into a new temporary
 *    directory outside the repository.
 * 2. Copies each example there as examples/<name> (without node_modules, build output or .env
 *    files), so its `file:../../react-realtime-kit-<version>.tgz` dependency is the fresh tarball,
 *    and runs `npm ci` (its committed lockfile pins everything else), then `npm run build`, with
 *    no OpenAI key in the environment: the apps run their demo mode. Next's copy first gets the
 *    Server Component fixture of test/examples/next-entries (app/entries: every browser entry)
 *    and that fixture's peers; /entries must build static and play like the example's page.
 * 3. `PORT=<free port> npm start`, and the built page in Chromium (checkVoicePage.ts): the demo
 *    notice, "Start session", rows streaming in, the idle banner; no console error, hydration
 *    warning or failed request.
 *
 * Usage: `npm run test:examples [-- --skip-build] [-- --keep] [-- --only=vite|next]
 * [-- --screenshots=<dir>]`. Prints each check and `examples: N passed, M failed` last; exits 1
 * on any failure. Servers are stopped and temporary directories removed even on failure.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/launchChromium.ts';
import { checkVoicePage } from './checkVoicePage.ts';
import { checkDemoPageOutline } from './checkDemoPageOutline.ts';
import { runCommand } from './runCommand.ts';
import { startExampleServer, type ExampleServer } from './startExampleServer.ts';
import { watchPageProblems } from './watchPageProblems.ts';
import { takeScreenshots } from './takeScreenshots.ts';
import { addNextEntriesFixture, checkNextEntriesPage, installNextEntriesPeers } from './nextEntries.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only');
const screenshots = option('screenshots');
const MINUTES = 60_000;

let passed = 0;
let failed = 0;
const record = (name: string, ok: boolean, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};
/** A command's output, indented so a CI summary counting result lines never counts it. */
const indent = (text: string) => text.trimEnd().split('\n').slice(-60).map((line) => `  | ${line}`).join('\n');

/** The environment of the examples: no key, no session URL, no telemetry, so they run the demo. */
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.OPENAI_API_KEY;
delete env.VITE_REALTIME_SESSION_URL;

/**
 * A user's copy of the example: the files git tracks or would track (new ones count, ignored
 * ones do not), so no node_modules, build output or a developer's .env.local comes along.
 */
async function copyExample(name: string, to: string): Promise<void> {
  const listed = await runCommand('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', `examples/${name}`], { cwd: ROOT, env: process.env, timeoutMs: MINUTES });
  if (!listed.ok) throw new Error(`git ls-files failed: ${listed.output}`);
  const files = listed.output.split('\0').filter((path) => path !== '' && existsSync(join(ROOT, path)));
  for (const path of files) {
    if (/^\.env/.test(basename(path))) continue;
    mkdirSync(dirname(join(to, relative(`examples/${name}`, path))), { recursive: true });
    copyFileSync(join(ROOT, path), join(to, relative(`examples/${name}`, path)));
  }
}

async function runExample(name: string, work: string, tarball: string, browser: Browser): Promise<void> {
  const app = join(work, 'examples', name);
  await copyExample(name, app);
  if (name === 'next') addNextEntriesFixture(join(ROOT, 'test/examples/next-entries'), app);

  // An integrity hash of one tarball makes npm install that build from its cache forever after.
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string }> };
  const pinnedKit = lock.packages['node_modules/react-realtime-kit'];
  record(`${name}: the lockfile pins no build of the kit (no integrity for the tarball)`, pinnedKit !== undefined && pinnedKit.integrity === undefined);

  const installed = await runCommand('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, env, timeoutMs: 15 * MINUTES });
  const installedKit = join(app, 'node_modules/react-realtime-kit/dist/index.js');
  // Compared with the tarball, not dist/: a build running beside this one may have replaced dist/.
  const packedKit = await runCommand('tar', ['-xzOf', join(work, tarball), 'package/dist/index.js'], { cwd: work, env, timeoutMs: MINUTES });
  const fresh = installed.ok && packedKit.ok && existsSync(installedKit) && readFileSync(installedKit, 'utf8') === packedKit.output;
  record(`${name}: npm ci installs the lockfile and the freshly packed kit`, fresh, installed.ok ? (fresh ? '' : 'node_modules has another build of the kit') : `exit ${installed.exitCode}`);
  if (!fresh) return console.log(indent(installed.output));
  if (name === 'next') {
    const peers = await installNextEntriesPeers(join(ROOT, 'test/examples/next-entries'), app, env);
    record('next: the /entries fixture\'s peers (Testing Library, for react-realtime-kit/testing/react) install', peers.ok, peers.ok ? '' : `exit ${peers.exitCode}`);
    if (!peers.ok) return console.log(indent(peers.output));
  }

  const built = await runCommand('npm', ['run', 'build'], { cwd: app, env, timeoutMs: 20 * MINUTES });
  record(`${name}: npm run build`, built.ok, built.ok ? '' : `exit ${built.exitCode}`);
  if (!built.ok) return console.log(indent(built.output));
  // Static: next build rendered the fixture's Server Component tree, every entry imported in it.
  if (name === 'next') record('next: npm run build prerenders /entries (○, static)', /○ \/entries\b/.test(built.output));

  let server: ExampleServer | undefined;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    server = await startExampleServer(app, env, 3 * MINUTES).then(
      (started) => (record(`${name}: npm start serves the built app on $PORT`, true, started.url), started),
      (error: unknown) => void record(`${name}: npm start serves the built app on $PORT`, false, String(error).split('\n')[0]),
    );
    if (!server) return;
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    const played = await checkVoicePage(page, server.url, record, name);
    if (played) await checkDemoPageOutline(page, record, name);
    if (played && screenshots) await takeScreenshots(page, join(screenshots, name));
    record(`${name}: no console error, hydration warning or failed request`, problems.length === 0, problems.slice(0, 5).join(' | '));
    if (name === 'next') {
      const entriesPage = await context.newPage();
      const entriesProblems = watchPageProblems(entriesPage);
      await checkNextEntriesPage(entriesPage, server.url, record);
      record('next /entries: no console error, hydration warning or failed request', entriesProblems.length === 0, entriesProblems.slice(0, 5).join(' | '));
      problems.push(...entriesProblems);
    }
    if (!played || problems.length > 0) console.log(indent(server.output()));
  } finally {
    await context.close();
    await server?.stop();
  }
}

async function main() {
  const examples = readdirSync(join(ROOT, 'examples')).filter((name) => existsSync(join(ROOT, 'examples', name, 'package.json')) && (!only || only === name));
  if (examples.length === 0) throw new Error(`no example${only ? ` named ${only}` : ''} in examples/`);
  if (!args.includes('--skip-build')) {
    console.log('examples: building the kit');
    const built = await runCommand('npm', ['run', 'build'], { cwd: ROOT, env: process.env, timeoutMs: 20 * MINUTES });
    if (!built.ok) throw new Error(`npm run build failed:\n${indent(built.output)}`);
  }
  const work = mkdtempSync(join(tmpdir(), 'rrk-examples-'));
  let browser: Browser | undefined;
  try {
    const packed = await runCommand('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: process.env, timeoutMs: 5 * MINUTES });
    const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (!packed.ok || !tarball) throw new Error(`npm pack failed:\n${indent(packed.output)}`);
    console.log(`examples: packed ${tarball} into ${work}; checking ${examples.join(', ')}`);
    browser = await launchChromium();
    for (const name of examples) {
      try {
        await runExample(name, work, tarball, browser);
      } catch (error) {
        record(`${name}: ran to the end`, false, error instanceof Error ? error.message : String(error));
      }
    }
  } finally {
    await browser?.close();
    if (args.includes('--keep')) console.log(`examples: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => record('examples: the runner', false, error instanceof Error ? error.message : String(error)))
  .finally(() => {
    console.log(`examples: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
  });
