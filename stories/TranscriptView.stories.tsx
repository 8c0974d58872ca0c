import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { TranscriptView } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
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
    const canvas = within(canvasElement);
    const log = canvas.getByRole('log');
    await canvas.findByText(/^Of course! Lisbon/, {}, WAIT);
    // A row is in progress while its text streams, then completes.
    await waitFor(() => expect(log.querySelector('[data-status="in_progress"]')).toBeNull(), WAIT);
    await canvas.findByText(/^No reply for \d+ s$/, {}, WAIT);
  },
};

/** Interrupted reply, failed transcription and idle marker, each marked as such. */
export const Markers: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem' }}>
      <ScenarioSession key={`i-${argsKey(args)}`} timeline={interruptionTimeline(args.idleTimeoutMs)} idle={idlePolicyOf(args)} speed={args.speed}>
        <TranscriptView aria-label="Interruption" style={{ '--rrk-transcript-height': '14rem' } as CSSProperties} />
      </ScenarioSession>
      <ScenarioSession key={`e-${argsKey(args)}`} timeline={errorTimeline()} speed={args.speed}>
        <TranscriptView style={{ '--rrk-transcript-height': '10rem' } as CSSProperties} labels={{ log: 'Failed transcription' }} />
      </ScenarioSession>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Interrupted', {}, WAIT);
    await canvas.findByText('Transcription failed', {}, WAIT);
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
    const canvas = within(canvasElement);
    await canvas.findByText(/^⏸ Silence of \d+\.\d s$/, {}, WAIT);
    await expect(canvas.getAllByText('Concierge').length).toBeGreaterThan(0);
  },
};

/**
 * 10,000 items, virtualized: a few dozen rows in the DOM. Scroll up and a "Jump to latest"
 * button appears; it brings you back to the end.
 */
export const TenThousandItems: Story = {
  render: (args) => (
    <ScenarioSession key={argsKey(args)} timeline={longSessionTimeline()} instant speed={args.speed}>
      <TranscriptView />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Answer number 5000.', {}, WAIT);
    const log = canvas.getByRole('log');
    await expect(canvasElement.querySelectorAll('*').length).toBeLessThan(300);
    // The user scrolls up: the view stays put and offers the way back.
    log.scrollTop = log.scrollTop - 2000;
    log.dispatchEvent(new Event('scroll'));
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' }, WAIT);
    await userEvent.click(jump);
    await canvas.findByText('Answer number 5000.', {}, WAIT);
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull(), WAIT);
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

