import { act, render, type RenderOptions, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createRealtimeSession } from '../core/session/index.ts';
import type { CreateRealtimeSessionOptions, RealtimeSession } from '../core/session/types.ts';
import { RealtimeProvider } from '../react/RealtimeProvider.tsx';
import { flushFrame } from '../react/subscribeOncePerFrame.ts';
import { createMockTransport, type MockTransport, type MockTransportOptions } from './createMockTransport.ts';
import { createVirtualClock, type VirtualClock } from './createVirtualClock.ts';
import { runFramesOnClock } from './runFramesOnClock.ts';
import { play, type PlayController, type PlayOptions } from './scenario/play.ts';
import type { Timeline } from './scenario/types.ts';

/** Options of {@link renderWithSession}. */
export interface RenderWithSessionOptions extends Omit<RenderOptions, 'queries'> {
  /** Initial session config, as for `createRealtimeSession`. */
  config?: CreateRealtimeSessionOptions['config'];
  /** Idle policy, as for `createRealtimeSession`. */
  idle?: CreateRealtimeSessionOptions['idle'];
  /** A mock transport to use, or options for the one created. */
  transport?: MockTransport | MockTransportOptions;
  /** A virtual clock to use; default a new one at time 0. */
  clock?: VirtualClock;
  /**
   * Connect before resolving (default true), so the test can emit server events at once. A
   * connection that waits on the virtual clock (`transport: { connectDelayMs }`) is driven by
   * advancing the clock (with `advanceAsync`) until it settles. Set false to test the
   * disconnected UI.
   */
  connect?: boolean;
}

/** What {@link renderWithSession} resolves to: Testing Library's result plus the session's parts. */
export interface RenderWithSessionResult extends RenderResult {
  /** Unmount the tree, disconnect the session and remove the container from the page. */
  unmount(): void;
  session: RealtimeSession;
  transport: MockTransport;
  clock: VirtualClock;
  /**
   * Move the virtual clock forward inside `act()`, so timers and re-renders settle: frames of
   * frame-coalesced hooks (`useTranscript`) run on the virtual clock, and a frame still pending
   * at the end runs too, so the DOM shows every change up to the new time. `advance(0)` just
   * settles what a test emitted directly.
   */
  advance(ms: number): void;
  /**
   * Like `advance`, with the clock's `advanceAsync` inside an async `act()`: promises settle
   * between timers. Await it when a timer's effect goes through a promise.
   */
  advanceAsync(ms: number): Promise<void>;
  /** Play a scenario timeline into the mock transport on the virtual clock (then `advance`). */
  play(timeline: Timeline, options?: Omit<PlayOptions, 'transport' | 'clock'>): PlayController;
}

/**
 * Render UI inside a {@link RealtimeProvider} whose session runs on a mock transport and a
 * virtual clock, connected and ready for server events. No server, no API key, no waiting.
 *
 * Unmount with `unmount()` or, after each test, {@link cleanup} (`afterEach(cleanup)`): both
 * disconnect the session too. If connecting fails, the tree is unmounted and the error thrown.
 *
 * It lives in its own entry point, `react-realtime-kit/testing/react`, because it needs
 * `@testing-library/react`, which the framework-free `react-realtime-kit/testing` must not.
 *
 * @example
 * ```tsx
 * import { renderWithSession } from 'react-realtime-kit/testing/react';
 * import { scenario } from 'react-realtime-kit/testing';
 *
 * it('asks whether the user is still there', async () => {
 *   const { play, advance, getByRole } = await renderWithSession(<IdleBanner />, { idle: { timeoutMs: 8000 } });
 *   play(scenario().sessionCreated({ idleTimeoutMs: 8000 }).assistantSays('Hi!').idleTimeout().build());
 *   advance(20_000);
 *   expect(getByRole('status')).toHaveTextContent(/still there/i);
 * });
 * ```
 */
