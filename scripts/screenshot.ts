/**
 * Take `docs/demo.png` for the README: the demo story (`VoiceSessionView` on a scripted
 * session) in Debian's Chromium at the moment the idle banner is up, the conversation beside
 * the visualizer and the controls.
 *
 * Usage: `npm run screenshot` (`tsx scripts/screenshot.ts [--no-build] [--out=dir] [--all]`).
 * Builds Storybook (into `storybook-static`, or `--out`) unless `--no-build`, serves it on
 * 127.0.0.1, and never touches the network. `--all` also writes the dark theme and a phone's
 * width next to it (`demo-dark.png`, `demo-phone.png` in `--shots`, default the system's temp
 * folder), to review the theme; the README shows the light one.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../test/browser/launchChromium.ts';
import { serveStatic } from '../test/browser/serveStatic.ts';

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const OUT_DIR = resolve(option('out') ?? 'storybook-static');
const SHOTS_DIR = resolve(option('shots') ?? tmpdir());
const TARGET = resolve('docs/demo.png');

interface Shot {
  path: string;
  width: number;
  /** Tall enough for the whole page: a clip outside the viewport is cut. */
  height: number;
  colorScheme: 'light' | 'dark';
}

const shots: Shot[] = [{ path: TARGET, width: 960, height: 900, colorScheme: 'light' }];
if (argv.includes('--all')) {
  shots.push({ path: join(SHOTS_DIR, 'demo-dark.png'), width: 960, height: 900, colorScheme: 'dark' });
  shots.push({ path: join(SHOTS_DIR, 'demo-phone.png'), width: 390, height: 1500, colorScheme: 'light' });
}

if (!argv.includes('--no-build')) {
  const result = spawnSync(resolve('node_modules/.bin/storybook'), ['build', '--test', '--quiet', '--disable-telemetry', '-o', OUT_DIR], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('storybook build failed');
}

const server = await serveStatic(OUT_DIR);
const browser = await launchChromium();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.colorScheme });
    await page.route((url) => !url.href.startsWith(server.url), (route) => route.abort());
    // Real time (speed 1). `embed=true`: the story plays by itself, without its play function
    // (which answers the banner as the user would); the banner then stays until the user acts.
    await page.goto(`${server.url}/iframe.html?id=demo-voice-assistant--demo&viewMode=story&args=speed:1&embed=true`);
    await page.getByRole('button', { name: "I'm still here" }).waitFor({ timeout: 60_000 });
    // Let the re-prompt stream into the transcript above the banner.
    await page.getByRole('log').getByText('Are you still there?', { exact: true }).waitFor({ timeout: 10_000 });
    // The banner's entrance has played (it moves, it never fades: readable on any frame).
    await page.waitForTimeout(400);
    // The page itself plus a margin, not the empty viewport below it.
    const box = await page.locator('.demo-page').boundingBox();
    if (!box) throw new Error('demo page not rendered');
    const margin = 16;
    await page.screenshot({
      path: shot.path,
      clip: { x: box.x - margin, y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin },
    });
    console.log(`wrote ${shot.path}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
