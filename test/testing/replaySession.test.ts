import { describe, expect, it } from 'vitest';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import type { SessionEvent } from '../../src/core/session/types.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { formatEventLog } from '../../src/testing/replay/formatEventLog.ts';
import { replayEventLog } from '../../src/testing/replay/replayEventLog.ts';
import { play, scenario } from '../../src/testing/scenario/index.ts';

async function startSession() {
  const clock = createVirtualClock();
  const transport = createMockTransport();
  const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: 8000, clientFallback: 'never' } });
  const events: SessionEvent[] = [];
  session.on('*', (event) => events.push(event));
  await session.connect();
  return { clock, transport, session, events };
}

describe('replay through a real session', () => {
  it('a recorded idle timeout reaches the transcript and the idle state', async () => {
    const timeline = scenario({ audio: 'placeholder' })
      .sessionCreated({ idleTimeoutMs: 8000 })
      .userSays('Hi there')
      .assistantSays('Hello! How can I help?')
      .idleTimeout()
      .build();
    const { clock, transport, session, events } = await startSession();
    const replay = replayEventLog(formatEventLog(timeline), { transport, clock });
    expect(replay.problems).toEqual([]);
    clock.advance(timeline.at(-1)!.atMs);
    expect(await replay.done).toMatchObject({ undelivered: 0 });

    const state = session.getState();
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    expect(state.transcript.items.map((item) => [item.role, item.kind, item.text, item.status])).toEqual([
      ['user', 'message', 'Hi there', 'completed'],
      ['assistant', 'message', 'Hello! How can I help?', 'completed'],
      ['user', 'idle_timeout', '', 'completed'],
      ['assistant', 'message', 'Are you still there?', 'completed'],
    ]);
    const timeouts = events.filter((e) => e.type === 'input_audio_timeout_triggered');
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]).toMatchObject({ source: 'server', count: 1, idleMs: 8000 });
    expect(state.idle.timeouts).toBe(1);
    expect(state.idle.last?.itemId).toBe(state.transcript.items[2]!.id);
    // What the session sent on the way (its config) is valid for the server.
    expect(transport.sentOfType('session.update').length).toBeGreaterThan(0);
    expect(transport.invalidSent).toEqual([]);
    expect(state.idle.phase).toBe('timed_out');
    // The re-prompt finished playing: the server's silence clock runs again for the next timeout.
    expect(state.idle.deadline).toBe(clock.now() + 8000);
  });

  it('an interruption marks the assistant item interrupted; a drop ends the connection', async () => {
    const timeline = scenario({ audio: 'placeholder' })
      .sessionCreated({ idleTimeoutMs: 8000 })
      .assistantSays('Once upon a time there was a lighthouse keeper who loved the sea.', { audioMs: 5000 })
      .interruption({ afterMs: 1000, userSays: 'Stop, please.' })
      .silence(1000)
      .disconnect({ error: 'socket closed' })
      .build();
    const { clock, transport, session } = await startSession();
    play(timeline, { transport, clock });
    clock.advance(timeline.at(-1)!.atMs);
    const state = session.getState();
    expect(state.transcript.items.map((item) => [item.role, item.status])).toEqual([
      ['assistant', 'interrupted'],
      ['user', 'completed'],
    ]);
    expect(state.transcript.items[1]!.text).toBe('Stop, please.');
    expect(state.status).toBe('error');
    expect(transport.connected).toBe(false);
  });
});
