import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import type { ScenarioSessionProps } from './support/ScenarioSession.tsx';
import { VoiceAssistantPage } from './support/VoiceAssistantPage.tsx';
import { argsKey, defaultSessionArgs, idlePolicyOf, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import {
  conversationTimeline,
  errorTimeline,
  escalationTimeline,
  interruptionTimeline,
  longSessionTimeline,
  semanticVadTimeline,
} from './support/timelines.ts';
import { WAIT } from './support/wait.ts';
import './support/demo.css';

const meta: Meta<SessionStoryArgs> = {
  title: 'Demo/Voice assistant',
  parameters: { layout: 'padded' },
  args: defaultSessionArgs,
  argTypes: sessionArgTypes,
};

export default meta;
type Story = StoryObj<SessionStoryArgs>;

/**
 * The assistant page on a scripted session with the story's idle policy and speed; a new key
 * per args restarts the session when a control moves. `session` props override the defaults.
 */
function ScriptedPage({
  args,
  showEventLog,
  ...session
}: { args: SessionStoryArgs; showEventLog?: boolean } & Omit<ScenarioSessionProps, 'speed' | 'children'>) {
  return (
    <ScenarioSession key={argsKey(args)} idle={idlePolicyOf(args)} speed={args.speed} {...session}>
      <VoiceAssistantPage showEventLog={showEventLog} />
    </ScenarioSession>
  );
}

/** The log is scrolled to its end (within a few pixels). */
function atBottom(log: HTMLElement): boolean {
  return log.scrollHeight - log.scrollTop - log.clientHeight < 8;
}

/**
 * The whole kit on one page: a conversation streams in over the mock transport, the user goes
 * quiet, the server's `input_audio_buffer.timeout_triggered` opens the idle banner, and the
 * user comes back. Move the controls to change the idle policy and the playback speed.
 */
export const Demo: Story = {
  render: (args) => <ScriptedPage args={args} timeline={conversationTimeline(args.idleTimeoutMs)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = canvas.getByRole('log', { name: 'Conversation' });
    // The conversation streams in and the view follows it.
    await canvas.findByText(/Lisbon is lovely in spring/, {}, WAIT);
    // The server's idle timeout opens the banner and leaves an idle marker in the transcript.
    await canvas.findByRole('button', { name: "I'm still here" }, WAIT);
    await expect(canvas.getByText('Are you still there?', { selector: '.rrk-idle-banner__title' })).toBeVisible();
    await canvas.findByText(/^No reply for \d+ s$/, {}, WAIT);
    // The user speaks again: the banner closes by itself and the conversation goes on.
    await waitFor(() => expect(canvas.queryByRole('button', { name: "I'm still here" })).toBeNull(), WAIT);
    await canvas.findByText(/Shall I suggest a dinner place/, {}, WAIT);
    await waitFor(() => expect(atBottom(log)).toBe(true), WAIT);
  },
};

/** The server's idle timeout fires; the user answers the banner with "I'm still here". */
export const ServerIdleTimeout: Story = {
  render: (args) => (
    <ScriptedPage args={args} timeline={escalationTimeline(args.idleTimeoutMs, 1)} showEventLog={false} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const stillHere = await canvas.findByRole('button', { name: "I'm still here" }, WAIT);
    const banner = stillHere.closest('[role="status"]') as HTMLElement;
    await expect(banner.dataset.phase).toBe('timed_out');
    await userEvent.click(stillHere);
    await waitFor(() => expect(banner.dataset.state).toBe('closed'), WAIT);
    await expect(canvas.getByText('Connected')).toBeVisible();
  },
};

/**
 * Semantic VAD has no server idle timeout, so the kit's client clock stands in: same event,
 * `source: 'client'`, same banner.
 */
export const ClientFallbackSemanticVad: Story = {
  render: (args) => (
    <ScriptedPage
      args={args}
      timeline={semanticVadTimeline()}
      idle={{ ...idlePolicyOf(args), clientFallback: 'auto' }}
      config={{ audio: { input: { turn_detection: { type: 'semantic_vad', eagerness: 'auto' } } } }}
      showEventLog={false}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const stillHere = await canvas.findByRole('button', { name: "I'm still here" }, WAIT);
    await expect(stillHere.closest('[role="status"]')?.getAttribute('data-phase')).toBe('timed_out');
    await userEvent.click(stillHere);
    await waitFor(() => expect(canvas.queryByRole('button', { name: "I'm still here" })).toBeNull(), WAIT);
  },
};

/**
 * Timeouts in a row: after `maxTimeouts` the banner counts down (`endGraceMs`) and the session
 * ends by itself, to stop paying for silence.
 */
export const EscalationToEnd: Story = {
  args: { maxTimeouts: 2, endGraceMs: 6000, speed: 3 },
  render: (args) => (
    <ScriptedPage args={args} timeline={escalationTimeline(args.idleTimeoutMs, 3)} showEventLog={false} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const timer = await canvas.findByRole('timer', {}, WAIT);
    await expect(timer.textContent).toMatch(/Ending the session in \d+ s/);
    // The countdown runs out: the session ends and the banner goes away.
    await canvas.findByText('Disconnected', {}, WAIT);
    await waitFor(() => expect(canvas.queryByRole('timer')).toBeNull(), WAIT);
    await expect(canvas.getByRole('button', { name: 'Start session' })).toBeVisible();
  },
};

/** The same escalation, but the user presses "I'm still here" during the countdown. */
export const EscalationStillHere: Story = {
  args: { maxTimeouts: 1, endGraceMs: 20000, speed: 3 },
  render: EscalationToEnd.render,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('timer', {}, WAIT);
    await userEvent.click(canvas.getByRole('button', { name: "I'm still here" }));
    await waitFor(() => expect(canvas.queryByRole('timer')).toBeNull(), WAIT);
    await expect(canvas.getByText('Connected')).toBeVisible();
  },
};

