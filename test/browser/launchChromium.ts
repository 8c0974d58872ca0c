import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launch the system Chromium headless, offline-minded (no background networking, no component
 * updates) and without timer throttling, so several stories can play at once in the background.
 * `extraArgs` add what one suite alone needs (the e2e's fake microphone and autoplay).
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * const e2eBrowser = await launchChromium(['--use-fake-device-for-media-stream']);
 * ```
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}
