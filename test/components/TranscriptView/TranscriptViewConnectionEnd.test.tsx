/**
 * A user's audio whose transcript had not arrived when the connection ended: the transcript will
 * never come, so the row must not say "Transcribing…" for good (issue 9: a connection that ends
 * settles every row it left streaming).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createMockTransport } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';

afterEach(cleanup);

const userAudio = (id: string) => ({ id, object: 'realtime.item', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript: null }] });

describe('TranscriptView when the connection ends', () => {
  it('a user row still waiting for its transcript stops saying "Transcribing…"', async () => {
    const clock = createVirtualClock(1000);
    const transport = createMockTransport({ clock });
    const session = createRealtimeSession({ transport, clock });
    await session.connect();
    transport.emit({
      type: 'session.updated',
      event_id: 'e1',
      session: { type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } } },
    });
    transport.emit({ type: 'conversation.item.added', event_id: 'e2', previous_item_id: null, item: userAudio('item_u1') });
    transport.emit({ type: 'conversation.item.done', event_id: 'e3', previous_item_id: null, item: userAudio('item_u1') });
    const { container } = render(
      <RealtimeProvider session={session}>
        <TranscriptView />
      </RealtimeProvider>,
    );
    const row = () => container.querySelector<HTMLElement>('[data-role="user"][data-kind="message"]');
    await waitFor(() => expect(row()?.textContent).toContain('Transcribing…'));

    transport.drop(new Error('Connection lost'));

    await waitFor(() => expect(row()?.dataset.status).toBe('incomplete'));
    expect(row()?.textContent).not.toContain('Transcribing…');
    expect(row()?.textContent).toContain('Audio message');
    expect(screen.getByRole('log')).toBeTruthy();
  });
});
