import { act, render } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './helpers/autoCleanup.ts';
import type { ServerEvent } from '../../src/core/protocol/index.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import {
  RealtimeProvider,
  useConnectionState,
  useIdleTimeout,
  useRealtimeSession,
  useTranscript,
} from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { isServerEventStep, scenario } from '../../src/testing/scenario/index.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const TRANSCRIPT_DELTA = new Set(['response.output_audio_transcript.delta', 'response.output_text.delta']);

function IdleOnly() {
  const idle = useIdleTimeout();
  return <span>{idle.phase}</span>;
}
function ConnectionOnly() {
  return <span>{useConnectionState().status}</span>;
}
function ActionsOnly() {
  const { sendText } = useRealtimeSession();
  return <button onClick={() => sendText('hi')}>send</button>;
}
function Transcript() {
  const { items } = useTranscript();
  return <p data-testid="transcript">{items.map((item) => item.text).join('|')}</p>;
}
function UserTranscript() {
  return <span>{useTranscript({ roles: ['user'] }).items.length}</span>;
}

describe('render economy during a streamed assistant reply of 500 transcript deltas', () => {
  for (const modality of ['audio', 'text'] as const) {
    it(`renders only the transcript consumers, once per frame at most (${modality})`, async () => {
      const clock = createVirtualClock();
      const transport = createMockTransport({ clock });
      const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: 8000 } });
      const renders: Record<string, number> = { idle: 0, connection: 0, actions: 0, transcript: 0, users: 0 };
      const counted = (id: string, children: ReactNode) => (
        <Profiler id={id} onRender={() => renders[id]!++}>
          {children}
        </Profiler>
      );
      const { getByTestId } = render(
        <RealtimeProvider session={session}>
          {counted('idle', <IdleOnly />)}
          {counted('connection', <ConnectionOnly />)}
          {counted('actions', <ActionsOnly />)}
          {counted('transcript', <Transcript />)}
          {counted('users', <UserTranscript />)}
        </RealtimeProvider>,
      );
      await act(() => session.connect());

      const reply = Array.from({ length: 500 }, (_, i) => `w${i} `);
      const timeline = scenario({ audio: 'placeholder' })
        .sessionCreated({ idleTimeoutMs: 8000 })
        .userSays('Tell me a long story', { transcriptDelayMs: 0 }) // transcribed before the reply streams
        .assistantSays(reply.join(''), { deltas: reply, modality })
        .build();
      const events = timeline.filter(isServerEventStep);
      const first = events.findIndex((step) => TRANSCRIPT_DELTA.has(step.event.type));
      const last = events.findLastIndex((step) => TRANSCRIPT_DELTA.has(step.event.type));
      expect(events.filter((step) => TRANSCRIPT_DELTA.has(step.event.type))).toHaveLength(500);

      const deliver = (event: ServerEvent, atMs: number) =>
        act(() => {
          clock.advanceTo(atMs);
          transport.emit(event);
        });
      // Everything before the reply streams: the user turn, the response starting.
      for (const step of events.slice(0, first)) deliver(step.event, step.atMs);
      act(() => vi.advanceTimersToNextFrame());
      for (const key of Object.keys(renders)) renders[key] = 0;

      // The reply: each wire message on its own (as a socket delivers them), a frame every 10.
      let deltas = 0;
      let frames = 0;
      for (const step of events.slice(first, last + 1)) {
        deliver(step.event, step.atMs);
        if (TRANSCRIPT_DELTA.has(step.event.type) && ++deltas % 10 === 0) {
          act(() => vi.advanceTimersToNextFrame());
          frames++;
        }
      }
      expect(deltas).toBe(500);
      expect(getByTestId('transcript').textContent).toContain(reply.join('').trim());

      expect(renders.idle).toBe(0);
      expect(renders.connection).toBe(0);
      expect(renders.actions).toBe(0);
      expect(renders.users).toBe(0);
      expect(renders.transcript).toBeGreaterThan(0);
      expect(renders.transcript).toBeLessThanOrEqual(frames);
      session.disconnect();
    });
  }
});
