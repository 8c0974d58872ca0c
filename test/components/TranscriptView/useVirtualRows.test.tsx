/**
 * The transcript's windowing (`useVirtualRows`) with layout faked in jsdom (fakeLayout.ts: a
 * 400 px viewport, each row the height its text names, "h90" is 90 px tall, and scrolling that
 * clamps like a browser's). The browser story TenThousandItems checks the same in Chromium.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { message } from '../helpers/transcriptItems.ts';
import { expectViewportCovered, installFakeLayout, layout, listOf, resizeAll, rowsOf, scrollLogTo, shownRows } from './fakeLayout.ts';

const VIEWPORT = layout.viewport;
installFakeLayout();

describe('TranscriptView windowing, with layout', () => {
  it('renders only the rows in view, each placed right below the one before at its measured height', () => {
    render(<TranscriptView items={rowsOf(1000, (i) => (i % 2 ? 90 : 50))} />);
    const log = screen.getByRole('log');
    const rows = shownRows();
    expect(rows.length).toBeLessThan(30);
    expect(rows.every((row) => row.absolute)).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.index).toBe(rows[i - 1]!.index + 1);
      expect(rows[i]!.top).toBe(rows[i - 1]!.top + rows[i - 1]!.height);
    }
    // Pinned to the end: the last row ends where the list does, at the bottom of the view.
    const last = rows.at(-1)!;
    expect(last.index).toBe(999);
    expect(last.top + last.height).toBe(log.scrollHeight);
    expect(log.scrollTop).toBe(log.scrollHeight - VIEWPORT);
    expectViewportCovered();
  });

  it('renders the rows of wherever the reader scrolls to', () => {
    render(<TranscriptView items={rowsOf(1000, (i) => (i % 3 ? 60 : 130))} />);
    for (const top of [20_000, 41_000, 0, 5_555]) {
      scrollLogTo(top);
      expectViewportCovered();
      expect(shownRows().length).toBeLessThan(30);
    }
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeTruthy();
  });

  it('a streaming row that grows pushes the end down and the view stays pinned to it', () => {
    const items = rowsOf(200, () => 60);
    const { rerender } = render(<TranscriptView items={[...items, message('live', 'assistant', 'Hel h60', { status: 'in_progress' })]} />);
    const log = screen.getByRole('log');
    const before = log.scrollHeight;
    rerender(<TranscriptView items={[...items, message('live', 'assistant', 'Hello there, a longer reply h260', { status: 'in_progress' })]} />);
    expect(log.scrollHeight).toBe(before + 200);
    expect(log.scrollTop).toBe(log.scrollHeight - VIEWPORT);
    const last = shownRows().at(-1)!;
    expect(last).toMatchObject({ index: 200, height: 260, top: log.scrollHeight - 260 });
    expectViewportCovered();
  });

  it('keeps the rows a reader looks at in place while rows above them are measured', () => {
    // 120 px rows, estimated at 72 until measured: scrolling up meets rows taller than assumed.
    render(<TranscriptView items={rowsOf(1000, () => 120)} />);
    const log = screen.getByRole('log');
    scrollLogTo(40_000);
    const reading = shownRows().find((row) => row.top <= log.scrollTop && row.top + row.height > log.scrollTop)!;
    const offsetInView = reading.top - log.scrollTop;
    scrollLogTo(log.scrollTop - 300);
    // The rows above grew from 72 to 120 px as they were measured; the view moved by as much.
    const after = shownRows().find((row) => row.index === reading.index)!;
    expect(after.top - log.scrollTop).toBe(offsetInView + 300);
    expectViewportCovered();
  });

  it('a log hidden and shown again: the latest rows while hidden, the reader’s rows when back', () => {
    render(<TranscriptView items={rowsOf(500, () => 80)} />);
    const log = screen.getByRole('log');
    scrollLogTo(12_000);
    const top = log.scrollTop;
    const reading = shownRows().map((row) => row.index);
    const fullHeight = log.scrollHeight;

    layout.hidden = true;
    resizeAll();
    const hidden = shownRows();
    expect(hidden.map((row) => row.index)).toEqual(Array.from({ length: 40 }, (_, i) => 460 + i));
    expect(hidden.some((row) => row.absolute)).toBe(false);
    // Still as tall as the whole list, so the browser keeps the scroll position.
    expect(parseFloat(listOf(log)!.style.height)).toBe(fullHeight);

    layout.hidden = false;
    resizeAll();
    expect(log.scrollTop).toBe(top);
    expect(shownRows().map((row) => row.index)).toEqual(reading);
    expectViewportCovered();
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeTruthy();
  });
});
