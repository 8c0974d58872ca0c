/**
 * `idle_changed` says what the idle state changed from: `previous` is the state before the
 * change, never the new one (it was read after the write, so `counting -> timed_out` arrived as
 * `timed_out -> timed_out`). Each event's `previous` is the state the event before it announced.
 */
import { describe, expect, it } from 'vitest';
import { createRealtimeSession, type RealtimeSession, type SessionEvent } from '../../../../src/core/session/index.ts';
import { createMockTransport } from '../../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../../src/testing/createVirtualClock.ts';
import { play, scenario } from '../../../../src/testing/scenario/index.ts';

type IdleChanged = Extract<SessionEvent, { type: 'idle_changed' }>;

function recordIdleChanges(session: RealtimeSession): IdleChanged[] {
  const changes: IdleChanged[] = [];
  session.on('idle_changed', (event) => changes.push(event));
  return changes;
}

/** `phase/timeouts -> phase/timeouts` for each change. */
const steps = (changes: readonly IdleChanged[]) =>
  changes.map(({ previous, idle }) => `${previous.phase}/${previous.timeouts} -> ${idle.phase}/${idle.timeouts}`);

/** The chain holds: every event starts from the state the previous one ended in. */
function expectChained(changes: readonly IdleChanged[], initial: IdleChanged['previous']): void {
  changes.forEach((event, i) => expect(event.previous).toBe(i === 0 ? initial : changes[i - 1]?.idle));
}

const semanticVad = { type: 'realtime' as const, audio: { input: { turn_detection: { type: 'semantic_vad' as const } } } };

describe('idle_changed: previous is the state it changed from', () => {
  it('a server timeout reads counting -> timed_out', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock });
    const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: 8000 } });
    const initial = session.getState().idle;
    const changes = recordIdleChanges(session);
    await session.connect();
    const playback = play(scenario().sessionCreated({ idleTimeoutMs: 8000 }).userSays('Hi').assistantSays('Hello!').idleTimeout().build(), {
      transport,
      clock,
    });
    clock.advance(playback.endsAt);
    expect(steps(changes)).toEqual([
      'off/0 -> counting/0',
      'counting/0 -> listening/0', // the user speaks
      'listening/0 -> counting/0',
      'counting/0 -> listening/0', // the assistant answers
      'listening/0 -> counting/0',
      'counting/0 -> timed_out/1', // the server's timeout_triggered
      // The re-prompt pauses the next silence clock, then its audio ends and the clock runs again.
      'timed_out/1 -> timed_out/1',
      'timed_out/1 -> timed_out/1',
    ]);
    expect(changes.map(({ idle }) => idle.deadline !== null).slice(-2)).toEqual([false, true]);
    expectChained(changes, initial);
  });

  it('the client fallback reads counting -> timed_out, then timed_out with a new count', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock });
    const session = createRealtimeSession({ transport, clock, config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: null } });
    const initial = session.getState().idle;
    const changes = recordIdleChanges(session);
    await session.connect();
    clock.advance(10000);
    expect(steps(changes)).toEqual(['off/0 -> counting/0', 'counting/0 -> timed_out/1', 'timed_out/1 -> timed_out/2']);
    expect(changes.map(({ idle }) => idle.last?.source ?? null)).toEqual([null, 'client', 'client']);
    expectChained(changes, initial);
  });

  it('escalation reads timed_out -> ending, then ending -> ended', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock });
    const session = createRealtimeSession({
      transport,
      clock,
      config: semanticVad,
      idle: { timeoutMs: 5000, maxTimeouts: 2, endGraceMs: 4000 },
    });
    const initial = session.getState().idle;
    const changes = recordIdleChanges(session);
    await session.connect();
    clock.advance(14000);
    expect(session.getState().status).toBe('disconnected');
    expect(steps(changes)).toEqual(['off/0 -> counting/0', 'counting/0 -> timed_out/1', 'timed_out/1 -> ending/2', 'ending/2 -> ended/2']);
    expectChained(changes, initial);
  });
});
