import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ConnectionIndicator } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
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
    const status = await within(canvasElement).findByText('Connected', {}, WAIT);
    await expect(status).toHaveAttribute('data-status', 'connected');
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
    await within(canvasElement).findByText(/Offline|Connection lost/, {}, WAIT);
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
    await within(canvasElement).findByText(/Connection error/, {}, WAIT);
  },
};
