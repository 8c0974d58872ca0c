// The README's "Testing your voice UI" example, kept runnable: if this breaks, the README lies.
import { expect, it } from 'vitest';
import { createRealtimeSession } from '../../src/core/index.ts';
import { createMockTransport, createVirtualClock, scenario, play } from '../../src/testing/index.ts';

/** The README's setup and timeline, advanced by `advanceMs` of virtual time. */
async function playReadmeExample(advanceMs: number) {
  const transport = createMockTransport();
  const clock = createVirtualClock();
  const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: 8000 } });
  await session.connect();

  // A conversation, then 8 s of silence after the answer finished playing: the server's timeout.
  play(scenario().sessionCreated({ idleTimeoutMs: 8000 }).userSays('Hi').assistantSays('Hello!').idleTimeout().build(),
    { transport, clock });
  clock.advance(advanceMs);
  return session;
}

it('runs the README testing example: a server idle timeout after the answer finished playing', async () => {
  const session = await playReadmeExample(15_000);
  expect(session.getState().idle).toMatchObject({ phase: 'timed_out', timeouts: 1 });
  expect(session.getState().idle.last).toMatchObject({ source: 'server', count: 1 });

  // The silent item the timeout committed is an idle marker, not an empty user bubble.
  const kinds = session.getState().transcript.items.map((item) => `${item.role}:${item.kind}`);
  expect(kinds).toContain('user:idle_timeout');
});

it('keeps counting when the silence goes on: the next timeout comes from the client backup', async () => {
  // The scripted server sends one timeout only; after the re-prompt the user stays silent, so
  // the client clock (the late backup for a dropped server event) reports the second one.
  const session = await playReadmeExample(30_000);
  expect(session.getState().idle).toMatchObject({ phase: 'timed_out', timeouts: 2 });
  expect(session.getState().idle.last).toMatchObject({ source: 'client', count: 2 });
});
