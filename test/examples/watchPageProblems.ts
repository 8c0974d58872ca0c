import type { Page } from 'playwright-core';

/**
 * Collects what must never happen on an example's page: console errors, React's hydration
 * warnings, uncaught exceptions, requests that fail or answer 4xx/5xx. Attach before loading.
 *
 * @example
 * ```ts
 * const problems = watchPageProblems(page);
 * await page.goto(url);
 * if (problems.length > 0) console.log(problems.join('\n'));
 * ```
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error') problems.push(`console error: ${text}`);
    else if (message.type() === 'warning' && /hydrat|did not match|server rendered/i.test(text)) problems.push(`hydration warning: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return problems;
}
