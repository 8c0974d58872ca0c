import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import { useConnectionState } from '../../src/react/useConnectionState.ts';
import { useRealtimeState } from '../../src/react/useRealtimeState.ts';
import { useRealtimeSession } from '../../src/react/useRealtimeSession.ts';
import { shallowEqual } from '../../src/react/shallowEqual.ts';
import { createFakeSession } from './helpers/createFakeSession.ts';
import { withSession } from './helpers/withSession.tsx';

describe('useRealtimeState', () => {
  it('selects a slice and re-renders only when it changes (Object.is)', () => {
    const session = createFakeSession();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return useRealtimeState((state) => state.muted);
      },
      { wrapper: withSession(session) },
    );
    expect(result.current).toBe(false);
    const before = renders;
    act(() => session.setState({ userSpeaking: true }));
    act(() => session.setState({ responding: true }));
    expect(renders).toBe(before);
    act(() => session.setMuted(true));
    expect(result.current).toBe(true);
    expect(renders).toBe(before + 1);
  });

  it('keeps the identity of an equal selection with isEqual', () => {
    const session = createFakeSession();
    const { result } = renderHook(
      () => useRealtimeState((s) => ({ muted: s.muted, responding: s.responding }), shallowEqual),
      { wrapper: withSession(session) },
    );
    const first = result.current;
    act(() => session.setState({ userSpeaking: true }));
    expect(result.current).toBe(first);
    act(() => session.setState({ responding: true }));
    expect(result.current).not.toBe(first);
    expect(result.current).toEqual({ muted: false, responding: true });
  });

  it('takes an explicit session in the options, without a provider', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useRealtimeState((s) => s.status, { session }));
    expect(result.current).toBe('idle');
    act(() => session.setState({ status: 'connected' }));
    expect(result.current).toBe('connected');
  });
});

describe('useConnectionState', () => {
  it('returns status and the last error', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useConnectionState({ session }));
    expect(result.current).toEqual({ status: 'idle', error: null });
    const error = { source: 'transport' as const, code: 'ice_failed', message: 'ICE failed' };
    act(() => session.setState({ status: 'error', error }));
    expect(result.current).toEqual({ status: 'error', error });
  });
});

describe('useRealtimeSession', () => {
  it('returns actions with stable identities and the status', async () => {
    const session = createFakeSession();
    const { result, rerender } = renderHook(() => useRealtimeSession(), { wrapper: withSession(session) });
    const first = result.current;
    expect(first.status).toBe('idle');
    expect(first.session).toBe(session);
    await act(() => first.connect());
    expect(result.current.status).toBe('connected');
    rerender();
    for (const name of ['connect', 'disconnect', 'sendText', 'interrupt', 'setMuted', 'updateSession', 'stillHere'] as const) {
      expect(result.current[name]).toBe(first[name]);
    }
    result.current.sendText('hello');
    act(() => result.current.setMuted(true));
    result.current.stillHere();
    expect(session.calls).toEqual(['connect', 'sendText:hello', 'setMuted:true', 'stillHere']);
  });

  it('works with an explicit session and no provider', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useRealtimeSession({ session }));
    result.current.interrupt();
    expect(session.calls).toEqual(['interrupt']);
  });
});
