import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { AudioVisualizer, useAgentState } from '../src/index.ts';
import type { AgentState, AudioVisualizerLook, SessionState } from '../src/index.ts';
import { scenario } from '../src/testing/index.ts';
import { directScenario, type ScenarioDirector } from './support/directScenario.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { WAIT } from './support/wait.ts';

/**
 * A turn with every agent state: the user asks (their voice is the mock's synthetic one), the
 * assistant looks the weather up with a tool, and answers aloud (the mock measures the real PCM
 * of its audio deltas). So the visualizer moves with no microphone and no server.
 */
function weatherTimeline() {
  return scenario()
    .sessionCreated({ idleTimeoutMs: null })
    .userSays('What is the weather in Lisbon tomorrow?')
    .toolCall('get_weather', { city: 'Lisbon' })
    .assistantSays('Tomorrow will be sunny in Lisbon, around 24 degrees, with a light breeze from the sea in the afternoon.')
    .userSays('And on Sunday?')
    .assistantSays('Sunday looks cloudier, about 19 degrees, and it may rain in the evening, so take a jacket.')
    .build();
}

const agentIs =
  (agentState: AgentState) =>
  (state: SessionState): boolean =>
    state.agentState === agentState;

/** The visible caption under a visualizer: the state in words, for a person watching (the image has its own name). */
function StateCaption() {
  const agentState = useAgentState();
  return (
    <p aria-hidden="true" style={{ margin: 0, color: 'var(--rrk-color-muted)', font: '500 0.8125rem/1.25rem var(--rrk-font)' }}>
      {agentState.replace('_', ' ')}
    </p>
  );
}

interface StageProps {
  look?: AudioVisualizerLook;
  theme?: 'light' | 'dark';
  reducedMotion?: boolean;
}

const surface = (theme: StageProps['theme']) => ({
  'data-theme': theme,
  style: {
    display: 'grid',
    justifyItems: 'center',
    gap: '0.75rem',
    padding: '2rem',
    borderRadius: 16,
    background: 'var(--rrk-color-bg)',
    color: 'var(--rrk-color-fg)',
  },
});

/** One visualizer on a conversation that plays by itself. */
function LiveStage({ look = 'bars', theme, reducedMotion }: StageProps) {
  return (
    <ScenarioSession timeline={weatherTimeline()} idle={{ timeoutMs: null }}>
      <div {...surface(theme)} style={{ ...surface(theme).style, width: '16rem' }}>
        <AudioVisualizer look={look} reducedMotion={reducedMotion} />
        <StateCaption />
      </div>
    </ScenarioSession>
  );
}

/** The states a gallery shows, each on a session of its own held in that state. */
const GALLERY: AgentState[] = ['disconnected', 'connecting', 'listening', 'user_speaking', 'thinking', 'tool_running', 'speaking'];

/** Every agent state side by side, in both looks. */
function StatesGallery({ theme, reducedMotion }: StageProps) {
  return (
    <div {...surface(theme)} style={{ ...surface(theme).style, gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))', justifyItems: 'stretch' }}>
      {GALLERY.map((agentState) => (
        <ScenarioSession
          key={agentState}
          timeline={weatherTimeline()}
          idle={{ timeoutMs: null }}
          autoConnect={agentState !== 'disconnected'}
        >
          <section
            aria-label={agentState.replace('_', ' ')}
            style={{ display: 'grid', justifyItems: 'center', gap: '0.5rem', padding: '1rem 0.5rem', borderRadius: 12, background: 'var(--rrk-color-surface)' }}
          >
            <AudioVisualizer look="bars" reducedMotion={reducedMotion} />
            <AudioVisualizer look="orb" reducedMotion={reducedMotion} style={{ '--rrk-visualizer-orb-size': '4.5rem' } as CSSProperties} />
            <StateCaption />
          </section>
        </ScenarioSession>
      ))}
    </div>
  );
}

function Stage(props: StageProps & { gallery?: boolean }) {
  return props.gallery ? <StatesGallery {...props} /> : <LiveStage {...props} />;
}

