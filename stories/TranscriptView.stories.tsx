import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { CSSProperties } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { TranscriptView } from '../src/index.ts';
import type { TranscriptItem } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { directScenario } from './support/directScenario.ts';
import { findIdleMarkers, findTranscriptRow, transcriptLog } from './support/queries.ts';
import { bannerOpen, hasIdleMarker, hasRow, quiet } from './support/states.ts';
import { argsKey, defaultSessionArgs, idlePolicyOf, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import { conversationTimeline, errorTimeline, interruptionTimeline, longSessionTimeline } from './support/timelines.ts';
import { WAIT } from './support/wait.ts';

const meta: Meta<SessionStoryArgs> = {
  title: 'Components/TranscriptView',
  component: TranscriptView as unknown as Meta<SessionStoryArgs>['component'],
  args: defaultSessionArgs,
  argTypes: sessionArgTypes,
};

export default meta;
type Story = StoryObj<SessionStoryArgs>;

/** Text streams in as the assistant speaks; the view sticks to the bottom. */
export const Streaming: Story = {
  render: (args) => (
    <ScenarioSession key={argsKey(args)} timeline={conversationTimeline(args.idleTimeoutMs)} idle={idlePolicyOf(args)} speed={args.speed}>
      <TranscriptView />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    const log = transcriptLog(canvasElement);
    // A row is in progress while its text streams...
    await scenario.runUntil(
      (state) => state.transcript.items.some((item) => item.status === 'in_progress' && item.text.startsWith('Of course! Lisbon')),
      'the first answer streaming',
    );
    const streaming = await findTranscriptRow(log, 'assistant', /^Assistant\s*Of course! Lisbon/);
    await expect(streaming).toHaveAttribute('data-status', 'in_progress');
    await expect(streaming).toHaveAttribute('aria-busy', 'true');
    // ...then completes.
    await scenario.runUntil(hasRow('assistant', 'old neighbourhoods?'), 'the first answer complete');
    const done = await findTranscriptRow(log, 'assistant', /^Assistant\s*Of course! Lisbon/);
    await waitFor(() => expect(done).toHaveAttribute('data-status', 'completed'), WAIT);
    await expect(done).not.toHaveAttribute('aria-busy');
    // The idle timeout leaves a marker; once the re-prompt is said, nothing streams any more.
    await scenario.runUntil(
      (state) =>
        bannerOpen('timed_out')(state) && hasIdleMarker(state) && hasRow('assistant', 'Are you still there?')(state) && quiet(state),
      'the re-prompt',
    );
    const [marker] = await findIdleMarkers(log);
    await expect(marker).toHaveTextContent(/^No reply for \d+ s$/);
    await waitFor(() => expect(log.querySelector('[data-status="in_progress"]')).toBeNull(), WAIT);
    scenario.release();
  },
};

/** Interrupted reply, failed transcription and idle marker, each marked as such. */
export const Markers: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem' }}>
      <ScenarioSession key={`i-${argsKey(args)}`} timeline={interruptionTimeline(args.idleTimeoutMs)} idle={idlePolicyOf(args)} speed={args.speed}>
        <TranscriptView labels={{ log: 'Interruption' }} style={{ '--rrk-transcript-height': '14rem' } as CSSProperties} />
      </ScenarioSession>
      <ScenarioSession key={`e-${argsKey(args)}`} timeline={errorTimeline()} speed={args.speed}>
        <TranscriptView style={{ '--rrk-transcript-height': '10rem' } as CSSProperties} labels={{ log: 'Failed transcription' }} />
      </ScenarioSession>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const interruption = await directScenario(0);
    const failure = await directScenario(1);
    await interruption.runUntil((state) => state.transcript.items.some((item) => item.status === 'interrupted'), 'the interruption');
    await failure.runUntil((state) => state.transcript.items.some((item) => item.status === 'failed'), 'the failed transcription');
    const cut = await findTranscriptRow(transcriptLog(canvasElement, 'Interruption'), 'assistant', /Interrupted$/);
    await expect(cut).toHaveAttribute('data-status', 'interrupted');
    const failed = await findTranscriptRow(transcriptLog(canvasElement, 'Failed transcription'), 'user', 'Transcription failed');
    await expect(failed).toHaveAttribute('data-status', 'failed');
    interruption.release();
    failure.release();
  },
};

