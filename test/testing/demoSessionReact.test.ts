// @vitest-environment jsdom
// The demo mode in a React app: one provider, StrictMode, the components on top of it.
import { StrictMode, createElement, useEffect, useState } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ConnectionIndicator, IdleBanner, RealtimeProvider, SessionControls } from '../../src/index.ts';
import { createDemoSession, createVirtualClock, demoTimeline } from '../../src/testing/index.ts';
import type { VirtualClock } from '../../src/testing/index.ts';

afterEach(cleanup);

const advance = (clock: VirtualClock, ms: number) => act(() => clock.advanceAsync(ms));

function renderDemo(demo: ReturnType<typeof createDemoSession>) {
  return render(
    createElement(
      StrictMode,
      null,
      createElement(
        RealtimeProvider,
        { session: demo, autoConnect: true },
        createElement(ConnectionIndicator),
        createElement(SessionControls),
        createElement(IdleBanner),
      ),
    ),
  );
}

it('under StrictMode with autoConnect: one connection, one playback, and the idle banner opens', async () => {
  const clock = createVirtualClock();
  const demo = createDemoSession({ clock });
  const statuses: string[] = [];
  demo.on('status_changed', (event) => statuses.push(event.status));
  renderDemo(demo);

  await advance(clock, 300);
  expect(statuses).toEqual(['connecting', 'connected']);
  await advance(clock, demoTimeline().at(-1)!.atMs + 1);

  const stillHere = screen.getByRole('button', { name: "I'm still here" });
  expect(stillHere.closest('[role="status"]')?.getAttribute('data-phase')).toBe('timed_out');
  // One playback: one idle marker and one re-prompt, not two.
  const items = demo.getState().transcript.items;
  expect(items.filter((item) => item.kind === 'idle_timeout')).toHaveLength(1);
  expect(items.filter((item) => item.role === 'assistant' && item.text === 'Are you still there?')).toHaveLength(1);
  expect(statuses).toEqual(['connecting', 'connected']);
});

it('the "Disconnect" button stops the demo; "Connect" replays it', async () => {
  const clock = createVirtualClock();
  const demo = createDemoSession({ clock });
  renderDemo(demo);
  await advance(clock, 300 + 3000);
  await act(async () => screen.getByRole('button', { name: 'End session' }).click());
  expect(demo.getState().status).toBe('disconnected');
  const before = demo.getState().transcript.items.length;
  await advance(clock, 60_000);
  expect(demo.getState().transcript.items).toHaveLength(before);
  expect(clock.pending()).toBe(0);

  await act(async () => screen.getByRole('button', { name: 'Start session' }).click());
  await advance(clock, 300 + demoTimeline().at(-1)!.atMs + 1);
  expect(screen.getByRole('button', { name: "I'm still here" })).toBeTruthy();
  expect(demo.getState().transcript.items.filter((item) => item.kind === 'idle_timeout')).toHaveLength(1);
});

it('a demo owned by a component (connect in an effect, disconnect on unmount) connects once under StrictMode and stops on unmount', async () => {
  const clock = createVirtualClock();
  let demo: ReturnType<typeof createDemoSession> | undefined;
  const connected: string[] = [];
  function OwnDemo() {
    const [session] = useState(() => {
      const created = createDemoSession({ clock });
      created.on('status_changed', (event) => {
        if (event.status === 'connected') connected.push(event.status);
      });
      return created;
    });
    demo = session;
    useEffect(() => {
      void session.connect();
      return () => session.disconnect();
    }, [session]);
    return createElement(RealtimeProvider, { session }, createElement(IdleBanner));
  }
  const { unmount } = render(createElement(StrictMode, null, createElement(OwnDemo)));
  await advance(clock, 300 + demoTimeline().at(-1)!.atMs + 1);
  expect(connected).toHaveLength(1);
  expect(screen.getByRole('button', { name: "I'm still here" })).toBeTruthy();
  expect(demo!.getState().transcript.items.filter((item) => item.kind === 'idle_timeout')).toHaveLength(1);

  unmount();
  expect(demo!.getState().status).toBe('disconnected');
  expect(clock.pending()).toBe(0);
});
