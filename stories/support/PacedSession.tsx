import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { RealtimeProvider } from '../../src/index.ts';
import type { RealtimeSession } from '../../src/index.ts';
import { createPacedClock } from './createPacedClock.ts';
import { useDirectableRun } from './useDirectableRun.ts';
import type { PacedClock } from './createPacedClock.ts';
import type { ScenarioRun } from './scenarioRegistry.ts';

/** What a story builds for one run: the kit's session, anything else its page shows, and how to let go of it. */
export interface PacedSessionRun {
  session: RealtimeSession;
  /** Called when the run ends (the story unmounts or a play function restarts it), after the session disconnected. */
  dispose?: () => void;
}

/** Props of {@link PacedSession}. */
export interface PacedSessionProps<Run extends PacedSessionRun> {
  /**
   * Build one run on this clock: everything scripted in it (its server, its transport, the
   * session) must be timed by `clock`, so a play function can hold it. Called again for each
   * run: a play function's `directScenario()` starts a fresh one, held at time 0.
   */
  create: (clock: PacedClock) => Run;
  /** Playback speed (1 = real time). */
  speed?: number;
  /** Connect on mount (default true); otherwise the user presses "Start session". */
  autoConnect?: boolean;
  /** The page, given the run it shows; rendered under a `RealtimeProvider` of the run's session. */
  children: (run: Run) => ReactNode;
}

interface Run<Value extends PacedSessionRun> extends ScenarioRun {
  readonly id: number;
  readonly value: Value;
  readonly directed: boolean;
  readonly markStarted: () => void;
}

let runCount = 0;

function createRun<Value extends PacedSessionRun>(props: PacedSessionProps<Value>, directed: boolean): Run<Value> {
  const clock = createPacedClock(props.speed ?? 1);
  const value = props.create(clock);
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  return { id: ++runCount, clock, session: value.session, value, directed, started, markStarted };
}

/**
 * A story's session on a {@link PacedClock}, for sessions that `ScenarioSession` cannot build
 * (it plays on the kit's mock transport): here the story builds the whole run itself, for
 * example a real Agents SDK session over a scripted socket. Like `ScenarioSession`, it
 * connects on mount, plays by itself for a person watching, and lets a play function take it
 * over with `directScenario()` (a fresh run held at time 0, moved only until the state it
 * waits for); it tears the run down when the story unmounts.
 *
 * @example
 * ```tsx
 * <PacedSession create={(clock) => ({ session: createRealtimeSession({ transport: makeTransport(clock), clock }) })}>
 *   {() => <VoiceSessionView title="Support" />}
 * </PacedSession>
 * ```
 */
export function PacedSession<Value extends PacedSessionRun>(props: PacedSessionProps<Value>) {
  const run = useDirectableRun(props, createRun);

  useEffect(() => {
    if (!run.directed) run.clock.play();
    if (props.autoConnect !== false) run.session.connect().catch(() => undefined);
    // A session may take a few promise turns before its first timer is on the clock (the Agents
    // SDK prepares its agent, then asks for its socket); a play function that found the clock
    // empty meanwhile would read the scenario as over. Those turns are done by the next task.
    const started = setTimeout(run.markStarted, 0);
    return () => {
      clearTimeout(started);
      run.session.disconnect();
      run.value.dispose?.();
      run.clock.dispose();
    };
    // A run is made from the props it started with; a new `key` makes a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);

  return (
    <RealtimeProvider key={run.id} session={run.session}>
      {props.children(run.value)}
    </RealtimeProvider>
  );
}