/** Custom idle marker text and custom rows through `renderItem`. */
export const CustomRows: Story = {
  render: (args) => (
    <ScenarioSession key={argsKey(args)} timeline={conversationTimeline(args.idleTimeoutMs)} idle={idlePolicyOf(args)} speed={args.speed}>
      <TranscriptView
        labels={{ idle: (item) => `⏸ Silence of ${((item.idle?.idleMs ?? 0) / 1000).toFixed(1)} s`, roles: { user: 'Guest', assistant: 'Concierge', system: 'System', tool: 'Tool' } }}
        renderItem={(item, { defaultContent }) =>
          item.role === 'assistant' && item.kind === 'message' ? (
            <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-start' }}>
              <span aria-hidden="true">🧳</span>
              {defaultContent}
            </div>
          ) : (
            defaultContent
          )
        }
      />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(hasIdleMarker, 'the idle marker');
    const log = transcriptLog(canvasElement);
    const [marker] = await findIdleMarkers(log);
    await expect(marker).toHaveTextContent(/^⏸ Silence of \d+\.\d s$/);
    const answer = await findTranscriptRow(log, 'assistant', /Lisbon is lovely/);
    await expect(answer).toHaveTextContent(/^Concierge/);
    await expect(await findTranscriptRow(log, 'user', /weekend in Lisbon/)).toHaveTextContent(/^Guest/);
    scenario.release();
  },
};

/** Heights (px from the log's top edge) that no row covers: a blank gap the reader would see. */
function blankLines(log: HTMLElement): number[] {
  const view = log.getBoundingClientRect();
  const rows = [...log.querySelectorAll<HTMLElement>('[data-index]')].map((row) => row.getBoundingClientRect());
  const blank: number[] = [];
  for (let y = view.top + 1; y < view.bottom - 1; y += 4) {
    if (!rows.some((row) => row.top <= y && row.bottom >= y)) blank.push(Math.round(y - view.top));
  }
  return blank;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * 10,000 items, virtualized: a few dozen rows in the DOM. Scroll up and a "Jump to latest"
 * button appears; it brings you back to the end. Wherever you scroll, rows fill the view.
 */
export const TenThousandItems: Story = {
  render: (args) => (
    <ScenarioSession key={argsKey(args)} timeline={longSessionTimeline()} instant speed={args.speed}>
      <TranscriptView />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(hasRow('assistant', 'Answer number 5000.'), 'the whole history');
    const canvas = within(canvasElement);
    const log = transcriptLog(canvasElement);
    await findTranscriptRow(log, 'assistant', 'Answer number 5000.');
    await expect(canvasElement.querySelectorAll('*').length).toBeLessThan(300);
    // Virtualized, not the 40-row window the view shows while it has no layout (jsdom, SSR):
    // rows are placed absolutely and the scroll height spans the whole history.
    await expect(log.querySelector<HTMLElement>('[data-index]')?.style.position).toBe('absolute');
    await expect(log.scrollHeight).toBeGreaterThan(100 * log.clientHeight);
    // The user scrolls up: the view stays put and offers the way back.
    log.scrollTop = log.scrollTop - 2000;
    log.dispatchEvent(new Event('scroll'));
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' }, WAIT);
    await userEvent.click(jump);
    await findTranscriptRow(log, 'assistant', 'Answer number 5000.');
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull(), WAIT);
    // A jump far into the history: the rows there fill the view in the very next frame (the
    // browser fires `scroll` before running animation frame callbacks).
    for (const fraction of [0.5, 0.1]) {
      log.scrollTop = Math.round(log.scrollHeight * fraction);
      await nextFrame();
      await expect(blankLines(log)).toEqual([]);
      await expect(canvasElement.querySelectorAll('*').length).toBeLessThan(300);
    }
    scenario.release();
  },
};

