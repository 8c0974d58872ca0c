/**
 * Take `docs/demo.png` for the README: the demo story in Debian's Chromium at the moment the
 * idle banner is up, the conversation above it.
 *
 * Usage: `npm run screenshot` (`tsx scripts/screenshot.ts [--no-build]`). Builds Storybook
 * unless `--no-build`, serves it on 127.0.0.1, and never touches the network.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchChromium } from '../test/browser/launchChromium.ts';
import { serveStatic } from '../test/browser/serveStatic.ts';

const OUT_DIR = resolve('storybook-static');
const TARGET = resolve('docs/demo.png');

if (!process.argv.includes('--no-build')) {
  const result = spawnSync(resolve('node_modules/.bin/storybook'), ['build', '--test', '--quiet', '--disable-telemetry', '-o', OUT_DIR], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('storybook build failed');
}

const server = await serveStatic(OUT_DIR);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 860 }, colorScheme: 'light' });
  await page.route((url) => !url.href.startsWith(server.url), (route) => route.abort());
  // Real time (speed 1). `embed=true`: the story plays by itself, without its play function
  // (which answers the banner as the user would); the banner then stays until the user acts.
  await page.goto(`${server.url}/iframe.html?id=demo-voice-assistant--demo&viewMode=story&args=speed:1&embed=true`);
  await page.getByRole('button', { name: "I'm still here" }).waitFor({ timeout: 60_000 });
  // Let the re-prompt stream into the transcript under the banner.
  await page.getByRole('log').getByText('Are you still there?', { exact: true }).waitFor({ timeout: 10_000 });
  // The page itself plus a margin, not the empty viewport below it.
  const box = await page.locator('.demo-page').boundingBox();
  if (!box) throw new Error('demo page not rendered');
  const margin = 16;
  await page.screenshot({
    path: TARGET,
    clip: { x: box.x - margin, y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin },
  });
  console.log(`wrote ${TARGET}`);
} finally {
  await browser.close();
  await server.close();
}
