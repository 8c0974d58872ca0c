import { describe as group, expect, it } from 'vitest';
import {
  createIdleMachine,
  idleBusy,
  idleClientDueAt,
  idleConfigure,
  idleConnected,
  idleGraceElapsed,
  idleTimeout,
  idleUserActive,
  idleView,
  SERVER_TIMEOUT_BACKUP_MARGIN_MS,
  type IdleMachineConfig,
} from '../../../../src/core/session/idle/idleMachine.ts';

const config: IdleMachineConfig = { timeoutMs: 8000, client: 'primary', server: false, maxTimeouts: 2, endGraceMs: 5000 };
const connected = (c: Partial<IdleMachineConfig> = {}) => idleConnected(createIdleMachine({ ...config, ...c }), true, 100);

group('idle machine (pure transitions)', () => {
  it('is off until connected, then counts from the connection', () => {
    const off = createIdleMachine(config);
    expect(idleView(off, null)).toMatchObject({ phase: 'off', deadline: null });
    expect(idleClientDueAt(off)).toBeNull();
    const on = connected();
    expect(idleView(on, null)).toMatchObject({ phase: 'counting', deadline: 8100, timeoutMs: 8000 });
    expect(idleClientDueAt(on)).toBe(8100);
  });

  it('pauses while busy and restarts a fresh silence when no longer busy', () => {
    let s = idleBusy(connected(), true, 500);
    expect(idleView(s, null)).toMatchObject({ phase: 'listening', deadline: null });
    expect(idleClientDueAt(s)).toBeNull();
    s = idleBusy(s, false, 2000);
    expect(idleClientDueAt(s)).toBe(10000);
  });

  it('delays the client clock by the margin when it only backs the server up', () => {
    const s = connected({ client: 'backup', server: true });
    expect(idleClientDueAt(s)).toBe(8100 + SERVER_TIMEOUT_BACKUP_MARGIN_MS);
    expect(idleView(s, null).deadline).toBe(8100); // the UI shows when the server fires
  });

  it('a timeout counts, restarts the clock, and the first source owns the silence', () => {
    const { state, event } = idleTimeout(connected({ server: true }), { source: 'client' }, 8100);
    expect(event).toEqual({
      type: 'input_audio_timeout_triggered',
      itemId: null,
      audioStartMs: 0,
      audioEndMs: 8000,
      idleMs: 8000,
      source: 'client',
      count: 1,
    });
    expect(idleView(state, null)).toMatchObject({ phase: 'timed_out', timeouts: 1, deadline: 16100 });
    const late = idleTimeout(state, { source: 'server', itemId: 'x', audioStartMs: 0, audioEndMs: 8000 }, 8300);
    expect(late.event).toBeNull();
    expect(late.state).toBe(state);
    // Busy then quiet: a new silence, a new race.
    const next = idleBusy(idleBusy(state, true, 9000), false, 12000);
    expect(idleTimeout(next, { source: 'server', itemId: 'y', audioStartMs: 0, audioEndMs: 0 }, 20000).event).toMatchObject({
      source: 'server',
      count: 2,
      idleMs: 8000, // no usable audio span on the wire: the configured timeout
    });
  });

  it('ignores a stale client timer while paused', () => {
    const paused = idleBusy(connected(), true, 200);
    expect(idleTimeout(paused, { source: 'client' }, 9000).event).toBeNull();
  });

  it('escalates at maxTimeouts, and the grace end ends it; user activity cancels', () => {
    let s = idleTimeout(connected(), { source: 'client' }, 8100).state;
    s = idleTimeout(s, { source: 'client' }, 16100).state;
    expect(idleView(s, null)).toMatchObject({ phase: 'ending', endsAt: 21100, deadline: null });
    expect(idleClientDueAt(s)).toBeNull();
    expect(idleGraceElapsed(s, 21099)).toBe(s);
    const ended = idleGraceElapsed(s, 21100);
    expect(idleView(ended, null)).toMatchObject({ phase: 'ended', endsAt: null });
    expect(idleView(idleConnected(ended, false, 21100), null).phase).toBe('ended');

    const back = idleUserActive(s, 18000);
    expect(idleView(back, null)).toMatchObject({ phase: 'counting', timeouts: 0, endsAt: null, deadline: 26000 });
  });

  it('user activity without timeouts restarts a running silence', () => {
    const s = idleUserActive(connected(), 3000);
    expect(idleClientDueAt(s)).toBe(11000);
    const paused = idleBusy(connected(), true, 200);
    expect(idleUserActive(paused, 3000)).toBe(paused);
  });

  it('a runtime timeout change restarts the silence; turning it off stops everything', () => {
    let s = idleConfigure(connected(), { ...config, timeoutMs: 12000 }, 4000);
    expect(idleClientDueAt(s)).toBe(16000);
    s = idleConfigure(s, { ...config, timeoutMs: null }, 5000);
    expect(idleView(s, null).phase).toBe('off');
    expect(idleClientDueAt(s)).toBeNull();
    expect(idleConfigure(s, { ...config, timeoutMs: null }, 6000)).toBe(s);
  });

  it('the view keeps its identity when nothing visible changed', () => {
    const s = connected();
    const view = idleView(s, null);
    expect(idleView(idleBusy(s, false, 999), view)).toBe(view);
    expect(idleView(idleBusy(s, true, 999), view)).not.toBe(view);
  });
});
