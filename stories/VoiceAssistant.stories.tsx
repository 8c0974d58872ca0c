import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import type { ScenarioSessionProps } from './support/ScenarioSession.tsx';
import { VoiceAssistantPage } from './support/VoiceAssistantPage.tsx';
import { argsKey, defaultSessionArgs, idlePolicyOf, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import { directScenario, pauseForViewer } from './support/directScenario.ts';
import { atEntranceStart } from './support/entrance.ts';
import { connectionIndicator, findIdleMarkers, findTranscriptRow, idleBanner, transcriptLog } from './support/queries.ts';
import { bannerOpen, hasIdleMarker, hasRow, quiet, statusIs } from './support/states.ts';
import {
  conversationFollowUp,
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
 * The whole kit on one page, in one component (`VoiceSessionView`): a conversation streams in over the mock transport, the user goes
 * quiet, the server's `input_audio_buffer.timeout_triggered` opens the idle banner, and it
 * stays open until the user answers it ("I'm still here", End session) or the idle policy ends
 * the session. Once the user is back, the conversation goes on. Move the controls to change the
 * idle policy and the playback speed.
 */
export const Demo: Story = {
  render: (args) => {
    const timeline = conversationTimeline(args.idleTimeoutMs);
    return <ScriptedPage args={args} timeline={timeline} afterUserReturns={conversationFollowUp(timeline)} />;
  },
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    const log = transcriptLog(canvasElement);
    // The conversation streams in and the view follows it.
    await scenario.runUntil(hasRow('assistant', 'grilled sardines'), 'the second answer');
    await findTranscriptRow(log, 'assistant', /Lisbon is lovely in spring/);
    await findTranscriptRow(log, 'assistant', /grilled sardines/);
    await waitFor(() => expect(atBottom(log)).toBe(true), WAIT);

    // The user goes quiet: the server's idle timeout opens the banner, the assistant re-prompts,
    // and the silent user item shows as an idle marker.
    await scenario.runUntil(
      (state) =>
        bannerOpen('timed_out')(state) && hasIdleMarker(state) && hasRow('assistant', 'Are you still there?')(state) && quiet(state),
      'the idle timeout and its re-prompt',
    );
    const banner = idleBanner(canvasElement);
    await waitFor(() => expect(banner).toHaveAttribute('data-state', 'open'), WAIT);
    const stillHere = await within(banner).findByRole('button', { name: "I'm still here" }, WAIT);
    // Readable from the entrance's first frame on, not only once it has played.
    const title = banner.querySelector<HTMLElement>('.rrk-idle-banner__title');
    await expect(title).toHaveTextContent('Are you still there?');
    await atEntranceStart(banner, () => expect(title).toBeVisible());
    const [marker] = await findIdleMarkers(log);
    await expect(marker).toHaveTextContent(/^No reply for \d+ s$/);
    await findTranscriptRow(log, 'assistant', /^Assistant\s*Are you still there\?$/);

    // The banner stays until the user acts: here the user is still there.
    await pauseForViewer(3000);
    await userEvent.click(stillHere);
    await waitFor(() => expect(banner).toHaveAttribute('data-state', 'closed'), WAIT);

    // The conversation goes on, and the view follows it.
    await scenario.runUntil(hasRow('assistant', 'Shall I suggest a dinner place'), 'the answer after the user came back');
    await findTranscriptRow(log, 'user', /I was writing that down/);
    const answer = await findTranscriptRow(log, 'assistant', /Shall I suggest a dinner place for Saturday too\?/);
    await waitFor(() => expect(answer).toHaveAttribute('data-status', 'completed'), WAIT);
    await waitFor(() => expect(atBottom(log)).toBe(true), WAIT);
    scenario.release();
  },
};

/** The server's idle timeout fires; the user answers the banner with "I'm still here". */
export const ServerIdleTimeout: Story = {
  render: (args) => (
    <ScriptedPage args={args} timeline={escalationTimeline(args.idleTimeoutMs, 1)} showEventLog={false} />
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('timed_out'), 'the idle timeout');
    await expect(scenario.session.getState().idle.last?.source).toBe('server');
    const banner = idleBanner(canvasElement);
    const stillHere = await within(banner).findByRole('button', { name: "I'm still here" }, WAIT);
    await expect(banner).toHaveAttribute('data-phase', 'timed_out');
    await userEvent.click(stillHere);
    await waitFor(() => expect(banner).toHaveAttribute('data-state', 'closed'), WAIT);
    await expect(connectionIndicator(canvasElement)).toHaveAttribute('data-status', 'connected');
    scenario.release();
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
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('timed_out'), 'the client idle timeout');
    await expect(scenario.session.getState().idle.last?.source).toBe('client');
    const banner = idleBanner(canvasElement);
    const stillHere = await within(banner).findByRole('button', { name: "I'm still here" }, WAIT);
    await expect(banner).toHaveAttribute('data-phase', 'timed_out');
    await userEvent.click(stillHere);
    await waitFor(() => expect(within(banner).queryByRole('button', { name: "I'm still here" })).toBeNull(), WAIT);
    scenario.release();
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
  play: async ({ canvasElement, args }) => {
    const scenario = await directScenario();
    const canvas = within(canvasElement);
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const timer = await within(idleBanner(canvasElement)).findByRole('timer', {}, WAIT);
    await expect(timer).toHaveTextContent(`Ending the session in ${args.endGraceMs / 1000} s`);
    // The countdown runs out: the session ends, the status says why, and the banner goes away.
    await scenario.runUntil(statusIs('disconnected'), 'the end of the session');
    await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveTextContent('Ended after no reply'), WAIT);
    await waitFor(() => expect(canvas.queryByRole('timer')).toBeNull(), WAIT);
    await expect(canvas.getByRole('button', { name: 'Start session' })).toBeVisible();
    scenario.release();
  },
};

