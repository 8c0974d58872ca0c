import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * `--screenshots=<dir>`: the page as it stands (the idle banner open), light and dark at
 * 1280 px and on a 375 px phone, for a person to look at. Restores the viewport afterwards.
 *
 * @example
 * ```ts
 * await takeScreenshots(page, '/tmp/d-shots/vite'); // light.png, dark.png, phone.png, phone-dark.png
 * ```
 */
export async function takeScreenshots(page: Page, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const viewport = page.viewportSize();
  const shots = [
    { file: 'light.png', colorScheme: 'light', width: 1280 },
    { file: 'dark.png', colorScheme: 'dark', width: 1280 },
    { file: 'phone.png', colorScheme: 'light', width: 375 },
    { file: 'phone-dark.png', colorScheme: 'dark', width: 375 },
  ] as const;
  for (const shot of shots) {
    await page.setViewportSize({ width: shot.width, height: viewport?.height ?? 900 });
    await page.emulateMedia({ colorScheme: shot.colorScheme });
    await page.screenshot({ path: join(dir, shot.file), fullPage: true });
  }
  if (viewport) await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: null });
  console.log(`  screenshots in ${dir}`);
}
