import { describe as group, expect, it } from 'vitest';
import { RealtimeConfigError } from '../../../../src/core/protocol/errors.ts';
import { createRealtimeSession, type Clock } from '../../../../src/core/session/index.ts';
import { createIdleMachine, idleConfigure, idleConnected, idleTimeout } from '../../../../src/core/session/idle/idleMachine.ts';
import { createMockTransport } from '../../../../src/testing/createMockTransport.ts';
import { createVirtualClock, type VirtualClock } from '../../../../src/testing/createVirtualClock.ts';
import { setup } from '../helpers.ts';

// Regression tests for the idle defects found by probes (issue 9): a stale end-of-session timer
// armed while disconnected, and a grace countdown that a timer firing early left stuck in `ending`.

const semanticVad = { type: 'realtime' as const, audio: { input: { turn_detection: { type: 'semantic_vad' as const } } } };
const serverVad = { type: 'realtime' as const, audio: { input: { turn_detection: { type: 'server_vad' as const } } } };

/** A session that reached `maxTimeouts` (phase `ending`), then was disconnected by the app. */
async function escalatedThenDisconnected(connectDelayMs: number) {
  const h = setup({
    config: semanticVad,
    idle: { timeoutMs: 5000, maxTimeouts: 2, endGraceMs: 4000 },
    transport: { connectDelayMs },
  });
  const first = h.session.connect();
  await h.clock.advanceAsync(connectDelayMs);
  await first;
  h.clock.advance(10000);
  expect(h.session.getState().idle.phase).toBe('ending');
  h.session.disconnect();
  expect(h.session.getState().status).toBe('disconnected');
  expect(h.clock.pending()).toBe(0);
  return h;
}

group('reliability: no end-of-session timer while disconnected', () => {
  it('an idle policy change while disconnected arms no end timer, and a reconnect is not aborted', async () => {
    const h = await escalatedThenDisconnected(1000);
    h.session.setIdlePolicy({ endGraceMs: 500 });
    expect(h.session.getState().idle).toMatchObject({ phase: 'off', endsAt: null });
    expect(h.clock.pending()).toBe(0);
    const closesBefore = h.transport.calls.filter((c) => c.method === 'close').length;
    const reconnect = h.session.connect();
    await h.clock.advanceAsync(1000);
    await reconnect;
    expect(h.session.getState().status).toBe('connected');
    expect(h.transport.calls.filter((c) => c.method === 'close').length).toBe(closesBefore);
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', timeouts: 0, endsAt: null });
  });

  it('a session change while disconnected (semantic VAD to server VAD) arms no end timer', async () => {
    const h = await escalatedThenDisconnected(1000);
    h.session.updateSession(serverVad);
    expect(h.clock.pending()).toBe(0);
    const reconnect = h.session.connect();
    await h.clock.advanceAsync(1000);
    await reconnect;
    expect(h.session.getState().status).toBe('connected');
  });

  it('lowering maxTimeouts to the count while disconnected arms nothing; the next connection starts over', async () => {
    const h = await escalatedThenDisconnected(0);
    h.session.setIdlePolicy({ maxTimeouts: 1 });
    h.session.setIdlePolicy({ maxTimeouts: 2, endGraceMs: 100 });
    expect(h.clock.pending()).toBe(0);
    await h.session.connect();
    h.clock.advance(4999);
    expect(h.session.getState()).toMatchObject({ status: 'connected', idle: { phase: 'counting', timeouts: 0 } });
  });

  it('a transport drop during the countdown leaves no timer behind either', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 4000 } });
    await h.session.connect();
    h.clock.advance(5000);
    expect(h.session.getState().idle.phase).toBe('ending');
    h.transport.drop(new Error('dropped'));
    expect(h.session.getState().status).toBe('error');
    h.session.setIdlePolicy({ endGraceMs: 10 });
    expect(h.clock.pending()).toBe(0);
  });

  it('the pure machine never sets endsAt while disconnected', () => {
    const config = { timeoutMs: 5000, client: 'primary' as const, server: false, maxTimeouts: 1, endGraceMs: 4000 };
    let s = idleConnected(createIdleMachine(config), true, 0);
    s = idleTimeout(s, { source: 'client' }, 5000).state;
    expect(s.endsAt).toBe(9000);
    s = idleConnected(s, false, 6000);
    expect(s.endsAt).toBeNull();
    expect(idleConfigure(s, { ...config, endGraceMs: 10 }, 7000).endsAt).toBeNull();
    expect(idleConfigure(s, { ...config, maxTimeouts: 2 }, 7000).endsAt).toBeNull();
    expect(idleConfigure(s, { ...config, client: 'backup', server: true }, 7000).endsAt).toBeNull();
  });
});

