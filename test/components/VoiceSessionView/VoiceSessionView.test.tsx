import { act, cleanup, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VoiceSessionView, defaultVoiceSessionViewLabels } from '../../../src/components/index.ts';
import type { VoiceSessionViewProps } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';
import type { FakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

function setup(props: VoiceSessionViewProps = {}, session: FakeSession = createFakeSession()) {
  const view = render(
    <RealtimeProvider session={session}>
      <VoiceSessionView {...props} />
    </RealtimeProvider>,
  );
  return { session, view, root: view.container.firstElementChild as HTMLElement };
}

// Each part, found as a user (or assistive technology) finds it.
const parts = {
  visualizer: () => screen.queryByRole('img'),
  caption: (root: HTMLElement) => root.querySelector<HTMLElement>('p[data-agent-state]'),
  transcript: () => screen.queryByRole('log', { name: 'Conversation' }),
  composer: () => screen.queryByRole('textbox', { name: 'Message' }),
  controls: () => screen.queryByRole('group', { name: 'Session controls' }),
  microphone: () => screen.queryByRole('combobox'),
  status: () => screen.queryAllByRole('status').find((element) => element.hasAttribute('data-status')) ?? null,
  banner: (root: HTMLElement) => root.querySelector<HTMLElement>('[data-phase][data-state]'),
};
type PartName = keyof typeof parts;
const partNames = Object.keys(parts) as PartName[];

describe('VoiceSessionView', () => {
  it('renders every part of a voice page by default', () => {
    const { root } = setup();
    for (const name of partNames) expect(parts[name](root), name).not.toBeNull();
    expect(within(parts.controls()!).getByRole('button', { name: 'Start session' })).toBeTruthy();
    expect(root.tagName).toBe('SECTION');
    expect(root.getAttribute('aria-label')).toBe('Voice session');
  });

  it('names the view by its title, a heading of the level asked for', () => {
    const { root } = setup({ title: 'Travel assistant', headingLevel: 1 });
    const heading = screen.getByRole('heading', { level: 1, name: 'Travel assistant' });
    expect(root.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(root.hasAttribute('aria-label')).toBe(false);
    expect(screen.getByRole('region', { name: 'Travel assistant' })).toBe(root);
  });

  it('shows the agent state in words, and follows it', () => {
    const { root, session } = setup();
    const caption = parts.caption(root)!;
    expect(caption.textContent).toBe(defaultVoiceSessionViewLabels.states.disconnected);
    act(() => session.setState({ agentState: 'thinking' }));
    expect(caption.textContent).toBe('Thinking…');
    expect(caption.getAttribute('data-agent-state')).toBe('thinking');
    expect(parts.visualizer()!.getAttribute('data-state')).toBe('thinking');
  });

  it('translates the caption state by state', () => {
    const { root, session } = setup({ labels: { region: 'Sprachsitzung', states: { speaking: 'Spricht' } } });
    act(() => session.setState({ agentState: 'speaking' }));
    expect(parts.caption(root)!.textContent).toBe('Spricht');
    expect(root.getAttribute('aria-label')).toBe('Sprachsitzung');
    act(() => session.setState({ agentState: 'listening' }));
    expect(parts.caption(root)!.textContent).toBe('Listening');
  });

  it.each(partNames)('hides the %s part with false, leaving the others', (name) => {
    const { root } = setup({ [name]: false });
    expect(parts[name](root)).toBeNull();
    for (const other of partNames.filter((part) => part !== name)) expect(parts[other](root), other).not.toBeNull();
  });

  it.each(partNames)('puts an element given as %s in the part’s place, with no warning', (name) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { root } = setup({ [name]: <div data-testid={`own-${name}`} /> });
    expect(parts[name](root)).toBeNull();
    expect(screen.getByTestId(`own-${name}`)).toBeTruthy();
    // A user's element needs no key of its own.
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('gives props to the default parts, merging their classes with classNames', () => {
    setup({
      visualizer: { look: 'bars', bands: 3, className: 'mine' },
      composer: { labels: { input: 'Nachricht' } },
      controls: { labels: { connect: 'Talk' }, showMute: false },
      classNames: { visualizer: 'area-visualizer', controls: 'area-controls' },
    });
    const visualizer = parts.visualizer()!;
    expect(visualizer.getAttribute('data-look')).toBe('bars');
    expect(visualizer.className.split(' ')).toEqual(
      expect.arrayContaining(['rrk-audio-visualizer', 'rrk-voice-session__visualizer', 'area-visualizer', 'mine']),
    );
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toBeTruthy();
    const controls = parts.controls()!;
    expect(within(controls).getByRole('button', { name: 'Talk' })).toBeTruthy();
    expect(within(controls).queryByRole('button', { name: 'Mute microphone' })).toBeNull();
    expect(controls.classList.contains('area-controls')).toBe(true);
  });

  it('places the idle banner between the conversation and the composer, and opens it on a timeout', () => {
    const { root, session } = setup();
    const banner = parts.banner(root)!;
    const log = parts.transcript()!;
    const field = parts.composer()!;
    expect(log.compareDocumentPosition(banner) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(banner.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(banner.getAttribute('data-state')).toBe('closed');
    act(() => session.setIdle({ phase: 'timed_out', timeouts: 1 }));
    expect(banner.getAttribute('data-state')).toBe('open');
    expect(within(banner).getByRole('button', { name: "I'm still here" })).toBeTruthy();
  });

  it('drops every kit class with unstyled, parts included, and keeps the classNames and className', () => {
    const { root } = setup({ unstyled: true, className: 'page', classNames: { transcript: 'my-log', layout: 'grid' } });
    expect(root.className).toBe('page');
    expect(root.querySelector('[class*="rrk-"]')).toBeNull();
    expect(root.querySelector('.my-log')).not.toBeNull();
    expect(root.firstElementChild!.className).toBe('grid');
  });

  it('styled, carries a kit class on the root and on each area', () => {
    const { root } = setup({ title: 'T' });
    expect(root.classList.contains('rrk-voice-session')).toBe(true);
    for (const area of ['layout', 'header', 'title', 'status', 'stage', 'caption', 'dock', 'controls', 'microphone', 'conversation', 'transcript', 'banner', 'composer']) {
      expect(root.querySelector(`.rrk-voice-session__${area}`), area).not.toBeNull();
    }
  });

  it('replaces the header, or hides it', () => {
    const { root, view } = setup({ title: 'T', header: <h2>My own header</h2> });
    expect(screen.getByRole('heading', { name: 'My own header' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'T' })).toBeNull();
    // The title no longer names the view (it is not shown): the region label does.
    expect(root.getAttribute('aria-label')).toBe('Voice session');
    view.unmount();
    const hidden = setup({ title: 'T', header: false });
    expect(hidden.root.querySelector('header')).toBeNull();
    expect(parts.status()).toBeNull();
  });

  it('leaves out an area whose parts are all hidden', () => {
    const { root } = setup({ visualizer: false, caption: false });
    expect(root.querySelector('.rrk-voice-session__stage')).toBeNull();
    expect(root.querySelector('.rrk-voice-session__dock')).not.toBeNull();
  });

  it('renders children after the conversation, and forwards its ref and attributes', () => {
    const ref = createRef<HTMLElement>();
    const session = createFakeSession();
    render(
      <RealtimeProvider session={session}>
        <VoiceSessionView ref={ref} id="voice" data-testid="view">
          <p>Extra content</p>
        </VoiceSessionView>
      </RealtimeProvider>,
    );
    const root = screen.getByTestId('view');
    expect(ref.current).toBe(root);
    expect(root.id).toBe('voice');
    const extra = screen.getByText('Extra content');
    expect(parts.transcript()!.compareDocumentPosition(extra) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('works on an explicit session without a provider', () => {
    const session = createFakeSession();
    session.putItem({ id: 'a', role: 'assistant', kind: 'message', text: 'Hello there', status: 'completed', previousItemId: null });
    render(<VoiceSessionView session={session} microphone={false} />);
    expect(within(screen.getByRole('log', { name: 'Conversation' })).getByText('Hello there')).toBeTruthy();
    act(() => session.setState({ agentState: 'speaking' }));
    expect(document.querySelector('p[data-agent-state]')!.textContent).toBe('Speaking');
  });

  it('does not render again when the agent state changes: only the caption and the visualizer do', () => {
    let transcriptRenders = 0;
    const { session } = setup({
      transcript: {
        renderItem: (_item, context) => {
          transcriptRenders += 1;
          return context.defaultContent;
        },
      },
    });
    const session_ = session;
    act(() => session_.putItem({ id: 'a', role: 'user', kind: 'message', text: 'Hi', status: 'completed', previousItemId: null }));
    const before = transcriptRenders;
    act(() => session_.setState({ agentState: 'thinking' }));
    act(() => session_.setState({ agentState: 'speaking' }));
    expect(transcriptRenders).toBe(before);
  });
});
