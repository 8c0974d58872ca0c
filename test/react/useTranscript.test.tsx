import { act, render, renderHook } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './helpers/autoCleanup.ts';
import type { TranscriptItem } from '../../src/core/session/types.ts';
import { useTranscript } from '../../src/react/useTranscript.ts';
import { createFakeSession } from './helpers/createFakeSession.ts';
import { withSession } from './helpers/withSession.tsx';

const item = (id: string, role: TranscriptItem['role'], text: string, kind: TranscriptItem['kind'] = 'message'): TranscriptItem => ({
  id,
  role,
  kind,
  text,
  status: 'completed',
  previousItemId: null,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** One animation frame. */
const frame = () => act(() => vi.advanceTimersByTime(16));

describe('useTranscript', () => {
  it('filters roles and shows or hides idle markers', () => {
    const session = createFakeSession();
    session.putItem(item('u1', 'user', 'Hi'));
    session.putItem(item('a1', 'assistant', 'Hello'));
    session.putItem(item('u2', 'user', '', 'idle_timeout'));
    session.putItem(item('s1', 'system', 'note'));
    const ids = (options?: Parameters<typeof useTranscript>[0]) =>
      renderHook(() => useTranscript(options), { wrapper: withSession(session) }).result.current.items.map((i) => i.id);
    expect(ids()).toEqual(['u1', 'a1', 'u2', 's1']);
    expect(ids({ roles: ['user', 'assistant'] })).toEqual(['u1', 'a1', 'u2']);
    expect(ids({ idleMarkers: false })).toEqual(['u1', 'a1', 's1']);
    expect(ids({ roles: ['user'], idleMarkers: false })).toEqual(['u1']);
  });

  it('returns the session transcript array itself when unfiltered', () => {
    const session = createFakeSession();
    session.putItem(item('u1', 'user', 'Hi'));
    const { result } = renderHook(() => useTranscript({ session }));
    expect(result.current.items).toBe(session.getState().transcript.items);
  });

  it('commits at most once per animation frame while text streams', () => {
    const session = createFakeSession();
    let commits = 0;
    function Transcript() {
      const { items } = useTranscript();
      return <p>{items.map((i) => i.text).join('|')}</p>;
    }
    const { container } = render(
      <Profiler id="t" onRender={() => commits++}>
        <Transcript />
      </Profiler>,
      { wrapper: withSession(session) },
    );
    commits = 0;
    // 500 deltas, 10 per frame, each delivered on its own (as socket messages are).
    for (let f = 0; f < 50; f++) {
      for (let d = 0; d < 10; d++) act(() => session.streamDelta('a1', 'x'));
      frame();
    }
    expect(container.textContent).toBe('x'.repeat(500));
    expect(commits).toBe(50);
    // A burst inside one frame is one commit, and an idle frame is none.
    for (let d = 0; d < 100; d++) act(() => session.streamDelta('a1', 'y'));
    frame();
    frame();
    expect(commits).toBe(51);
    expect(container.textContent).toHaveLength(600);
  });

  it('shares one frame between consumers, and skips those whose filter excludes the stream', () => {
    const session = createFakeSession();
    session.putItem(item('u1', 'user', 'Hi'));
    const commits = { all: 0, users: 0, pairs: 0 };
    function All() {
      return <p>{useTranscript().items.length}</p>;
    }
    function Users() {
      return <p>{useTranscript({ roles: ['user'] }).items.length}</p>;
    }
    render(
      <>
        <Profiler id="pair" onRender={() => commits.pairs++}>
          <Profiler id="all" onRender={() => commits.all++}>
            <All />
          </Profiler>
          <Profiler id="users" onRender={() => commits.users++}>
            <Users />
          </Profiler>
        </Profiler>
      </>,
      { wrapper: withSession(session) },
    );
    commits.all = commits.users = commits.pairs = 0;
    for (let f = 0; f < 5; f++) {
      for (let d = 0; d < 20; d++) act(() => session.streamDelta('a1', 'x'));
      frame();
    }
    expect(commits).toEqual({ all: 5, users: 0, pairs: 5 });
  });

  it('falls back to setTimeout(16) without requestAnimationFrame', () => {
    const raf = globalThis.requestAnimationFrame;
    // @ts-expect-error: simulating an environment without requestAnimationFrame
    delete globalThis.requestAnimationFrame;
    try {
      const session = createFakeSession();
      const { result } = renderHook(() => useTranscript({ session }));
      act(() => session.streamDelta('a1', 'x'));
      expect(result.current.items).toHaveLength(0);
      act(() => vi.advanceTimersByTime(15));
      expect(result.current.items).toHaveLength(0);
      act(() => vi.advanceTimersByTime(1));
      expect(result.current.items).toHaveLength(1);
    } finally {
      globalThis.requestAnimationFrame = raf;
    }
  });

  it("coalesce: 'none' renders every change", () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useTranscript({ session, coalesce: 'none' }));
    act(() => session.streamDelta('a1', 'x'));
    expect(result.current.items[0]?.text).toBe('x');
  });

  it('stops its frame callbacks on unmount', () => {
    const session = createFakeSession();
    const { unmount } = renderHook(() => useTranscript({ session }));
    act(() => session.streamDelta('a1', 'x'));
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