/** A clock over a virtual clock whose reading can be stepped back, like a wall clock corrected by NTP. */
function steppableClock(base: VirtualClock): Clock & { stepBack(ms: number): void } {
  let offset = 0;
  return {
    now: () => base.now() - offset,
    setTimeout: (callback, ms) => base.setTimeout(callback, ms),
    clearTimeout: (handle) => base.clearTimeout(handle),
    stepBack(ms) {
      offset += ms;
    },
  };
}

group('reliability: the grace countdown always ends', () => {
  it('re-arms for the remaining time when the timer fires before endsAt (the clock stepped back)', async () => {
    const base = createVirtualClock(1000);
    const clock = steppableClock(base);
    const transport = createMockTransport({ clock: base });
    const session = createRealtimeSession({
      transport,
      clock,
      config: semanticVad,
      idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 4000 },
    });
    await session.connect();
    base.advance(5000);
    const endsAt = session.getState().idle.endsAt as number;
    expect(session.getState().idle.phase).toBe('ending');
    clock.stepBack(1500);
    base.advance(4000); // the timer fires; the session clock reads 1500 ms before endsAt
    expect(session.getState()).toMatchObject({ status: 'connected', idle: { phase: 'ending', endsAt } });
    expect(base.pending()).toBe(1);
    base.advance(1499);
    expect(session.getState().status).toBe('connected');
    base.advance(1);
    expect(session.getState()).toMatchObject({ status: 'disconnected', idle: { phase: 'ended' } });
    expect(base.pending()).toBe(0);
  });

  it('never asks a timer for more than 2^31-1 ms, even when the clock jumps back by more', async () => {
    const base = createVirtualClock(1000);
    const stepped = steppableClock(base);
    const delays: number[] = [];
    const clock: Clock = {
      now: stepped.now,
      setTimeout: (callback, ms) => {
        delays.push(ms);
        return stepped.setTimeout(callback, ms);
      },
      clearTimeout: stepped.clearTimeout,
    };
    const transport = createMockTransport({ clock: base });
    const session = createRealtimeSession({ transport, clock, config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 4000 } });
    await session.connect();
    base.advance(5000);
    stepped.stepBack(2 ** 32);
    base.advance(4000);
    expect(session.getState().idle.phase).toBe('ending');
    expect(Math.max(...delays)).toBe(2 ** 31 - 1);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
  });

  it('a client silence timer firing early does not report a timeout early', async () => {
    const base = createVirtualClock(1000);
    const clock = steppableClock(base);
    const transport = createMockTransport({ clock: base });
    const session = createRealtimeSession({ transport, clock, config: semanticVad, idle: { timeoutMs: 5000 } });
    const fired: number[] = [];
    session.on('input_audio_timeout_triggered', (event) => fired.push(event.idleMs));
    await session.connect();
    base.advance(1000);
    clock.stepBack(2000);
    base.advance(4000);
    expect(fired).toEqual([]);
    base.advance(2000);
    expect(fired).toEqual([5000]);
  });
});

group('reliability: durations a timer cannot hold are config errors', () => {
  const MAX_TIMER_MS = 2 ** 31 - 1;

  it('endGraceMs above 2^31-1 ms throws a RealtimeConfigError naming idle.endGraceMs at creation', () => {
    const create = (endGraceMs: number) => () => setup({ idle: { timeoutMs: 8000, endGraceMs } });
    expect(create(2 ** 31)).toThrow(RealtimeConfigError);
    expect(create(2 ** 31)).toThrow(/idle\.endGraceMs: .*2147483647/);
    expect(create(Number.MAX_SAFE_INTEGER)).toThrow(RealtimeConfigError);
    expect(create(MAX_TIMER_MS)).not.toThrow();
  });

  it('setIdlePolicy refuses it as an error event and keeps the old policy', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 4000 } });
    await h.session.connect();
    h.session.setIdlePolicy({ endGraceMs: 2 ** 31 });
    expect(h.take()).toContain('error:config:invalid_idle_policy');
    expect(h.session.getIdlePolicy().endGraceMs).toBe(4000);
    h.clock.advance(5000);
    h.clock.advance(4000);
    expect(h.session.getState().idle.phase).toBe('ended');
  });
});
