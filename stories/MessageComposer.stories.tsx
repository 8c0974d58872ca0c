import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionIndicator, MessageComposer, RealtimeProvider, SessionControls, TranscriptView } from '../src/index.ts';
import { createDemoSession, scenario } from '../src/testing/index.ts';
import { findTranscriptRow, transcriptLog } from './support/queries.ts';
import { WAIT } from './support/wait.ts';

/** The assistant greets; what the user types shows in the transcript (the demo server echoes it). */
function greeting() {
  return scenario({ flavor: 'webrtc', audio: 'placeholder' })
    .sessionCreated()
    .assistantSays('Hi! Type below and press Enter to send, or Shift+Enter for a new line.')
    .build();
}

interface PageProps {
  theme?: 'light' | 'dark';
  autoConnect?: boolean;
}

function ComposerPage({ theme, autoConnect = true }: PageProps) {
  const [demo] = useState(() => createDemoSession({ timeline: greeting, idle: { timeoutMs: null }, afterUserReturns: false }));
  useEffect(() => () => demo.disconnect(), [demo]);
  return (
    <RealtimeProvider session={demo} autoConnect={autoConnect}>
      <div
        data-theme={theme}
        style={{
          display: 'grid',
          gap: '0.75rem',
          maxWidth: '36rem',
          padding: '1rem',
          borderRadius: 12,
          background: 'var(--rrk-color-bg)',
        }}
      >
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
          <SessionControls showMute={false} />
          <ConnectionIndicator />
        </div>
        <TranscriptView style={{ '--rrk-transcript-height': '12rem' } as CSSProperties} />
        <MessageComposer />
      </div>
    </RealtimeProvider>
  );
}

const meta: Meta<typeof ComposerPage> = {
  title: 'Components/MessageComposer',
  component: ComposerPage,
};

export default meta;
type Story = StoryObj<typeof ComposerPage>;

async function typeAndSend(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const field = canvas.getByRole('textbox', { name: 'Message' });
  const send = canvas.getByRole('button', { name: 'Send message' });
  // Connected: the reason is gone from the field's description.
  await waitFor(() => expect(field).not.toHaveAttribute('aria-describedby'), WAIT);
  await userEvent.type(field, 'A table for two at eight, please.');
  await expect(send).not.toHaveAttribute('aria-disabled');
  await userEvent.keyboard('{Enter}');
  await findTranscriptRow(transcriptLog(canvasElement), 'user', 'A table for two at eight, please.');
  await expect(field).toHaveValue('');
  await expect(field).toHaveFocus();
}

/** Type and press Enter: the message is sent, appears in the transcript, and the field is ready for the next. */
export const Default: Story = {
  args: { theme: 'light' },
  play: ({ canvasElement }) => typeAndSend(canvasElement),
};

/** The same in the dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: ({ canvasElement }) => typeAndSend(canvasElement),
};

/** Before the session starts: the text can be drafted, the send button says why it cannot send. */
export const NotConnected: Story = {
  args: { theme: 'light', autoConnect: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole('textbox', { name: 'Message' });
    const send = canvas.getByRole('button', { name: 'Send message' });
    await userEvent.type(field, 'Drafting before I start');
    await expect(send).toHaveAttribute('aria-disabled', 'true');
    await expect(send).toHaveAccessibleDescription('Start the session to send a message.');
    await userEvent.click(send);
    await expect(field).toHaveValue('Drafting before I start');
  },
};
