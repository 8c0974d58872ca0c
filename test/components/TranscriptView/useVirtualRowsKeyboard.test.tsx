/**
 * Home and End on the log (fakeLayout.ts fakes jsdom's layout). In Chromium these keys start a
 * smooth scroll, and the scroll shifts made while the rows on the way are measured are added to
 * its target: with rows of about 135 px (estimated at 72), Home landed 1,100 to 1,300 px below
 * the top, the first eight rows out of sight. The log jumps at once instead.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { installFakeLayout, layout, rowsOf, shownRows } from './fakeLayout.ts';

installFakeLayout();

describe('TranscriptView windowing, Home and End', () => {
  it('Home shows the first row at the top; End the last one at the bottom, pinned again', () => {
    render(<TranscriptView items={rowsOf(1000, () => 135)} />);
    const log = screen.getByRole('log');
    const home = fireEvent.keyDown(log, { key: 'Home' });
    expect(home).toBe(false); // default prevented: no smooth scroll of the browser's own
    expect(log.scrollTop).toBe(0);
    expect(shownRows()[0]).toMatchObject({ index: 0, top: 0 });
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeTruthy();

    fireEvent.keyDown(log, { key: 'End' });
    expect(log.scrollTop).toBe(log.scrollHeight - layout.viewport);
    expect(shownRows().at(-1)).toMatchObject({ index: 999, top: log.scrollHeight - 135 });
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('leaves Home and End to what has focus inside a row, and to modified keys', () => {
    render(
      <TranscriptView
        items={rowsOf(300, () => 60)}
        renderItem={(item, { defaultContent }) => (
          <div>
            {defaultContent}
            <input aria-label={`Note on ${item.id}`} />
          </div>
        )}
      />,
    );
    const log = screen.getByRole('log');
    const top = log.scrollTop;
    expect(fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note on m299' }), { key: 'Home' })).toBe(true);
    expect(fireEvent.keyDown(log, { key: 'Home', shiftKey: true })).toBe(true);
    expect(log.scrollTop).toBe(top);
  });
});
