import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { ConnectionIndicator, useConnectionIndicator } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { directScenario } from './support/directScenario.ts';
import { connectionIndicator } from './support/queries.ts';
import { statusIs } from './support/states.ts';
import { defaultSessionArgs, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import { conversationTimeline, errorTimeline } from './support/timelines.ts';
import { WAIT } from './support/wait.ts';

const meta: Meta<SessionStoryArgs> = {
  title: 'Components/ConnectionIndicator',
  component: ConnectionIndicator as unknown as Meta<SessionStoryArgs>['component'],
  args: defaultSessionArgs,
  argTypes: sessionArgTypes,
};

export default meta;
type Story = StoryObj<SessionStoryArgs>;

/** Connecting, then connected. */
export const Connected: Story = {
  render: (args) => (
    <ScenarioSession timeline={conversationTimeline(args.idleTimeoutMs)} speed={args.speed}>
      <ConnectionIndicator />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await expect(connectionIndicator(canvasElement)).toHaveTextContent('Connecting…');
    await scenario.runUntil(statusIs('connected'), 'the connection');
    await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveAttribute('data-status', 'connected'), WAIT);
    await expect(connectionIndicator(canvasElement)).toHaveTextContent('Connected');
    scenario.release();
  },
};

/** The connection drops: the indicator says so, with the reason. */
export const Dropped: Story = {
  render: (args) => (
    <ScenarioSession timeline={errorTimeline()} speed={args.speed}>
      <ConnectionIndicator labels={{ disconnected: 'Offline', error: 'Connection lost' }} />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil((state) => state.error !== null && state.status !== 'connected', 'the dropped connection');
    await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveTextContent(/^(Offline|Connection lost)/), WAIT);
    scenario.release();
  },
};

/** A connection that cannot open (for example a bad key). */
export const FailedToConnect: Story = {
  render: (args) => (
    <ScenarioSession timeline={[]} speed={args.speed} connectError="401 Unauthorized: invalid client secret">
      <ConnectionIndicator />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(statusIs('error'), 'the failed connection');
    await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveTextContent(/^Connection error: .*401 Unauthorized: invalid client secret$/), WAIT);
    scenario.release();
  },
};

/** A badge of your own from the headless hook: same text, live region and `data-status`. */
function StatusBadge() {
  const { rootProps, label, errorMessage, status } = useConnectionIndicator({ labels: { connected: 'Live' } });
  return (
    <span {...rootProps} style={{ display: 'inline-flex', gap: '0.5em', alignItems: 'center' }}>
      <span aria-hidden="true">{status === 'connected' ? '●' : '○'}</span>
      {errorMessage === null ? label : `${label}: ${errorMessage}`}
    </span>
  );
}

/** Headless: `useConnectionIndicator()` drawing a badge of your own. */
export const Headless: Story = {
  render: (args) => (
    <ScenarioSession timeline={conversationTimeline(args.idleTimeoutMs)} speed={args.speed}>
      <StatusBadge />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil(statusIs('connected'), 'the connection');
    await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveAttribute('data-status', 'connected'), WAIT);
    await expect(connectionIndicator(canvasElement)).toHaveTextContent('●Live');
    scenario.release();
  },
};
