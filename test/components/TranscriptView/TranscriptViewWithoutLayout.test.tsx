import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import type { TranscriptItem } from '../../../src/core/session/types.ts';
import { scenario } from '../../../src/testing/index.ts';
import { cleanup as cleanupSessions, renderWithSession } from '../../../src/testing/react.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';
import { idleMarker, message } from '../helpers/transcriptItems.ts';

// jsdom as it comes: no layout (every size is 0) and no ResizeObserver. Nothing here fakes
// either, except the one stick-to-bottom test, which gives the log scroll geometry only after
// the rows rendered, to scroll it.
afterEach(cleanupSessions);
afterEach(cleanup);

/** The documented size of the window rendered without layout. */
const ROWS_WITHOUT_LAYOUT = 40;

const lines = (count: number): TranscriptItem[] =>
  Array.from({ length: count }, (_, i) => message(`m${i}`, i % 2 ? 'assistant' : 'user', `Line ${i}`));

/** The rendered rows, by their item index. */
const rowIndexes = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-index]')].map((row) => Number(row.dataset.index));

/**
 * The server's HTML, rendered here in jsdom. React 18 warns that layout effects do nothing on
 * the server, which only happens because `document` exists in this test (the node-environment
 * server test proves a real server renders without a warning): drop exactly that warning.
 */
function serverHtml(ui: ReactElement): string {
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const html = renderToString(ui);
    const others = error.mock.calls.filter((call) => !String(call[0]).includes('useLayoutEffect does nothing on the server'));
    expect(others).toEqual([]);
    return html;
  } finally {
    error.mockRestore();
  }
}

