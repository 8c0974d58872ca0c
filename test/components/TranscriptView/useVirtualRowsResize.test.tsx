/**
 * The transcript's windowing when sizes change under it (fakeLayout.ts fakes jsdom's layout and
 * ResizeObserver): rows that grow or shrink by themselves, a view that gets shorter. Each case
 * was first seen in Chromium (a panel resized, a row above the reader growing).
 */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { installFakeLayout, layout, observed, observedInCallback, resizeAll, rowsOf, scrollLogTo, shownRows } from './fakeLayout.ts';

installFakeLayout();

const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
const renderedRowElements = () => [...screen.getByRole('log').querySelectorAll<HTMLElement>('[data-index]')];

describe('TranscriptView windowing, sizes changing', () => {
  it('rows that mount in a ResizeObserver callback are observed from the next frame, not inside it', async () => {
    // Inside the callback, Chromium cannot deliver a new observation in the same frame and
    // reports "ResizeObserver loop completed with undelivered notifications" on window.
    render(<TranscriptView items={rowsOf(300, () => 100)} />);
    scrollLogTo(15_000);
    const before = new Set(shownRows().map((row) => row.index));
    // The panel widens: every row rewraps to half its height, so more rows fit in the view.
    for (let index = 0; index < 300; index++) layout.extra.set(index, -50);
    resizeAll();
    const mounted = renderedRowElements().filter((row) => !before.has(Number(row.dataset.index)));
    expect(mounted.length).toBeGreaterThan(0);
    expect(observedInCallback).toEqual([]);
    await nextFrame();
    for (const row of mounted) expect(observed.has(row), `row ${row.dataset.index} observed`).toBe(true);
  });

  it('rows that left the DOM are unobserved after the commit that removed them', () => {
    render(<TranscriptView items={rowsOf(300, () => 100)} />);
    const rows = renderedRowElements();
    expect(rows.every((row) => observed.has(row))).toBe(true);
    scrollLogTo(5_000);
    for (const row of rows) expect(observed.has(row), `row ${row.dataset.index} unobserved`).toBe(false);
  });

  it('a reader near the end keeps their rows in place when rows above them grow by more than the room below', () => {
    render(<TranscriptView items={rowsOf(100, () => 60)} />);
    const log = screen.getByRole('log');
    scrollLogTo(log.scrollHeight - layout.viewport - 100);
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeTruthy();
    const reading = shownRows().find((row) => row.top >= log.scrollTop)!;
    const offsetInView = reading.top - log.scrollTop;
    // Every rendered row wholly above the view grows by 60 px (an image loads, a row expands):
    // several hundred px, more than the 100 px the reader has below.
    const above = shownRows().filter((row) => row.top + row.height <= log.scrollTop);
    expect(above.length * 60).toBeGreaterThan(100);
    for (const row of above) layout.extra.set(row.index, 60);
    resizeAll();
    const after = shownRows().find((row) => row.index === reading.index)!;
    expect(after.top - log.scrollTop).toBe(offsetInView);
  });

  it('a log pinned to the end stays at the end when it gets shorter (a phone keyboard, a panel resized)', () => {
    render(<TranscriptView items={rowsOf(100, () => 60)} />);
    const log = screen.getByRole('log');
    expect(log.scrollTop).toBe(log.scrollHeight - layout.viewport);
    layout.viewport = 250;
    resizeAll();
    expect(log.scrollTop).toBe(log.scrollHeight - 250);
    expect(shownRows().at(-1)).toMatchObject({ index: 99, top: log.scrollHeight - 60 });
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });
});
