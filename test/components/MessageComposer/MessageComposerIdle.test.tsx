/**
 * Typing is user activity for the idle policy: it answers an open idle banner as "I'm still
 * here" does, keeps a long message from timing out mid-sentence, and costs no render of the
 * banner or the transcript per keystroke.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleBanner, MessageComposer, TranscriptView } from '../../../src/components/index.ts';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import type { IdlePolicy } from '../../../src/core/session/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createMockTransport } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';

afterEach(cleanup);

const TIMEOUT_MS = 5000;
/** A brisk typist: one character every 100 ms, so each keystroke happens at a new time. */
const KEYSTROKE_MS = 100;

async function setup(idle: Partial<IdlePolicy> = {}) {
  const clock = createVirtualClock(0);
  const transport = createMockTransport({ clock });
  // The client clock as the primary source, so the virtual clock alone drives the timeouts.
  const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: TIMEOUT_MS, clientFallback: 'always', ...idle } });
  await session.connect();
  const renders = { banner: 0, transcript: 0 };
  render(
    <RealtimeProvider session={session}>
      <Profiler id="banner" onRender={() => renders.banner++}>
        <IdleBanner />
      </Profiler>
      <Profiler id="transcript" onRender={() => renders.transcript++}>
        <TranscriptView />
      </Profiler>
      <MessageComposer />
    </RealtimeProvider>,
  );
  const field = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  const typeText = (text: string) => {
    for (const character of text) {
      act(() => clock.advance(KEYSTROKE_MS));
      fireEvent.change(field, { target: { value: field.value + character } });
    }
  };
  const stillHereButton = () => screen.queryByRole('button', { name: "I'm still here" });
  return { clock, transport, session, renders, field, typeText, stillHereButton };
}

describe('MessageComposer and the idle policy', () => {
  it('answers an open idle banner on the first keystroke, as "I\'m still here" does', async () => {
    const { clock, session, typeText, stillHereButton } = await setup();
    act(() => clock.advance(TIMEOUT_MS));
    expect(session.getState().idle).toMatchObject({ phase: 'timed_out', timeouts: 1 });
    expect(stillHereButton()).not.toBeNull();

    typeText('S');

    expect(session.getState().idle).toMatchObject({ phase: 'counting', timeouts: 0 });
    expect(stillHereButton()).toBeNull();
  });

  it('cancels a pending end of session', async () => {
    const { clock, session, typeText } = await setup({ maxTimeouts: 1, endGraceMs: 10_000 });
    act(() => clock.advance(TIMEOUT_MS));
    expect(session.getState().idle.phase).toBe('ending');
    typeText('W');
    expect(session.getState().idle).toMatchObject({ phase: 'counting', endsAt: null });
    act(() => clock.advance(10_000));
    expect(session.getState().status).toBe('connected');
  });

  it('renders neither the banner nor the transcript while the user types', async () => {
    const { clock, renders, typeText, stillHereButton } = await setup();
    act(() => clock.advance(TIMEOUT_MS));
    typeText('S'); // closes the banner: one change, expected
    expect(stillHereButton()).toBeNull();
    const settled = { ...renders };

    typeText('orry, I was away');

    expect(renders).toEqual(settled);
  });

  it('changes no idle state for a keystroke early in a silence, so nothing else re-renders', async () => {
    const { clock, session, transport, typeText } = await setup();
    act(() => clock.advance(1000));
    const idle = session.getState().idle;
    typeText('Hello');
    expect(session.getState().idle).toBe(idle);
    expect(transport.sentOfType('input_audio_buffer.clear')).toHaveLength(0);
  });

  it('restarts the silence clock past half the timeout, so a long message never times out mid-sentence', async () => {
    const { clock, session, typeText } = await setup();
    act(() => clock.advance(3000));
    typeText('A'); // 1900 ms left of 5000: the silence starts over
    expect(session.getState().idle.deadline).toBe(clock.now() + TIMEOUT_MS);

    let idleChanges = 0;
    session.on('idle_changed', () => idleChanges++);
    const message = ' table for two at eight, near the window if you have one, and a high chair please.';
    typeText(message); // 8.3 s of typing, longer than the timeout
    expect(session.getState().idle).toMatchObject({ phase: 'counting', timeouts: 0 });
    // One restart per half timeout at most, not one per keystroke.
    expect(idleChanges).toBeLessThanOrEqual(Math.ceil((message.length * KEYSTROKE_MS) / (TIMEOUT_MS / 2)));

    // Once the typing stops, the silence counts again.
    act(() => clock.advance(TIMEOUT_MS));
    expect(session.getState().idle).toMatchObject({ phase: 'timed_out', timeouts: 1 });
  });
});
