import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import type { InputAudioTimeoutTriggeredEvent } from '../../src/core/session/types.ts';
import { useIdleCountdown } from '../../src/react/useIdleCountdown.ts';
import { useIdleTimeout } from '../../src/react/useIdleTimeout.ts';
import { createFakeSession } from './helpers/createFakeSession.ts';
import { silenceRenderErrors } from './helpers/silenceRenderErrors.ts';
import { withSession } from './helpers/withSession.tsx';

const last: InputAudioTimeoutTriggeredEvent = {
  type: 'input_audio_timeout_triggered',
  itemId: 'item_1',
  audioStartMs: 1000,
  audioEndMs: 9000,
  idleMs: 8000,
  source: 'server',
  count: 1,
};

describe('useIdleTimeout', () => {
  it('exposes the idle state and has no remainingMs unless asked', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useIdleTimeout(), { wrapper: withSession(session) });
    expect(result.current).toMatchObject({ phase: 'off', timeouts: 0, last: null, remainingMs: null });
    act(() => session.setIdle({ phase: 'timed_out', timeouts: 1, last, deadline: 16000, timeoutMs: 8000 }));
    expect(result.current).toMatchObject({ phase: 'timed_out', timeouts: 1, last, deadline: 16000, remainingMs: null });
  });

  it('does not re-render for changes outside the idle state', () => {
    const session = createFakeSession();
    let renders = 0;
    renderHook(
      () => {
        renders++;
        return useIdleTimeout();
      },
      { wrapper: withSession(session) },
    );
    const before = renders;
    act(() => {
      session.setState({ responding: true });
      session.streamDelta('a1', 'Hello');
      session.setState({ status: 'connected' });
    });
    expect(renders).toBe(before);
  });

  it('counts down on the session clock when countdown is on', () => {
    const session = createFakeSession();
    session.clock.advanceTo(1000);
    const { result } = renderHook(() => useIdleTimeout({ countdown: true }), { wrapper: withSession(session) });
    act(() => session.setIdle({ phase: 'counting', deadline: 1000 + 8000 }));
    expect(result.current.remainingMs).toBe(8000);
    act(() => session.clock.advance(999));
    expect(result.current.remainingMs).toBe(8000);
    act(() => session.clock.advance(1));
    expect(result.current.remainingMs).toBe(7000);
    act(() => session.clock.advance(6500));
    expect(result.current.remainingMs).toBe(1000);
    act(() => session.clock.advance(500));
    expect(result.current.remainingMs).toBe(0);
    // Ending: counts down to endsAt instead of deadline.
    act(() => session.setIdle({ phase: 'ending', endsAt: session.clock.now() + 3000, deadline: null }));
    expect(result.current.remainingMs).toBe(3000);
    act(() => session.clock.advance(1000));
    expect(result.current.remainingMs).toBe(2000);
    act(() => session.setIdle({ phase: 'listening', endsAt: null }));
    expect(result.current.remainingMs).toBeNull();
  });

  it('applies policy options through setIdlePolicy, only when they differ', () => {
    const session = createFakeSession();
    const { rerender } = renderHook(({ timeoutMs }: { timeoutMs: number }) => useIdleTimeout({ timeoutMs, maxTimeouts: 2 }), {
      wrapper: withSession(session),
      initialProps: { timeoutMs: 8000 },
    });
    expect(session.getIdlePolicy()).toMatchObject({ timeoutMs: 8000, maxTimeouts: 2 });
    rerender({ timeoutMs: 8000 });
    rerender({ timeoutMs: 12000 });
    expect(session.calls.filter((c) => c.startsWith('setIdlePolicy'))).toEqual([
      'setIdlePolicy:{"timeoutMs":8000,"maxTimeouts":2}',
      'setIdlePolicy:{"timeoutMs":12000}',
    ]);
  });

  it('stillHere() and endSession() act on the session, with stable identities', async () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useIdleTimeout({ session }));
    const { stillHere, endSession } = result.current;
    await act(() => session.connect());
    act(() => session.setIdle({ phase: 'ending', timeouts: 2, endsAt: 5000 }));
    expect(result.current.stillHere).toBe(stillHere);
    act(() => result.current.stillHere());
    expect(result.current).toMatchObject({ phase: 'listening', timeouts: 0, endsAt: null });
    act(() => endSession());
    expect(session.getState().status).toBe('disconnected');
  });
});

describe('useIdleCountdown', () => {
  it('ticks with a custom interval and target, and only re-renders its own component', () => {
    const session = createFakeSession();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return useIdleCountdown({ session, target: 'deadline', intervalMs: 250 });
      },
    );
    expect(result.current).toBeNull();
    act(() => session.setIdle({ phase: 'counting', deadline: 1000, endsAt: 99999 }));
    expect(result.current).toBe(1000);
    const before = renders;
    const seen: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      act(() => session.clock.advance(250));
      seen.push(result.current);
    }
    expect(seen).toEqual([750, 500, 250, 0]);
    expect(renders - before).toBe(4);
    act(() => session.clock.advance(5000));
    expect(renders - before).toBe(4);
  });

  it.each([Number.NaN, 0, -5, 2 ** 31, Number.POSITIVE_INFINITY])('refuses intervalMs %s by name instead of ticking back to back', (intervalMs) => {
    const session = createFakeSession();
    const restore = silenceRenderErrors();
    try {
      expect(() => renderHook(() => useIdleCountdown({ session, intervalMs }))).toThrow(/intervalMs: must be a number of ms from 1/);
    } finally {
      restore();
    }
  });
});
