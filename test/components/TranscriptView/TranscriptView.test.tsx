import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TranscriptItemContent, TranscriptView, defaultTranscriptViewLabels } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import type { TranscriptItem } from '../../../src/core/session/types.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';
import { idleMarker, message } from '../helpers/transcriptItems.ts';

afterEach(cleanup);

// jsdom has no layout. The virtualizer reads the viewport's client size and each row's offset
// height: give the log a 640x400 viewport and rows 60 px, as a browser would.
const saved = new Map<string, PropertyDescriptor | undefined>();
function fakeLayout(name: 'clientHeight' | 'clientWidth' | 'offsetHeight', get: (el: HTMLElement) => number) {
  saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return get(this);
    },
  });
}
beforeAll(() => {
  fakeLayout('clientHeight', (el) => (el.getAttribute('role') === 'log' ? 400 : 0));
  fakeLayout('clientWidth', (el) => (el.getAttribute('role') === 'log' ? 640 : 0));
  fakeLayout('offsetHeight', (el) => (el.hasAttribute('data-index') ? 60 : 0));
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

const conversation: TranscriptItem[] = [
  message('u1', 'user', 'What is the weather?'),
  message('a1', 'assistant', 'Sunny and', { status: 'interrupted' }),
  idleMarker('i1', 6000),
  message('u2', 'user', '', { status: 'failed', error: { source: 'server', code: 'x', message: 'bad audio' } }),
  message('a2', 'assistant', 'Still streaming', { status: 'in_progress' }),
];

describe('TranscriptView', () => {
  it('is a labelled, focusable log of user and assistant turns', () => {
    render(<TranscriptView items={conversation} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(log.tabIndex).toBe(0);
    expect(log.textContent).toContain('What is the weather?');
    expect(log.textContent).toContain('You');
    expect(log.textContent).toContain('Assistant');
    expect(log.querySelector('[data-role="user"][data-status="completed"]')).toBeTruthy();
    expect(log.querySelector('[data-role="assistant"][data-status="in_progress"]')?.textContent).toContain('Still streaming');
  });

  it('marks interruptions, idle timeouts and failed transcriptions', () => {
    render(<TranscriptView items={conversation} />);
    expect(screen.getByText('Interrupted')).toBeTruthy();
    expect(screen.getByText('No reply for 6 s')).toBeTruthy();
    expect(screen.getByText('Transcription failed')).toBeTruthy();
  });

  it('marks a reply the server cut short apart from an interrupted one', () => {
    render(<TranscriptView items={[message('a9', 'assistant', 'The first thr', { status: 'incomplete' })]} labels={{ incomplete: 'Abgeschnitten' }} />);
    expect(screen.getByText('Abgeschnitten')).toBeTruthy();
    expect(screen.queryByText('Interrupted')).toBeNull();
    expect(document.querySelector('[data-status="incomplete"]')).toBeTruthy();
  });

  it('takes custom idle marker text and other labels', () => {
    render(
      <TranscriptView
        items={conversation}
        labels={{ idle: (item) => `Stille: ${(item.idle?.idleMs ?? 0) / 1000} Sekunden`, interrupted: 'Unterbrochen', log: 'Gespräch' }}
      />,
    );
    expect(screen.getByRole('log', { name: 'Gespräch' })).toBeTruthy();
    expect(screen.getByText('Stille: 6 Sekunden')).toBeTruthy();
    expect(screen.getByText('Unterbrochen')).toBeTruthy();
  });

  it('hides idle markers on request', () => {
    render(<TranscriptView items={conversation} showIdleMarkers={false} />);
    expect(screen.queryByText('No reply for 6 s')).toBeNull();
  });

  it('renders wire text as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const { container } = render(<TranscriptView items={[message('x', 'assistant', evil)]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText(evil)).toBeTruthy();
  });

  it('uses renderItem with the default content at hand', () => {
    render(
      <TranscriptView
        items={conversation.slice(0, 2)}
        renderItem={(item, { defaultContent, index }) => (
          <div data-testid={`row-${index}`}>
            {item.role === 'user' ? `me: ${item.text}` : defaultContent}
          </div>
        )}
      />,
    );
    expect(screen.getByTestId('row-0').textContent).toBe('me: What is the weather?');
    expect(screen.getByTestId('row-1').textContent).toContain('Sunny and');
  });

  it('keeps the DOM small for 10,000 items (virtualized)', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => message(`m${i}`, i % 2 ? 'assistant' : 'user', `Line ${i}`));
    const { container } = render(<TranscriptView items={items} />);
    expect(container.querySelectorAll('*').length).toBeLessThan(300);
    expect(container.querySelectorAll('[data-index]').length).toBeGreaterThan(0);
  });

  it('offers "Jump to latest" after the user scrolls up, and pins again on click', () => {
    const items = Array.from({ length: 50 }, (_, i) => message(`m${i}`, 'user', `Line ${i}`));
    render(<TranscriptView items={items} />);
    const log = screen.getByRole('log');
    // jsdom has no layout: give the viewport a size and a scroll position.
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 5000 });
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 400 });
    act(() => {
      log.scrollTop = 4600;
      fireEvent.scroll(log);
    });
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    act(() => {
      log.scrollTop = 3000;
      fireEvent.scroll(log);
    });
    const jump = screen.getByRole('button', { name: 'Jump to latest' });
    expect(log.parentElement?.dataset.stuck).toBe('false');
    jump.focus();
    fireEvent.click(jump);
    expect(log.scrollTop).toBe(5000);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    // The button is gone: focus moves to the log, not to <body>.
    expect(document.activeElement).toBe(log);
  });

  it('says "Transcribing…" for an empty user item only while transcription is on', () => {
    const session = createFakeSession();
    render(
      <RealtimeProvider session={session}>
        <TranscriptView />
      </RealtimeProvider>,
    );
    act(() => session.putItem(message('u1', 'user', '')));
    return new Promise<void>((resolve) => setTimeout(resolve, 40)).then(() => {
      expect(screen.getByText('Audio message')).toBeTruthy();
      act(() => session.setState({ session: { audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } } } }));
      expect(screen.getByText('Transcribing…')).toBeTruthy();
    });
  });

  it('follows the session transcript, streaming text included', () => {
    const session = createFakeSession();
    render(
      <RealtimeProvider session={session}>
        <TranscriptView />
      </RealtimeProvider>,
    );
    expect(screen.getByText('No messages yet.')).toBeTruthy();
    act(() => session.putItem(message('u1', 'user', 'Hi')));
    act(() => session.streamDelta('a1', 'Hel'));
    act(() => session.streamDelta('a1', 'lo <there>'));
    // Coalesced once per frame: wait for it.
    return new Promise<void>((resolve) => setTimeout(resolve, 40)).then(() => {
      expect(screen.getByRole('log').textContent).toContain('Hello <there>');
    });
  });

  it('TranscriptItemContent renders one item on its own, for custom rows', () => {
    render(<TranscriptItemContent item={idleMarker('i9', 12_000)} labels={{ ...defaultTranscriptViewLabels }} />);
    expect(screen.getByText('No reply for 12 s').dataset.kind).toBe('idle_timeout');
  });
});
