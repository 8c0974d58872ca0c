import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EventLog } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { directScenario } from './support/directScenario.ts';
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

function EventLogStory({ args }: { args: SessionStoryArgs }) {
  return (
    <ScenarioSession key={argsKey(args)} timeline={conversationTimeline(args.idleTimeoutMs)} idle={idlePolicyOf(args)} speed={args.speed}>
      <EventLog capacity={100} />
    </ScenarioSession>
  );
}

/** Every session event and raw server event, newest first, in a bounded buffer; filter by type. */
export const Default: Story = {
  args: { speed: 4 },
  render: (args) => <EventLogStory args={args} />,
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil((state) => state.idle.last !== null, 'the idle timeout');
    const log = within(canvasElement).getByRole('region', { name: 'Events' });
    const filter = within(log).getByLabelText('Filter by type');
    await waitFor(
      () => expect(within(filter).getByRole('option', { name: 'input_audio_timeout_triggered' })).toBeInTheDocument(),
      WAIT,
    );
    await userEvent.selectOptions(filter, 'input_audio_timeout_triggered');
    const entries = within(log).getAllByRole('listitem');
    await expect(entries).toHaveLength(1);
    await expect(entries[0]).toHaveAttribute('data-type', 'input_audio_timeout_triggered');
    await userEvent.click(within(entries[0]!).getByText(/input_audio_timeout_triggered/, { selector: 'summary' }));
    await expect(within(entries[0]!).getByText(/"source": "server"/)).toBeVisible();
    scenario.release();
  },
};

/**
 * As wide as a phone's page (360 px less its padding): the log keeps to that width, however
 * long the event types in its filter (a select is as wide as its longest option).
 */
export const OnAPhone: Story = {
  args: { speed: 4 },
  render: (args) => (
    <div style={{ width: '20.5rem' }} data-testid="phone">
      <EventLogStory args={args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    await scenario.runUntil((state) => state.idle.last !== null, 'the idle timeout');
    const phone = within(canvasElement).getByTestId('phone');
    const log = within(canvasElement).getByRole('region', { name: 'Events' });
    const filter = within(log).getByLabelText('Filter by type');
    // By then the filter lists raw wire types longer than the phone is wide.
    await waitFor(
      () => expect(within(filter).getByRole('option', { name: 'input_audio_timeout_triggered' })).toBeInTheDocument(),
      WAIT,
    );
    const right = phone.getBoundingClientRect().right;
    for (const part of [log, filter, within(log).getByRole('list')]) {
      await expect(part.getBoundingClientRect().right).toBeLessThanOrEqual(right + 0.5);
    }
    await expect(phone.scrollWidth).toBeLessThanOrEqual(phone.clientWidth);
    scenario.release();
  },
};
