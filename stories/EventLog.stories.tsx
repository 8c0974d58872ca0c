import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EventLog } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { argsKey, defaultSessionArgs, idlePolicyOf, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import { conversationTimeline } from './support/timelines.ts';
import { WAIT } from './support/wait.ts';

const meta: Meta<SessionStoryArgs> = {
  title: 'Components/EventLog',
  component: EventLog as unknown as Meta<SessionStoryArgs>['component'],
  args: defaultSessionArgs,
  argTypes: sessionArgTypes,
};

export default meta;
type Story = StoryObj<SessionStoryArgs>;

/** Every session event and raw server event, newest first, in a bounded buffer; filter by type. */
export const Default: Story = {
  args: { speed: 4 },
  render: (args) => (
    <ScenarioSession key={argsKey(args)} timeline={conversationTimeline(args.idleTimeoutMs)} idle={idlePolicyOf(args)} speed={args.speed}>
      <EventLog capacity={100} />
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () => expect(canvas.getByRole('option', { name: 'input_audio_timeout_triggered' })).toBeInTheDocument(),
      WAIT,
    );
    await userEvent.selectOptions(canvas.getByLabelText('Filter by type'), 'input_audio_timeout_triggered');
    const entries = canvas.getAllByRole('listitem');
    await expect(entries.every((entry) => entry.dataset.type === 'input_audio_timeout_triggered')).toBe(true);
    await userEvent.click(canvas.getAllByText(/input_audio_timeout_triggered/, { selector: 'summary' })[0]!);
    await expect(canvas.getByText(/"source": "server"/)).toBeVisible();
    await expect(canvas.getAllByRole('listitem').length).toBeLessThanOrEqual(100);
  },
};