/** Without a session: `items` from anywhere (a saved conversation), and the default row. */
export const StaticItems: Story = {
  render: () => (
    <TranscriptView
      items={[
        { id: '1', role: 'user', kind: 'message', text: 'Is <b>this</b> bold?', status: 'completed', previousItemId: null },
        { id: '2', role: 'assistant', kind: 'message', text: 'No: wire text is always shown as text.', status: 'completed', previousItemId: '1' },
      ]}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('b')).toBeNull();
    await expect(within(canvasElement).getByText('Is <b>this</b> bold?')).toBeVisible();
  },
};


const savedConversation: TranscriptItem[] = Array.from({ length: 200 }, (_, i) => ({
  id: `saved-${i}`,
  role: i % 2 ? 'assistant' : 'user',
  kind: 'message',
  text: i % 2 ? `Answer number ${i}.` : `Question number ${i}?`,
  status: 'completed',
  previousItemId: i ? `saved-${i - 1}` : null,
}));

/** Two tabs; the transcript's panel is hidden (`display: none`) while the other one shows. */
function TabbedTranscript() {
  const [tab, setTab] = useState<'notes' | 'conversation'>('notes');
  const tabProps = (name: typeof tab) => ({
    role: 'tab',
    id: `tab-${name}`,
    'aria-selected': tab === name,
    'aria-controls': `panel-${name}`,
    className: 'rrk-button',
    onClick: () => setTab(name),
  });
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <div role="tablist" aria-label="Views" style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="button" {...tabProps('notes')}>Notes</button>
        <button type="button" {...tabProps('conversation')}>Conversation</button>
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" hidden={tab !== 'notes'}>
        <p style={{ margin: 0 }}>Notes about the trip.</p>
      </div>
      <div role="tabpanel" id="panel-conversation" aria-labelledby="tab-conversation" hidden={tab !== 'conversation'}>
        <TranscriptView items={savedConversation} />
      </div>
    </div>
  );
}

/** The row at the top edge of the log's viewport, by item index. */
function rowAtTop(log: HTMLElement): string | undefined {
  const top = log.getBoundingClientRect().top + 1;
  return [...log.querySelectorAll<HTMLElement>('[data-index]')].find((row) => {
    const box = row.getBoundingClientRect();
    return box.top <= top && box.bottom > top;
  })?.dataset.index;
}

/**
 * In a tab: the log mounts hidden (no layout, so the latest rows in normal flow), is virtualized
 * and pinned to the end once its tab is shown, and a reader who scrolled up and switched tabs
 * finds the same rows when they come back.
 */
export const InATab: Story = {
  render: () => <TabbedTranscript />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('tab', { name: 'Conversation' }));
    const log = transcriptLog(canvasElement);
    // Virtualized and at the end.
    await waitFor(() => expect(log.querySelector<HTMLElement>('[data-index]')?.style.position).toBe('absolute'), WAIT);
    await findTranscriptRow(log, 'assistant', 'Answer number 199.');
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(2), WAIT);

    // The reader scrolls up to the middle of the history...
    log.scrollTop = Math.round(log.scrollHeight / 3);
    await canvas.findByRole('button', { name: 'Jump to latest' }, WAIT);
    await waitFor(() => expect(rowAtTop(log)).toBeDefined(), WAIT);
    const scrolledTo = log.scrollTop;
    const reading = rowAtTop(log);

    // ...looks at the other tab, and comes back to the same rows.
    await userEvent.click(canvas.getByRole('tab', { name: 'Notes' }));
    await waitFor(() => expect(log).not.toBeVisible(), WAIT);
    await userEvent.click(canvas.getByRole('tab', { name: 'Conversation' }));
    await waitFor(() => expect(log).toBeVisible(), WAIT);
    await waitFor(() => expect(log.scrollTop).toBe(scrolledTo), WAIT);
    await waitFor(() => expect(rowAtTop(log)).toBe(reading), WAIT);
    await expect(canvas.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
  },
};
