import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { ConnectionIndicator, SessionControls, TranscriptView } from '../src/index.ts';
import { ScenarioSession } from './support/ScenarioSession.tsx';
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
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Start session' }));
    await canvas.findByText('Connected', {}, WAIT);
    const mute = canvas.getByRole('button', { name: 'Mute microphone' });
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await canvas.findByText(/Lisbon/, {}, WAIT);
    await userEvent.click(canvas.getByRole('button', { name: 'End session' }));
    await canvas.findByText('Disconnected', {}, WAIT);
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