describe('TranscriptView without layout (jsdom)', () => {
  it('renders every row of a short session, found by text within the log', () => {
    render(
      <TranscriptView
        items={[
          message('u1', 'user', 'What is the weather in Lisbon?'),
          message('a1', 'assistant', 'Sunny, 24 degrees.'),
          idleMarker('i1', 6000),
          message('u2', 'user', 'Thanks!'),
        ]}
      />,
    );
    const log = within(screen.getByRole('log', { name: 'Conversation' }));
    expect(log.getByText('What is the weather in Lisbon?')).toBeTruthy();
    expect(log.getByText('Sunny, 24 degrees.')).toBeTruthy();
    expect(log.getByText('No reply for 6 s')).toBeTruthy();
    expect(log.getByText('Thanks!')).toBeTruthy();
  });

  it('shows a played scenario under renderWithSession, as a user’s first test would', async () => {
    const { play, advance, getByRole } = await renderWithSession(<TranscriptView />);
    play(
      scenario()
        .sessionCreated()
        .userSays('What is the weather in Lisbon?')
        .assistantSays('Sunny, 24 degrees.')
        .build(),
    );
    advance(30_000);
    const log = within(getByRole('log'));
    expect(log.getByText('What is the weather in Lisbon?')).toBeTruthy();
    expect(log.getByText('Sunny, 24 degrees.')).toBeTruthy();
  });

  it(`renders only the latest ${ROWS_WITHOUT_LAYOUT} of 10,000 rows, in order and in normal flow`, () => {
    const { container } = render(<TranscriptView items={lines(10_000)} />);
    expect(rowIndexes(container)).toEqual(Array.from({ length: ROWS_WITHOUT_LAYOUT }, (_, i) => 10_000 - ROWS_WITHOUT_LAYOUT + i));
    expect(container.querySelectorAll('*').length).toBeLessThan(300);
    const log = within(screen.getByRole('log'));
    expect(log.getByText('Line 9999')).toBeTruthy();
    expect(log.getByText(`Line ${10_000 - ROWS_WITHOUT_LAYOUT}`)).toBeTruthy();
    expect(log.queryByText(`Line ${10_000 - ROWS_WITHOUT_LAYOUT - 1}`)).toBeNull();
    // Normal flow: no absolutely positioned rows in a box sized for 10,000 estimated rows.
    const row = container.querySelector<HTMLElement>('[data-index]')!;
    expect(row.style.position).toBe('');
    expect(row.parentElement!.style.height).toBe('');
  });

  it('updates a streaming row in place and slides the window as rows arrive', () => {
    const items = lines(ROWS_WITHOUT_LAYOUT - 1);
    const streaming = message('a-live', 'assistant', 'Hel', { status: 'in_progress' });
    const { container, rerender } = render(<TranscriptView items={[...items, streaming]} />);
    const log = within(screen.getByRole('log'));
    const row = log.getByText('Hel').closest('[data-index]');
    const firstRow = log.getByText('Line 1').closest('[data-index]');
    expect(log.getByText('Hel').closest('[aria-busy]')).toBeTruthy();

    rerender(<TranscriptView items={[...items, { ...streaming, text: 'Hello there' }]} />);
    expect(log.getByText('Hello there').closest('[data-index]')).toBe(row);

    rerender(<TranscriptView items={[...items, { ...streaming, text: 'Hello there.', status: 'completed' }, message('u-next', 'user', 'Hi!')]} />);
    expect(log.getByText('Hello there.').closest('[data-index]')).toBe(row);
    expect(log.getByText('Hello there.').closest('[aria-busy]')).toBeNull();
    expect(log.getByText('Hi!')).toBeTruthy();
    // The window keeps the latest rows: the oldest one left, the others stayed the same nodes.
    expect(log.queryByText('Line 0')).toBeNull();
    expect(log.getByText('Line 1').closest('[data-index]')).toBe(firstRow);
    expect(rowIndexes(container)).toHaveLength(ROWS_WITHOUT_LAYOUT);
  });

  it('streams a reply from the session into one row, updated in place', async () => {
    const { play, advance, getByRole } = await renderWithSession(<TranscriptView />);
    const reply = 'Sunny and warm in Lisbon today, with a light breeze.';
    play(scenario().sessionCreated().userSays('Weather?').assistantSays(reply).build());
    const log = getByRole('log');
    // Step the virtual clock until the reply is streaming (deterministic: no real time passes).
    for (let ms = 0; ms < 30_000 && !log.querySelector('[data-role="assistant"][aria-busy]'); ms += 50) advance(50);
    const streaming = log.querySelector('[data-role="assistant"][aria-busy]')!;
    expect(streaming.textContent).not.toContain(reply);
    const row = streaming.closest('[data-index]');

    advance(30_000);
    expect(within(log).getByText(reply).closest('[data-index]')).toBe(row);
    expect(log.querySelector('[aria-busy]')).toBeNull();
  });

  it('applies renderItem with real indexes, and hides idle markers on request', () => {
    const items = [...lines(99), idleMarker('idle', 7000)];
    const { container, rerender } = render(
      <TranscriptView items={items} renderItem={(item, { index, defaultContent }) => <div data-testid={`row-${index}`}>{defaultContent}</div>} />,
    );
    expect(screen.getByTestId('row-99').textContent).toBe('No reply for 7 s');
    expect(screen.getByTestId(`row-${100 - ROWS_WITHOUT_LAYOUT}`).textContent).toContain(`Line ${100 - ROWS_WITHOUT_LAYOUT}`);
    expect(screen.queryByTestId(`row-${99 - ROWS_WITHOUT_LAYOUT}`)).toBeNull();

    rerender(<TranscriptView items={items} showIdleMarkers={false} />);
    expect(screen.queryByText('No reply for 7 s')).toBeNull();
    expect(rowIndexes(container).at(-1)).toBe(98);
    expect(screen.getByText('Line 98')).toBeTruthy();
  });

  it('sticks to the bottom as rows arrive and offers "Jump to latest" once scrolled up', () => {
    const { rerender } = render(<TranscriptView items={lines(10)} />);
    const log = screen.getByRole('log');
    expect(within(log).getByText('Line 9')).toBeTruthy();
    // Scroll geometry only, to move the scroll position: jsdom has none.
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 2000 });
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 400 });
    rerender(<TranscriptView items={lines(11)} />);
    expect(log.scrollTop).toBe(2000);

    act(() => {
      log.scrollTop = 1000;
      fireEvent.scroll(log);
    });
    const jump = screen.getByRole('button', { name: 'Jump to latest' });
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 2200 });
    rerender(<TranscriptView items={lines(12)} />);
    expect(log.scrollTop).toBe(1000);
    expect(within(log).getByText('Line 11')).toBeTruthy();

    fireEvent.click(jump);
    expect(log.scrollTop).toBe(2200);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('hydrates server HTML without a warning, and keeps the rows', () => {
    const session = createFakeSession();
    for (const item of lines(100)) session.putItem(item);
    session.putItem(message('a-live', 'assistant', 'Streaming rep', { status: 'in_progress' }));
    const ui = (
      <RealtimeProvider session={session}>
        <TranscriptView />
      </RealtimeProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = serverHtml(ui);
    document.body.append(container);
    expect(within(container).getByText('Streaming rep')).toBeTruthy();

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const recoverable = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    act(() => {
      root = hydrateRoot(container, ui, { onRecoverableError: recoverable });
    });
    try {
      expect(error).not.toHaveBeenCalled();
      expect(recoverable).not.toHaveBeenCalled();
      const log = within(within(container).getByRole('log'));
      expect(log.getByText('Streaming rep')).toBeTruthy();
      expect(log.getByText('Line 99')).toBeTruthy();
      expect(log.queryByText('Line 0')).toBeNull();
    } finally {
      error.mockRestore();
      act(() => root?.unmount());
      container.remove();
    }
  });
});
