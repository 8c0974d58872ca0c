import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionIndicator, SessionControls, TranscriptView } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
import { directScenario } from './support/directScenario.ts';
import { connectionIndicator, findTranscriptRow, transcriptLog } from './support/queries.ts';
import { hasRow, statusIs } from './support/states.ts';
import { argsKey, defaultSessionArgs, idlePolicyOf, sessionArgTypes } from './support/storyArgs.ts';
import type { SessionStoryArgs } from './support/storyArgs.ts';
import { conversationTimeline } from './support/timelines.ts';
import { WAIT } from './support/wait.ts';

const meta: Meta<SessionStoryArgs> = {
  title: 'Components/SessionControls',
  component: SessionControls as unknown as Meta<SessionStoryArgs>['component'],
  args: defaultSessionArgs,
  argTypes: sessionArgTypes,
};

export default meta;
type Story = StoryObj<SessionStoryArgs>;

/** Start, mute and end a session; the scripted conversation starts when you connect. */
export const Default: Story = {
  render: (args) => (
    <ScenarioSession
      key={argsKey(args)}
      autoConnect={false}
      timeline={conversationTimeline(args.idleTimeoutMs)}
      idle={idlePolicyOf(args)}
      speed={args.speed}
    >
      <div style={{ display: 'grid', gap: '0.75rem', maxWidth: '36rem' }}>
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
          <SessionControls />
          <ConnectionIndicator />
        </div>
        <TranscriptView style={{ '--rrk-transcript-height': '12rem' } as CSSProperties} />
      </div>
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    const scenario = await directScenario();
    const controls = within(canvasElement).getByRole('group', { name: 'Session controls' });
    await userEvent.click(within(controls).getByRole('button', { name: 'Start session' }));
    await scenario.runUntil(statusIs('connected'), 'the connection');
    await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveTextContent('Connected'), WAIT);
    const mute = within(controls).getByRole('button', { name: 'Mute microphone' });
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    // The scripted conversation plays once connected.
    await scenario.runUntil(hasRow('assistant', 'Lisbon is lovely'), 'the first answer');
    await findTranscriptRow(transcriptLog(canvasElement), 'assistant', /Lisbon is lovely/);
    await userEvent.click(within(controls).getByRole('button', { name: 'End session' }));
    await waitFor(() => expect(connectionIndicator(canvasElement)).toHaveTextContent('Disconnected'), WAIT);
    scenario.release();
  },
};

/** Translated labels. */
export const Translated: Story = {
  render: (args) => (
    <ScenarioSession key={argsKey(args)} autoConnect={false} timeline={conversationTimeline(args.idleTimeoutMs)} speed={args.speed}>
      <div lang="fr">
        <SessionControls labels={{ connect: 'Démarrer', connecting: 'Connexion…', disconnect: 'Terminer', mute: 'Couper le micro' }} />
      </div>
    </ScenarioSession>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Démarrer' })).toBeVisible();
  },
};
