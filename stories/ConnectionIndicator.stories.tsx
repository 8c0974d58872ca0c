import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { ConnectionIndicator } from '../src/index.ts';
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
