import type { Page } from 'playwright-core';
import type { RecordCheck } from './checkVoicePage.ts';

/**
 * What an example's demo page offers a screen reader and a visitor, checked once it has played:
 * the page has exactly one level-one heading (the voice view's title: heading navigation starts
 * there, and axe's page-has-heading-one passes), and no microphone control, since the demo uses
 * no microphone and its notice says so (a mute button or a picker would contradict it).
 *
 * @example
 * ```ts
 * await checkDemoPageOutline(page, record, 'vite');
 * ```
 */
export async function checkDemoPageOutline(page: Page, record: RecordCheck, label: string): Promise<void> {
  const headings = await page.getByRole('heading', { level: 1 }).allInnerTexts();
  record(`${label}: one level-one heading`, headings.length === 1, JSON.stringify(headings));
  const microphoneControls = await page
    .getByRole('button', { name: /mute|microphone/i })
    .or(page.getByRole('combobox', { name: /microphone/i }))
    .count();
  record(`${label}: demo mode offers no microphone control`, microphoneControls === 0, `${microphoneControls} found`);
}