/** The same escalation, but the user presses "I'm still here" during the countdown. */
export const EscalationStillHere: Story = {
  args: { maxTimeouts: 1, endGraceMs: 20000, speed: 3 },
  render: EscalationToEnd.render,
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const banner = idleBanner(canvasElement);
    await within(banner).findByRole('timer', {}, WAIT);
    await userEvent.click(within(banner).getByRole('button', { name: "I'm still here" }));
    await waitFor(() => expect(within(banner).queryByRole('timer')).toBeNull(), WAIT);
    await expect(connectionIndicator(canvasElement)).toHaveTextContent('Connected');
    scenario.release();
  },
};

/** The user cuts the assistant off: the reply is marked as interrupted. */
export const Interruption: Story = {
  render: (args) => (
    <ScriptedPage args={args} timeline={interruptionTimeline(args.idleTimeoutMs)} showEventLog={false} />
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(hasRow('assistant', 'Short version: very old'), 'the short answer');
    const log = transcriptLog(canvasElement);
    const cut = await findTranscriptRow(log, 'assistant', /^Assistant\s*Lisbon is one of the oldest/);
    await expect(cut).toHaveAttribute('data-status', 'interrupted');
    await expect(cut).toHaveTextContent(/Interrupted$/);
    await findTranscriptRow(log, 'user', /just the short version/);
    await findTranscriptRow(log, 'assistant', /Short version: very old/);
    scenario.release();
  },
};

/** A server error, a failed transcription, then the connection drops. */
export const ErrorAndDroppedConnection: Story = {
  render: (args) => <ScriptedPage args={args} timeline={errorTimeline()} />,
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil((state) => state.error !== null && state.status !== 'connected', 'the dropped connection');
    const canvas = within(canvasElement);
    const failed = await findTranscriptRow(transcriptLog(canvasElement), 'user', 'Transcription failed');
    await expect(failed).toHaveAttribute('data-status', 'failed');
    // The page's error notice: the one alert that says why (the microphone picker has its own).
    await waitFor(
      () =>
        expect(canvas.getAllByRole('alert').filter((alert) => /network connection was lost/i.test(alert.textContent ?? ''))).toHaveLength(1),
      WAIT,
    );
    await expect(canvas.getByRole('button', { name: 'Start session' })).toBeVisible();
    scenario.release();
  },
};

/** A finished session of 10,000 transcript items: the view stays small and fast (virtualized). */
export const LongSession: Story = {
  // No idle policy: the session already happened.
  render: (args) => (
    <ScriptedPage args={args} timeline={longSessionTimeline()} idle={undefined} instant showEventLog={false} />
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(hasRow('assistant', 'Answer number 5000.'), 'the whole history');
    const log = transcriptLog(canvasElement);
    await findTranscriptRow(log, 'assistant', 'Answer number 5000.');
    await expect(log.querySelectorAll('*').length).toBeLessThan(300);
    await waitFor(() => expect(atBottom(log)).toBe(true), WAIT);
    scenario.release();
  },
};

/**
 * The dark theme, forced with `data-theme="dark"` (it also follows `prefers-color-scheme`).
 * The play function leaves the countdown banner up, so the browser suite's axe checks its
 * contrast in the dark theme.
 */
export const DarkTheme: Story = {
  args: { maxTimeouts: 1, endGraceMs: 30000, speed: 3 },
  render: (args) => (
    <div data-theme="dark" style={{ background: 'var(--rrk-color-bg)', padding: '1rem', borderRadius: 12 }}>
      <ScriptedPage args={args} timeline={escalationTimeline(args.idleTimeoutMs, 1)} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(bannerOpen('ending'), 'the countdown');
    const banner = idleBanner(canvasElement);
    await within(banner).findByRole('timer', {}, WAIT);
    await expect(getComputedStyle(banner).backgroundColor).toBe('rgb(45, 35, 5)');
    scenario.release();
  },
};
