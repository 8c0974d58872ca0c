import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { RealtimeProvider, createRealtimeSession } from '../../src/index.ts';
import type { Clock, IdlePolicy, RealtimeSession, SessionConfig } from '../../src/index.ts';
import { createMockTransport, createVirtualClock, play } from '../../src/testing/index.ts';
import type { MockTransport, Timeline } from '../../src/testing/index.ts';

/**
 * A clock that runs `speed` times faster than real time. The session and the scenario share
 * it, so at 4x the scripted server, the client silence clock and the grace countdown all move
 * at 4x together, and "8 s of silence" still reads as 8 s in the UI.
 */
export function createScaledClock(speed: number): Clock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * speed,
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, Math.max(0, ms) / speed),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/** Props of {@link ScenarioSession}. */
export interface ScenarioSessionProps {
  /** The scripted server. Played from the start each time the session connects. */
  timeline: Timeline;
  idle?: Partial<IdlePolicy>;
  config?: SessionConfig;
  /** Playback speed (1 = real time). */
  speed?: number;
  /** Connect on mount (default true); otherwise the user presses "Start session". */
  autoConnect?: boolean;
  /** Deliver the whole timeline at once (a long session that already happened). */
  instant?: boolean;
  /** Make `connect()` fail with this message. */
  connectError?: string;
  children: ReactNode;
}

interface StoryEnvironment {
  clock: Clock;
  transport: MockTransport;
  session: RealtimeSession;
}

/**
 * Runs a scripted Realtime session on the mock transport for a story: no server, no API key,
 * no network. Creates the session, connects it, plays `timeline` into the transport, and
 * tears everything down when the story unmounts. Remount (a new `key`) to replay.
 */
export function ScenarioSession({
  timeline,
  idle,
  config,
  speed = 1,
  autoConnect = true,
  instant = false,
  connectError,
  children,
}: ScenarioSessionProps) {
  const [env] = useState<StoryEnvironment>(() => {
    const clock = createScaledClock(speed);
    const transport = createMockTransport({
      clock,
      connectDelayMs: 300,
      connectError: connectError ? new Error(connectError) : undefined,
    });
    const session = createRealtimeSession({ transport, clock, idle, config });
    return { clock, transport, session };
  });

  useEffect(() => {
    const { session, transport, clock } = env;
    let stop: (() => void) | undefined;
    const off = session.on('status_changed', (event) => {
      if (event.status !== 'connected') return;
      stop?.();
      if (instant) {
        // Everything at once on a private virtual clock: the session sees a finished history.
        const virtual = createVirtualClock(0);
        const playback = play(timeline, { transport, clock: virtual });
        virtual.advance((timeline.at(-1)?.atMs ?? 0) + 1);
        stop = playback.stop;
      } else {
        stop = play(timeline, { transport, clock }).stop;
      }
    });
    if (autoConnect) session.connect().catch(() => undefined);
    return () => {
      off();
      stop?.();
      session.disconnect();
    };
  }, [env, timeline, instant, autoConnect]);

  return <RealtimeProvider session={env.session}>{children}</RealtimeProvider>;
}