export async function renderWithSession(
  ui: ReactElement,
  options: RenderWithSessionOptions = {},
): Promise<RenderWithSessionResult> {
  const { config, idle, transport: transportOption, clock: clockOption, connect = true, wrapper: Inner, ...renderOptions } =
    options;
  const clock = clockOption ?? createVirtualClock(0);
  const transport = isMockTransport(transportOption) ? transportOption : createMockTransport({ clock, ...transportOption });
  const session = createRealtimeSession({ transport, config, idle, clock });
  // Frame-coalesced hooks (useTranscript) get their frames from the virtual clock, every 16 ms
  // of it, so advance() re-renders them like real frames would; advance() flushes the last one.
  runFramesOnClock(session, clock);

  function Wrapper({ children }: { children?: ReactNode }) {
    return <RealtimeProvider session={session}>{Inner ? <Inner>{children}</Inner> : children}</RealtimeProvider>;
  }
  const result = render(ui, { ...renderOptions, wrapper: Wrapper });
  let mounted = true;
  const rendered: Rendered = {
    unmount() {
      if (!mounted) return;
      mounted = false;
      rendered.unmount = () => {};
      mountedTrees.delete(rendered);
      result.unmount();
      session.disconnect();
      // Like Testing Library's cleanup: take out the container it appended to the page.
      if (!renderOptions.container && result.container.parentNode === result.baseElement) {
        result.baseElement.removeChild(result.container);
      }
    },
  };
  mountedTrees.add(rendered);
  if (connect) {
    try {
      await act(async () => {
        const connecting = session.connect();
        let settled = false;
        connecting.then(
          () => (settled = true),
          () => (settled = true),
        );
        // A connection that waits on the virtual clock (`connectDelayMs`): move the clock from
        // timer to timer, letting promises settle in between, until the connect settles.
        await clock.advanceAsync(0);
        for (let next = clock.nextTimerAt(); !settled && next !== null; next = clock.nextTimerAt()) {
          await clock.advanceAsync(next - clock.now());
        }
        await connecting;
      });
    } catch (error) {
      rendered.unmount();
      throw error;
    }
  }
  return {
    ...result,
    unmount: () => rendered.unmount(),
    session,
    transport,
    clock,
    advance: (ms) =>
      act(() => {
        clock.advance(ms);
        flushFrame(session);
      }),
    advanceAsync: (ms) =>
      act(async () => {
        await clock.advanceAsync(ms);
        flushFrame(session);
      }),
    play: (timeline, playOptions) => play(timeline, { ...playOptions, transport, clock }),
  };
}

interface Rendered {
  unmount(): void;
}

/** Trees rendered by {@link renderWithSession} and not unmounted yet. */
const mountedTrees = new Set<Rendered>();

/**
 * Unmount every tree {@link renderWithSession} rendered (and not unmounted yet), disconnect
 * their sessions and remove their containers from the page.
 *
 * Call it after each test: `afterEach(cleanup)`. With Vitest `globals: true` (or Jest), where
 * `afterEach` is a global, importing `react-realtime-kit/testing/react` registers it for you.
 *
 * @example
 * ```ts
 * import { afterEach } from 'vitest';
 * import { cleanup } from 'react-realtime-kit/testing/react';
 *
 * afterEach(cleanup);
 * ```
 */
export function cleanup(): void {
  for (const tree of [...mountedTrees]) act(() => tree.unmount());
}

// Like Testing Library: register the cleanup when the test runner exposes a global `afterEach`.
declare const afterEach: ((fn: () => void) => void) | undefined;
if (typeof afterEach === 'function' && !readEnv('RTL_SKIP_AUTO_CLEANUP')) afterEach(cleanup);

function readEnv(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return process?.env?.[name];
}

function isMockTransport(value: RenderWithSessionOptions['transport']): value is MockTransport {
  return typeof value === 'object' && value !== null && typeof (value as MockTransport).emit === 'function';
}
