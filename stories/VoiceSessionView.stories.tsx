import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { VoiceSessionView, defaultVoiceSessionViewLabels } from '../src/index.ts';
import type { AgentState, SessionState } from '../src/index.ts';
import { scenario } from '../src/testing/index.ts';
import type { Timeline } from '../src/testing/index.ts';
import { useState } from 'react';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { demoMicrophones } from './support/VoiceAssistantPage.tsx';
import { directScenario } from './support/directScenario.ts';
import { findTranscriptRow, transcriptLog } from './support/queries.ts';
import { hasRow } from './support/states.ts';
import { WAIT } from './support/wait.ts';

/**
 * A short voice conversation with real PCM audio, so the mock transport measures levels and
 * the visualizer moves: the user asks, the assistant answers, a tool call waits for its output.
 */
function voiceTimeline(): Timeline {
  return scenario({ audio: 'pcm' })
    .sessionCreated()
    .userSays('Hi! What should I see in Porto?')
    .assistantSays('Start at the Ribeira by the river, then cross the Dom Luís bridge for the view at sunset.')
    .userSays('Can you book a table for two tonight?')
    .toolCall('book_table', { city: 'Porto', people: 2, time: '20:00' })
    .build();
}

interface ViewStoryProps {
  theme?: 'light' | 'dark';
  autoConnect?: boolean;
  speed?: number;
}

/** The view on a scripted session, in a page of its theme's background. */
function ScriptedView({ theme, autoConnect = true, speed = 1 }: ViewStoryProps) {
  const [mediaDevices] = useState(demoMicrophones);
  return (
    <ScenarioSession timeline={voiceTimeline()} autoConnect={autoConnect} speed={speed} idle={{ timeoutMs: null }}>
      <div data-theme={theme} style={{ minHeight: '100vh', boxSizing: 'border-box', padding: '1rem', background: 'var(--rrk-color-bg)' }}>
        <VoiceSessionView title="Trip planner" microphone={{ mediaDevices }} style={{ maxWidth: '60rem', marginInline: 'auto' }} />
      </div>
    </ScenarioSession>
  );
}

const meta: Meta<typeof ScriptedView> = {
  title: 'Components/VoiceSessionView',
  component: ScriptedView,
  parameters: { layout: 'fullscreen' },
};

export default meta;
type Story = StoryObj<typeof ScriptedView>;

const agentStateIs =
  (agentState: AgentState) =>
  (state: SessionState): boolean =>
    state.agentState === agentState;

/** The visualizer (`role="img"`) and the caption agree on the agent state, in words. */
async function expectAgentStateShown(canvasElement: HTMLElement, agentState: AgentState) {
  const view = within(canvasElement).getByRole('region', { name: 'Trip planner' });
  const visualizer = within(view).getByRole('img');
  await waitFor(() => expect(visualizer).toHaveAttribute('data-state', agentState), WAIT);
  const caption = view.querySelector<HTMLElement>('.rrk-voice-session__caption');
  await expect(caption).toHaveAttribute('data-agent-state', agentState);
  await expect(caption).toHaveTextContent(defaultVoiceSessionViewLabels.states[agentState]);
  await expect(caption).toBeVisible();
}

/** One story per agent state: the scenario is held where the agent is in that state. */
function agentStateStory(agentState: AgentState, args: ViewStoryProps = {}): Story {
  return {
    args,
    play: async ({ canvasElement }) => {
      const scenario = await directScenario();
      if (args.autoConnect !== false) await scenario.runUntil(agentStateIs(agentState), `the agent ${agentState}`);
      await expectAgentStateShown(canvasElement, agentState);
      scenario.release();
    },
  };
}

/**
 * The whole voice page in one component: the header with the status, the visualizer and the
 * agent state, the controls with icons and the microphone picker, the conversation and the
 * composer. The conversation plays; the play function checks what the user sees.
 */
export const Light: Story = {
  args: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(hasRow('assistant', 'Dom Luís bridge'), 'the first answer');
    const view = within(canvasElement).getByRole('region', { name: 'Trip planner' });
    await findTranscriptRow(transcriptLog(canvasElement), 'assistant', /Dom Luís bridge/);
    const controls = within(view).getByRole('group', { name: 'Session controls' });
    await expect(within(controls).getByRole('button', { name: 'End session' })).toBeVisible();
    const mute = within(controls).getByRole('button', { name: 'Mute microphone' });
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await expect(within(view).getByRole('combobox', { name: 'Microphone' })).toBeVisible();
    await expect(within(view).getByRole('textbox', { name: 'Message' })).toBeVisible();
    scenario.release();
  },
};

/** The dark theme, forced with `data-theme="dark"` (it also follows `prefers-color-scheme`). */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(hasRow('assistant', 'Dom Luís bridge'), 'the first answer');
    const view = within(canvasElement).getByRole('region', { name: 'Trip planner' });
    await findTranscriptRow(transcriptLog(canvasElement), 'assistant', /Dom Luís bridge/);
    await expect(getComputedStyle(view).backgroundColor).toBe('rgb(17, 17, 20)');
    scenario.release();
  },
};

/** Not connected yet: the visualizer is dimmed and the caption invites to start. */
export const Disconnected: Story = agentStateStory('disconnected', { autoConnect: false });
/** Connecting: the visualizer pulses, dimmed. */
export const Connecting: Story = agentStateStory('connecting');
/** Connected, nobody speaks: the visualizer rests. */
export const Listening: Story = agentStateStory('listening');
/** The user speaks: the visualizer follows the microphone's level. */
export const UserSpeaking: Story = agentStateStory('user_speaking');
/** The user's turn is over and the answer has not started to sound yet. */
export const Thinking: Story = agentStateStory('thinking');
/** The assistant speaks: the visualizer follows its voice. */
export const Speaking: Story = agentStateStory('speaking');
/** A function call waits for its output. */
export const ToolRunning: Story = agentStateStory('tool_running');

/**
 * Levels from the mock transport: the scenario's PCM is measured as it plays, and the
 * visualizer's level (a CSS variable written once per frame, no React render) moves with the
 * assistant's voice.
 */
export const LevelsAnimating: Story = {
  args: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(agentStateIs('speaking'), 'the assistant speaking');
    const visualizer = within(canvasElement).getByRole('img');
    const levels = new Set<string>();
    const record = () => {
      const level = visualizer.style.getPropertyValue('--rrk-visualizer-level');
      if (level && level !== '0') levels.add(level);
    };
    const observer = new MutationObserver(record);
    observer.observe(visualizer, { attributes: true, attributeFilter: ['style'] });
    try {
      await scenario.runUntil(hasRow('assistant', 'Dom Luís bridge'), 'the end of the answer');
    } finally {
      observer.disconnect();
    }
    // The voice rises and falls: many different levels were drawn, not one still value.
    await expect(levels.size).toBeGreaterThan(5);
    scenario.release();
  },
};