const meta: Meta<typeof Stage> = {
  title: 'Components/AudioVisualizer',
  component: Stage,
  argTypes: {
    look: { control: 'inline-radio', options: ['bars', 'orb'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
};

export default meta;
type Story = StoryObj<typeof Stage>;

/** The visualizer (the first one, in a gallery cell the bars) with this name, or the only one. */
function visualizer(container: HTMLElement, name?: string): HTMLElement {
  return name ? within(container).getAllByRole('img', { name })[0]! : within(container).getByRole('img');
}

/** What moves with the voice: the middle bar's body, or the sphere. */
function movingPart(image: HTMLElement): Element {
  const part = image.dataset.look === 'orb' ? image.children[2] : image.children[Math.floor(image.children.length / 2)]?.children[1];
  if (!part) throw new Error('The visualizer has no part that moves.');
  return part;
}

const transformOf = (element: Element) => getComputedStyle(element).transform;

async function nextFrames(count: number) {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Let the scenario play `ms` more of its clock and hold there. */
function playFor(director: ScenarioDirector, ms: number, what: string): Promise<void> {
  const { clock } = director.session;
  const until = clock.now() + ms;
  // A timer of our own: the paced clock moves timer by timer, and would otherwise jump from the
  // last event straight to the next one (the end of the sentence) without stopping at `until`.
  clock.setTimeout(() => undefined, ms);
  return director.runUntil(() => clock.now() >= until, what);
}

/** While `agentState` holds, the visualizer's transform changes from frame to frame. */
async function expectMoving(canvasElement: HTMLElement, director: ScenarioDirector, agentState: AgentState) {
  const part = movingPart(visualizer(canvasElement));
  await playFor(director, 120, `120 ms of ${agentState}`);
  const before = transformOf(part);
  await playFor(director, 240, `240 ms more of ${agentState}`);
  await waitFor(() => expect(transformOf(part)).not.toBe(before), WAIT);
  await expect(director.session.getState().agentState).toBe(agentState);
}

async function expectState(canvasElement: HTMLElement, name: string, agentState: AgentState) {
  await waitFor(() => expect(visualizer(canvasElement)).toHaveAccessibleName(name), WAIT);
  await expect(visualizer(canvasElement)).toHaveAttribute('data-state', agentState);
}

/** One turn: the user speaks (moving), the assistant thinks, runs a tool, and speaks (moving). */
async function playTurn(canvasElement: HTMLElement) {
  const director = await directScenario();
  await director.runUntil(agentIs('listening'), 'listening');
  await expectState(canvasElement, 'Assistant is listening', 'listening');
  await director.runUntil(agentIs('user_speaking'), 'the user speaking');
  await expectState(canvasElement, 'You are speaking', 'user_speaking');
  await expectMoving(canvasElement, director, 'user_speaking');
  await director.runUntil(agentIs('thinking'), 'thinking');
  await expectState(canvasElement, 'Assistant is thinking', 'thinking');
  await director.runUntil(agentIs('tool_running'), 'the tool call');
  await expectState(canvasElement, 'Assistant is running a tool', 'tool_running');
  await director.runUntil(agentIs('speaking'), 'the answer');
  await expectState(canvasElement, 'Assistant is speaking', 'speaking');
  await expectMoving(canvasElement, director, 'speaking');
  director.release();
}

/** Bars: the user's voice, a thinking wave, a tool sweep, then the assistant's voice. */
export const Bars: Story = {
  args: { look: 'bars', theme: 'light' },
  play: ({ canvasElement }) => playTurn(canvasElement),
};

/** The orb on the same turn: it swells with each voice, pulses while thinking, circles while a tool runs. */
export const Orb: Story = {
  args: { look: 'orb', theme: 'light' },
  play: ({ canvasElement }) => playTurn(canvasElement),
};

/** Bars in the dark theme. */
export const BarsDark: Story = {
  args: { look: 'bars', theme: 'dark' },
  play: ({ canvasElement }) => playTurn(canvasElement),
};

/** The orb in the dark theme. */
export const OrbDark: Story = {
  args: { look: 'orb', theme: 'dark' },
  play: ({ canvasElement }) => playTurn(canvasElement),
};

const NAMES: Record<AgentState, string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting',
  listening: 'Assistant is listening',
  user_speaking: 'You are speaking',
  thinking: 'Assistant is thinking',
  tool_running: 'Assistant is running a tool',
  speaking: 'Assistant is speaking',
};

/** Hold each gallery session in its state; both visualizers of each say that state. */
async function playGallery(canvasElement: HTMLElement, motion: 'full' | 'reduce') {
  for (const [index, agentState] of GALLERY.entries()) {
    const director = await directScenario(index);
    await director.runUntil(agentIs(agentState), agentState);
    // A voice is held mid-sentence, not at its first instant (silence yet).
    if (agentState === 'speaking' || agentState === 'user_speaking') await playFor(director, 700, `700 ms of ${agentState}`);
    const cell = within(canvasElement).getByRole('region', { name: agentState.replace('_', ' ') });
    await waitFor(() => expect(within(cell).getAllByRole('img', { name: NAMES[agentState] })).toHaveLength(2), WAIT);
    for (const image of within(cell).getAllByRole('img')) {
      await expect(image).toHaveAttribute('data-state', agentState);
      await expect(image).toHaveAttribute('data-motion', motion);
    }
    director.release();
  }
}

/** Every state in both looks: dim while not connected, dots while listening, a wave while thinking, the tool colour, a voice. */
export const States: Story = {
  args: { gallery: true, theme: 'light' },
  play: ({ canvasElement }) => playGallery(canvasElement, 'full'),
};

/** Every state in the dark theme. */
export const StatesDark: Story = {
  args: { gallery: true, theme: 'dark' },
  play: ({ canvasElement }) => playGallery(canvasElement, 'full'),
};

/**
 * Reduced motion (as with `prefers-reduced-motion: reduce`): nothing is measured and nothing
 * moves; each state keeps a still shape and colour of its own.
 */
export const ReducedMotion: Story = {
  args: { gallery: true, theme: 'light', reducedMotion: true },
  play: async ({ canvasElement }) => {
    await playGallery(canvasElement, 'reduce');
    // The speaking cell shows a still "voice" shape: its middle bar stands above the listening dots.
    const height = (agentState: AgentState) => {
      const cell = within(canvasElement).getByRole('region', { name: agentState.replace('_', ' ') });
      const bars = within(cell).getAllByRole('img').find((image) => image.dataset.look === 'bars')!;
      return transformOf(movingPart(bars));
    };
    await expect(height('speaking')).not.toBe(height('listening'));
    // And it stays still while the assistant speaks on.
    const director = await directScenario(GALLERY.indexOf('speaking'));
    await director.runUntil(agentIs('speaking'), 'speaking again');
    const speakingBars = () => visualizer(within(canvasElement).getByRole('region', { name: 'speaking' }), NAMES.speaking);
    await waitFor(() => expect(speakingBars()).toHaveAttribute('data-state', 'speaking'), WAIT);
    const before = transformOf(movingPart(speakingBars()));
    await playFor(director, 400, '400 ms of speech');
    await nextFrames(3);
    await expect(transformOf(movingPart(speakingBars()))).toBe(before);
    director.release();
  },
};
