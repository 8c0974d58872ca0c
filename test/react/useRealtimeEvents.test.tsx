import { act, render, renderHook } from '@testing-library/react';
import { StrictMode, useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import type { SessionEvent } from '../../src/core/session/types.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { RealtimeProvider, useIdleTimeout } from '../../src/react/index.ts';
import { useRealtimeEvents } from '../../src/react/useRealtimeEvents.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { createFakeSession } from './helpers/createFakeSession.ts';
import { withSession } from './helpers/withSession.tsx';

const timeout = (count: number): SessionEvent => ({
  type: 'input_audio_timeout_triggered',
  itemId: `item_${count}`,
  audioStartMs: 1000,
  audioEndMs: 9000,
  idleMs: 8000,
  source: 'server',
  count,
});

describe('useRealtimeEvents', () => {
  it('calls the handler for the selected type only, in emission order', () => {
    const session = createFakeSession();
    const seen: string[] = [];
    renderHook(() => useRealtimeEvents('input_audio_timeout_triggered', (e) => seen.push(e.itemId ?? 'null')), {
      wrapper: withSession(session),
    });
    act(() => {
      session.emit(timeout(1));
      session.emit({ type: 'speech_started', itemId: 'u1', audioStartMs: 0 });
      session.emit(timeout(2));
    });
    expect(seen).toEqual(['item_1', 'item_2']);
  });

  it('subscribes to a list of types and to every event with *', () => {
    const session = createFakeSession();
    const listed: string[] = [];
    const all: string[] = [];
    renderHook(
      () => {
        useRealtimeEvents(['speech_started', 'speech_stopped'], (e) => listed.push(e.type));
        useRealtimeEvents('*', (e) => all.push(e.type));
      },
      { wrapper: withSession(session) },
    );
    act(() => {
      session.emit({ type: 'speech_started', itemId: 'u1', audioStartMs: 0 });
      session.emit({ type: 'server_event', event: { type: 'x.unknown' }, known: false });
      session.emit({ type: 'speech_stopped', itemId: 'u1', audioEndMs: 900 });
    });
    expect(listed).toEqual(['speech_started', 'speech_stopped']);
    expect(all).toEqual(['speech_started', 'server_event', 'speech_stopped']);
  });

  it('uses the latest handler without resubscribing, even with an inline array of types', () => {
    const session = createFakeSession();
    let subscriptions = 0;
    const on = session.on.bind(session);
    session.on = ((...args: Parameters<typeof on>) => {
      subscriptions++;
      return on(...args);
    }) as typeof session.on;
    const seen: string[] = [];
    const { rerender } = renderHook(
      ({ label }: { label: string }) =>
        useRealtimeEvents(['speech_started', 'speech_stopped'], (e) => seen.push(`${label}:${e.type}`)),
      { wrapper: withSession(session), initialProps: { label: 'a' } },
    );
    act(() => session.emit({ type: 'speech_started', itemId: 'u1', audioStartMs: 0 }));
    rerender({ label: 'b' });
    act(() => session.emit({ type: 'speech_stopped', itemId: 'u1', audioEndMs: 10 }));
    expect(seen).toEqual(['a:speech_started', 'b:speech_stopped']);
    expect(subscriptions).toBe(1);
  });

  it('unsubscribes on unmount and while disabled', () => {
    const session = createFakeSession();
    const seen: number[] = [];
    const { rerender, unmount } = renderHook(
      ({ enabled }: { enabled: boolean }) =>
        useRealtimeEvents('input_audio_timeout_triggered', (e) => seen.push(e.count), { session, enabled }),
      { initialProps: { enabled: false } },
    );
    act(() => session.emit(timeout(1)));
    rerender({ enabled: true });
    act(() => session.emit(timeout(2)));
    unmount();
    act(() => session.emit(timeout(3)));
    expect(seen).toEqual([2]);
  });
});

describe('useRealtimeEvents in the commit that mounts it', () => {
  function setupRealSession() {
    const clock = createVirtualClock();
    return createRealtimeSession({ transport: createMockTransport({ clock }), clock });
  }

  it("hears an event emitted by a child's passive effect", () => {
    const session = setupRealSession();
    const codes: string[] = [];
    function Child() {
      useIdleTimeout({ timeoutMs: 1000 });
      return null;
    }
    function Parent() {
      useRealtimeEvents('error', (e) => codes.push(e.error.code));
      return <Child />;
    }
    render(
      <RealtimeProvider session={session}>
        <Parent />
      </RealtimeProvider>,
    );
    expect(codes).toEqual(['invalid_idle_policy']);
  });

  it("hears an event emitted by an earlier hook's effect in the same component", () => {
    const session = setupRealSession();
    const codes: string[] = [];
    function Both() {
      useIdleTimeout({ timeoutMs: 1000 });
      useRealtimeEvents('error', (e) => codes.push(e.error.code));
      return null;
    }
    render(
      <RealtimeProvider session={session}>
        <Both />
      </RealtimeProvider>,
    );
    expect(codes).toEqual(['invalid_idle_policy']);
  });

  it("hears an event emitted by a child's layout effect", () => {
    const session = createFakeSession();
    const seen: number[] = [];
    function Child() {
      useLayoutEffect(() => session.emit(timeout(7)), []);
      return null;
    }
    function Parent() {
      useRealtimeEvents('input_audio_timeout_triggered', (e) => seen.push(e.count));
      return <Child />;
    }
    render(
      <RealtimeProvider session={session}>
        <Parent />
      </RealtimeProvider>,
    );
    expect(seen).toEqual([7]);
  });

  it('subscribes once under StrictMode: each event reaches the handler once', () => {
    const session = createFakeSession();
    const seen: number[] = [];
    function Listener() {
      useRealtimeEvents('input_audio_timeout_triggered', (e) => seen.push(e.count));
      return null;
    }
    render(
      <StrictMode>
        <RealtimeProvider session={session}>
          <Listener />
        </RealtimeProvider>
      </StrictMode>,
    );
    act(() => session.emit(timeout(1)));
    expect(seen).toEqual([1]);
  });
});
