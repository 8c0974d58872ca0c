/**
 * The log is a live region (role="log" is aria-live="polite"): screen readers read out the rows
 * added to it. Windowing adds rows whenever the reader scrolls back (in Chromium, five pages up
 * added 30 old rows to the region), which must not be read out as new. Layout is faked
 * (fakeLayout.ts) so the log is windowed.
 */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { installFakeLayout, rowsOf, scrollLogTo, shownRows } from './fakeLayout.ts';

installFakeLayout();

describe('TranscriptView windowing, live region', () => {
  it('stops announcing while the reader scrolls back through rows the window adds, and announces again at the end', () => {
    render(<TranscriptView items={rowsOf(1000, () => 60)} />);
    const log = screen.getByRole('log');
    // At the end, new rows are new messages: the log's own polite announcements.
    expect(log.getAttribute('aria-live')).toBeNull();
    const latest = shownRows().map((row) => row.index);
    scrollLogTo(log.scrollTop - 2_000);
    expect(shownRows().some((row) => !latest.includes(row.index))).toBe(true);
    expect(log.getAttribute('aria-live')).toBe('off');
    act(() => screen.getByRole('button', { name: 'Jump to latest' }).click());
    expect(log.getAttribute('aria-live')).toBeNull();
  });
});
