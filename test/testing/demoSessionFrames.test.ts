// @vitest-environment jsdom
// A demo on a virtual clock (the `clock` option, for tests) renders as that clock moves: the
// transcript's frame-coalesced updates come from the clock too, not from real animation frames
// that may or may not run while a test awaits.
import { createElement } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { IdleBanner, RealtimeProvider, TranscriptView } from '../../src/index.ts';
import { createDemoSession, createVirtualClock, demoTimeline } from '../../src/testing/index.ts';

// No real frame ever comes: the test sees only what the virtual clock makes happen.
beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('the transcript of a demo on a virtual clock shows the conversation as the clock advances', async () => {
  const clock = createVirtualClock();
  const demo = createDemoSession({ clock });
  render(createElement(RealtimeProvider, { session: demo, autoConnect: true }, createElement(TranscriptView), createElement(IdleBanner)));
  await act(() => clock.advanceAsync(300 + demoTimeline().at(-1)!.atMs + 100));

  expect(screen.getByRole('button', { name: "I'm still here" })).toBeTruthy();
  const log = screen.getByRole('log');
  expect(log.textContent).toContain('Hi! Can you help me plan a weekend in Lisbon?');
  expect(log.textContent).toContain('Are you still there?');
  demo.disconnect();
});
