/**
 * After a reconnect, TranscriptView shows the new connection's rows below the earlier ones
 * (the new server conversation starts with `previous_item_id: null`, which once put its rows at
 * the top: a looping demo's second run streamed above the first, off-screen).
 */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createMockTransport } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';
import { play, scenario } from '../../../src/testing/scenario/index.ts';

afterEach(cleanup);

it("TranscriptView lists a second connection's rows after the first connection's", async () => {
  const clock = createVirtualClock(1000);
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock });
  const converse = (question: string, answer: string) => {
    const playback = play(scenario().userSays(question).assistantSays(answer).build(), { transport, clock });
    clock.advance(playback.endsAt);
  };
  const { container } = render(
    <RealtimeProvider session={session}>
      <TranscriptView />
    </RealtimeProvider>,
  );
  const rowTexts = () =>
    Array.from(container.querySelectorAll<HTMLElement>('[data-kind="message"]'), (row) => row.querySelector('p')?.textContent);

  await act(async () => {
    await session.connect();
    converse('First question', 'First answer');
  });
  await waitFor(() => expect(rowTexts()).toEqual(['First question', 'First answer']));

  await act(async () => {
    session.disconnect();
    await session.connect();
    converse('Second question', 'Second answer');
  });
  await waitFor(() => expect(rowTexts()).toEqual(['First question', 'First answer', 'Second question', 'Second answer']));
});
