/**
 * A row that holds focus stays rendered wherever the log scrolls (fakeLayout.ts fakes jsdom's
 * layout). In Chromium, a keyboard user who tabbed to a button in a row and pressed PageUp lost
 * focus to <body> once the row left the window, and the next Tab started over from the page's top.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import type { TranscriptItem } from '../../../src/core/session/types.ts';
import { installFakeLayout, layout, rowsOf, scrollLogTo, shownRows } from './fakeLayout.ts';

installFakeLayout();

const withCopyButton = (item: TranscriptItem, { defaultContent }: { defaultContent: ReactNode }) => (
  <div>
    {defaultContent}
    <button type="button">Copy {item.id}</button>
    <button type="button">Retry {item.id}</button>
  </div>
);

describe('TranscriptView windowing, focus', () => {
  it('keeps the row that holds focus rendered, in order, while the reader scrolls far from it', () => {
    render(<TranscriptView items={rowsOf(300, () => 60)} renderItem={withCopyButton} />);
    const copy = screen.getByRole('button', { name: 'Copy m298' });
    act(() => copy.focus());
    scrollLogTo(0);
    expect(document.activeElement).toBe(copy);
    expect(copy.isConnected).toBe(true);
    const rows = shownRows();
    expect(rows.map((row) => row.index)).toContain(298);
    // In index order (reading order for a screen reader), placed where it belongs.
    expect(rows.map((row) => row.index)).toEqual([...rows.map((row) => row.index)].sort((a, b) => a - b));
    const focused = rows.find((row) => row.index === 298)!;
    expect(focused.absolute).toBe(true);
    expect(focused.top).toBeGreaterThan(Math.max(...rows.filter((row) => row !== focused).map((row) => row.top + row.height)));

    // Focus elsewhere: the row is windowed like any other.
    act(() => screen.getByRole('log').focus());
    scrollLogTo(60);
    expect(shownRows().map((row) => row.index)).not.toContain(298);
  });

  it('keeps a focused row rendered while the log has no layout and newer items push it out of the latest rows', () => {
    layout.hidden = true;
    const { rerender } = render(<TranscriptView items={rowsOf(50, () => 60)} renderItem={withCopyButton} />);
    const copy = screen.getByRole('button', { name: 'Copy m49' });
    act(() => copy.focus());
    rerender(<TranscriptView items={rowsOf(300, () => 60)} renderItem={withCopyButton} />);
    expect(document.activeElement).toBe(copy);
    expect(copy.isConnected).toBe(true);
  });

  it('keeps the focused row while focus moves inside it, or leaves the window for a while', () => {
    render(<TranscriptView items={rowsOf(300, () => 60)} renderItem={withCopyButton} />);
    const copy = screen.getByRole('button', { name: 'Copy m298' });
    const retry = screen.getByRole('button', { name: 'Retry m298' });
    act(() => copy.focus());
    scrollLogTo(0);
    // Tab from one button of the row to the next: the browser dispatches focusout and focusin
    // as separate events, and React renders in between.
    act(() => {
      fireEvent.focusOut(copy, { relatedTarget: retry });
    });
    expect(retry.isConnected).toBe(true);
    act(() => retry.focus());
    // The window loses focus (another app, another tab): focusout without a new target. The
    // row stays, so focus is where the user left it when they come back.
    act(() => {
      fireEvent.focusOut(retry, { relatedTarget: null });
    });
    expect(retry.isConnected).toBe(true);
  });

  it('finds the focused row even when a custom row has data-index attributes of its own', () => {
    render(
      <TranscriptView
        items={rowsOf(300, () => 60)}
        renderItem={(item, { defaultContent }) => (
          <ol>
            <li data-index="0">
              {defaultContent}
              <button type="button">Open {item.id}</button>
            </li>
          </ol>
        )}
      />,
    );
    const open = screen.getByRole('button', { name: 'Open m298' });
    act(() => open.focus());
    scrollLogTo(0);
    expect(open.isConnected).toBe(true);
    expect(document.activeElement).toBe(open);
  });
});
