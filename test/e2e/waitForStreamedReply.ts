import type { Page } from 'playwright-core';

/**
 * The emulator's scripted reply streams into the page's TranscriptView as transcript deltas:
 * resolves with a description once the row holds it after at least three deltas, throws otherwise.
 */
export async function waitForStreamedReply(page: Page, timeoutMs: number): Promise<string> {
  await page.waitForFunction(
    () => document.querySelector('#transcript [data-role="assistant"]')?.textContent?.includes('local Realtime emulator'),
    null,
    { timeout: timeoutMs },
  );
  const deltas = await page.evaluate(
    () => window.__e2e.events.filter((e) => e.type === 'transcript_delta' && e.role === 'assistant').length,
  );
  if (deltas < 3) throw new Error(`only ${deltas} assistant transcript deltas`);
  return `${deltas} deltas`;
}