/** The user cuts the assistant off: the reply is marked as interrupted. */
export const Interruption: Story = {
  render: (args) => (
    <ScriptedPage args={args} timeline={interruptionTimeline(args.idleTimeoutMs)} showEventLog={false} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Interrupted', {}, WAIT);
    await canvas.findByText(/Short version: very old/, {}, WAIT);
  },
};

/** A server error, a failed transcription, then the connection drops. */
export const ErrorAndDroppedConnection: Story = {
  render: (args) => <ScriptedPage args={args} timeline={errorTimeline()} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Transcription failed', {}, WAIT);
    await canvas.findByRole('alert', {}, WAIT);
    await waitFor(() => expect(canvas.getByRole('alert').textContent).toMatch(/network connection was lost/i), WAIT);
    await expect(canvas.getByRole('button', { name: 'Start session' })).toBeVisible();
  },
};

/** A finished session of 10,000 transcript items: the view stays small and fast (virtualized). */
export const LongSession: Story = {
  // No idle policy: the session already happened.
  render: (args) => (
    <ScriptedPage args={args} timeline={longSessionTimeline()} idle={undefined} instant showEventLog={false} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Answer number 5000.', {}, WAIT);
    const log = canvas.getByRole('log', { name: 'Conversation' });
    await expect(log.querySelectorAll('*').length).toBeLessThan(300);
    await waitFor(() => expect(atBottom(log)).toBe(true), WAIT);
  },
};

/**
 * The dark theme, forced with `data-theme="dark"` (it also follows `prefers-color-scheme`).
 * The browser test runs axe on it while the countdown banner is up, so dark contrast is checked.
 */
export const DarkTheme: Story = {
  args: { maxTimeouts: 1, endGraceMs: 30000, speed: 3 },
  render: (args) => (
    <div data-theme="dark" style={{ background: 'var(--rrk-color-bg)', padding: '1rem', borderRadius: 12 }}>
      <ScriptedPage args={args} timeline={escalationTimeline(args.idleTimeoutMs, 1)} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('timer', {}, WAIT);
    const banner = canvas.getByRole('timer').closest('.rrk-idle-banner') as HTMLElement;
    await expect(getComputedStyle(banner).backgroundColor).toBe('rgb(45, 35, 5)');
  },
};
