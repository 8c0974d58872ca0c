import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { RealtimeProvider, createRealtimeSession } from '../../src/index.ts';
import type { IdlePolicy, IdleState, SessionConfig } from '../../src/index.ts';
import { createMockTransport, createVirtualClock, play } from '../../src/testing/index.ts';
import type { MockTransport, PlayController, Timeline } from '../../src/testing/index.ts';
import { createPacedClock } from './createPacedClock.ts';
import { useDirectableRun } from './useDirectableRun.ts';
import type { ScenarioRun } from './scenarioRegistry.ts';

/** Props of {@link ScenarioSession}. */
export interface ScenarioSessionProps {
  /** The scripted server. Played from the start each time the session connects. */
  timeline: Timeline;
  /**
   * What the server says once the user answers the idle banner ("I'm still here", or typing):
   * played after `timeline`, so the conversation goes on. Build it with `scenario({ after })`.
   */
  afterUserReturns?: Timeline;
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

interface Run extends ScenarioRun {
  readonly id: number;
  readonly transport: MockTransport;
  /** Held at time 0 for a play function to drive, instead of playing by itself. */
  readonly directed: boolean;
  readonly markStarted: () => void;
}

let runCount = 0;

function createRun(props: ScenarioSessionProps, directed: boolean): Run {
  const clock = createPacedClock(props.speed ?? 1);
  const transport = createMockTransport({
    clock,
    connectDelayMs: 300,
    connectError: props.connectError ? new Error(props.connectError) : undefined,
  });
  const session = createRealtimeSession({ transport, clock, idle: props.idle, config: props.config });
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  return { id: ++runCount, clock, transport, session, directed, started, markStarted };
}

/** The banner was open and the user answered it (rather than the session ending). */
function userAnsweredBanner(idle: IdleState, previous: IdleState): boolean {
  const wasOpen = previous.phase === 'timed_out' || previous.phase === 'ending';
  const isOpen = idle.phase === 'timed_out' || idle.phase === 'ending' || idle.phase === 'ended';
  return wasOpen && !isOpen && idle.timeouts === 0;
}

/** Plays the scripted server of one run into its transport; returns the teardown. */
function startScript(run: Run, props: ScenarioSessionProps): () => void {
  const { session, clock, transport } = run;
  let playback: PlayController | undefined;
  let followUp: PlayController | 'waiting' | undefined;
  const stopAll = () => {
    playback?.stop();
    if (followUp && followUp !== 'waiting') followUp.stop();
    playback = followUp = undefined;
  };
  const offStatus = session.on('status_changed', (event) => {
    if (event.status !== 'connected') return;
    stopAll();
    if (props.instant) {
      // Everything at once on a private virtual clock: the session sees a finished history.
      const virtual = createVirtualClock(0);
      virtual.advance(play(props.timeline, { transport, clock: virtual }).endsAt + 1);
      return;
    }
    playback = play(props.timeline, { transport, clock });
  });
  const offIdle = session.on('idle_changed', ({ idle, previous }) => {
    const script = props.afterUserReturns;
    if (!script || followUp || !userAnsweredBanner(idle, previous)) return;
    followUp = 'waiting';
    const first = playback;
    // The user may answer while the first script still plays: the follow-up waits for its end.
    void (first ? first.done : Promise.resolve()).then(() => {
      if (followUp !== 'waiting' || session.getState().status !== 'connected') return;
      followUp = play(script, { transport, clock });
    });
  });
  return () => {
    offStatus();
    offIdle();
    stopAll();
  };
}

/**
 * Runs a scripted Realtime session on the mock transport for a story: no server, no API key,
 * no network. Creates the session, connects it, plays `timeline` into the transport (and
 * `afterUserReturns` once the user answers the idle banner), and tears everything down when
 * the story unmounts. Remount (a new `key`) to replay.
 *
 * Time is a {@link PacedClock}: it plays by itself at `speed` for a person watching, and a play
 * function can take it over with `directScenario()`, which restarts the run held at time 0 and
 * moves it only until the state the play function waits for. So no check races the script.
 */
export function ScenarioSession(props: ScenarioSessionProps) {
  const run = useDirectableRun(props, createRun);

  useEffect(() => {
    const stopScript = startScript(run, props);
    if (!run.directed) run.clock.play();
    if (props.autoConnect !== false) run.session.connect().catch(() => undefined);
    run.markStarted();
    return () => {
      stopScript();
      run.session.disconnect();
      run.clock.dispose();
    };
    // A run is made from the props it started with; a new `key` makes a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);

  return (
    <RealtimeProvider key={run.id} session={run.session}>
      {props.children}
    </RealtimeProvider>
  );
}
