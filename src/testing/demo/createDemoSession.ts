import { createRealtimeSession } from '../../core/session/createRealtimeSession.ts';
import { systemClock } from '../../core/session/clock.ts';
import { MAX_TIMER_DELAY_MS } from '../../core/protocol/timerDuration.ts';
import type { Clock, TimerHandle } from '../../core/session/clock.ts';
import type { SessionConfig } from '../../core/protocol/index.ts';
import type { IdlePolicy, IdleState, RealtimeSession } from '../../core/session/types.ts';
import { runFramesOnClock } from '../runFramesOnClock.ts';
import { createMockTransport } from '../createMockTransport.ts';
import { play } from '../scenario/play.ts';
import type { PlayController } from '../scenario/play.ts';
import type { Timeline } from '../scenario/types.ts';
import { createUniqueIdFactory } from '../scenario/createIdFactory.ts';
import { createScaledClock } from './createScaledClock.ts';
import { echoCreatedItem } from './echoCreatedItem.ts';
import { demoTimeline, demoWelcomeBack } from './demoTimeline.ts';

/**
 * Options of {@link createDemoSession}. Every option has a default: `createDemoSession()` alone
 * plays {@link demoTimeline}, a conversation that ends in the idle timeout and its banner.
 *
 * @example
 * ```ts
 * const options: DemoSessionOptions = { speed: 2, loop: true, idle: { timeoutMs: 8000, maxTimeouts: 2 } };
 * ```
 */
export interface DemoSessionOptions {
  /**
   * The scripted server, played from its start each time the session connects. A function is
   * called for each connection: return a new timeline (a new `scenario()` builder) so a replay
   * adds new transcript rows; a timeline given as is replays the same item ids, which the
   * transcript treats as the same rows. Default: `() => demoTimeline({ idleTimeoutMs })`, with
   * the `idle.timeoutMs` you give (8000 by default).
   */
  timeline?: Timeline | (() => Timeline);
  /**
   * What the scripted server says once the user answers the idle banner ("I'm still here",
   * speaking or typing), so the conversation goes on: called with the timeline that played,
   * build the answer with `scenario({ after: played })`. Played once per connection, after
   * the timeline has finished. Default: with the default timeline, the assistant welcomes the
   * user back; with your own timeline, nothing. `false`: nothing.
   */
  afterUserReturns?: false | ((played: Timeline) => Timeline);
  /**
   * Playback speed, 1 = real time (default). The session runs on the same sped-up clock, so its
   * silence clock and countdowns keep pace with the script and still read in real seconds.
   */
  speed?: number;
  /**
   * Play the demo again when it ends by itself (the idle policy ended the session, or the
   * timeline dropped the connection): connect again after `loopDelayMs`. A `disconnect()` you
   * call (the "End session" button of `SessionControls` or the idle banner) stops the loop until the next `connect()`. Default false.
   */
  loop?: boolean;
  /** Pause before a loop reconnects, in milliseconds of demo time (0 to 2147483647). Default 3000. */
  loopDelayMs?: number;
  /** The idle policy (as in `createRealtimeSession`). Default `{ timeoutMs: 8000 }`. */
  idle?: Partial<IdlePolicy>;
  /** The initial session config (as in `createRealtimeSession`). */
  config?: SessionConfig;
  /** How long connecting takes, in milliseconds of demo time (0 to 2147483647), so "Connecting…" shows. Default 300. */
  connectDelayMs?: number;
  /**
   * The clock under the demo; tests pass a virtual clock. It also times the frames in which
   * streaming updates reach React (every 16 ms of it), so the UI is current as it advances.
   * Default: the real clock and real animation frames.
   */
  clock?: Clock;
}

const DEFAULT_IDLE: Partial<IdlePolicy> = { timeoutMs: 8000 };

/**
 * Demo mode: a {@link RealtimeSession} that needs no server, no network and no API key. It
 * runs on a mock transport, on the real clock (sped up by `speed`), and plays a scripted
 * conversation each time it connects. Give it to `<RealtimeProvider session={demo}>`: every
 * hook and component works on it as on a real session. For a landing page, a design review or
 * a screenshot.
 *
 * Lifecycle: each `connect()` plays the timeline from its start once connected (a reconnect
 * replays it), and `afterUserReturns` once the user answers the idle banner; `disconnect()`, or
 * the connection ending in any other way, stops the playback and every demo timer. Text the user
 * sends (`sendText`) is added to the conversation as a real server adds it, so it shows in the
 * transcript; the script itself does not answer it. The session keeps its transcript across
 * connections, like a real one.
 *
 * @example The headline feature in one line: a conversation, the user goes quiet, the idle banner
 * ```tsx
 * import { RealtimeProvider, ConnectionIndicator, TranscriptView, IdleBanner } from 'react-realtime-kit';
 * import { createDemoSession } from 'react-realtime-kit/testing';
 *
 * const demo = createDemoSession();
 *
 * export function LandingDemo() {
 *   return (
 *     <RealtimeProvider session={demo} autoConnect>
 *       <ConnectionIndicator />
 *       <TranscriptView />
 *       <IdleBanner />
 *     </RealtimeProvider>
 *   );
 * }
 * ```
 *
 * @example Owned by one component: connect in an effect, disconnect on unmount (one connection under StrictMode)
 * ```tsx
 * function DesignReview() {
 *   const [demo] = useState(() => createDemoSession({ speed: 2 }));
 *   useEffect(() => {
 *     void demo.connect();
 *     return () => demo.disconnect();
 *   }, [demo]);
 *   return <RealtimeProvider session={demo}><IdleBanner /></RealtimeProvider>;
 * }
 * ```
 *
 * @example Your own script, twice as fast, playing again whenever it ends
 * ```ts
 * const demo = createDemoSession({
 *   timeline: () => scenario().sessionCreated({ idleTimeoutMs: 5000 }).userSays('Hi').assistantSays('Hello!').idleTimeout().build(),
 *   idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 10000 },
 *   speed: 2,
 *   loop: true,
 * });
 * ```
 */
export function createDemoSession(options: DemoSessionOptions = {}): RealtimeSession {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`createDemoSession() speed must be a positive number, got ${String(speed)}`);
  const loopDelayMs = checkedDelay('loopDelayMs', options.loopDelayMs ?? 3000);
  const connectDelayMs = checkedDelay('connectDelayMs', options.connectDelayMs ?? 300);
  const idle = options.idle ?? DEFAULT_IDLE;
  const timelineOf = resolveTimeline(options.timeline, idle);
  const clock = createScaledClock(options.clock ?? systemClock, speed);
  const transport = createMockTransport({ clock, connectDelayMs });
  const session = createRealtimeSession({ transport, clock, idle, config: options.config });
  // A clock of your own (a virtual clock in tests) also times the frames that coalesce
  // streaming updates (useTranscript), so the UI is current whenever that clock has moved,
  // not whenever a real animation frame happens to run.
  if (options.clock) runFramesOnClock(session, clock);

  const afterUserReturns = options.afterUserReturns ?? (options.timeline === undefined ? demoWelcomeBack : false);

  // One connection's playback: the timeline, then the follow-up once the user answers the banner.
  let connection = 0;
  let played: Timeline | undefined;
  let playback: PlayController | undefined;
  let followUp: PlayController | 'waiting' | undefined;
  let restart: TimerHandle | undefined;
  let timelineFailed = false;
  const echoes = new Set<TimerHandle>();
  const stopTimers = () => {
    connection++;
    playback?.stop();
    if (followUp !== undefined && followUp !== 'waiting') followUp.stop();
    playback = followUp = played = undefined;
    if (restart !== undefined) clock.clearTimeout(restart);
    restart = undefined;
    for (const echo of echoes) clock.clearTimeout(echo);
    echoes.clear();
  };

  // Text the user types: the scripted server adds it to the conversation, as a real one does,
  // on the next tick (the session is still sending). It joins the played timeline, so a
  // follow-up built with `scenario({ after: played })` goes after it.
  const ids = createUniqueIdFactory();
  const sendToServer = transport.send.bind(transport);
  transport.send = (event) => {
    sendToServer(event);
    if (!played) return;
    const shown = session.getState().transcript.items;
    const steps = echoCreatedItem(event, shown.at(-1)?.id ?? null, ids, played.at(-1)?.atMs ?? 0);
    if (!steps) return;
    played = [...played, ...steps];
    const echo = clock.setTimeout(() => {
      echoes.delete(echo);
      for (const step of steps) transport.emit(step.event);
    }, 0);
    echoes.add(echo);
  };

  session.on('status_changed', (event) => {
    if (event.status === 'connecting') return stopTimers();
    if (event.status === 'connected') {
      stopTimers();
      timelineFailed = false;
      try {
        played = timelineOf();
      } catch (error) {
        // Say why, where the app shows connection errors, rather than sit "Connected" in silence.
        timelineFailed = true;
        const reason = error instanceof Error ? error.message : String(error);
        transport.drop(new Error(`createDemoSession(): the timeline could not be built: ${reason}`));
        return;
      }
      playback = play(played, { transport, clock });
      return;
    }
    stopTimers();
    // Ended by itself: the idle policy's end (phase `ended`) or a dropped connection (`error`).
    // A plain disconnect while the idle policy had not ended the session is the user's: no loop.
    // Nor a timeline that cannot be built: it would fail the same way again.
    const endedByItself = event.status === 'error' || session.getState().idle.phase === 'ended';
    if (options.loop && endedByItself && !timelineFailed && event.previous === 'connected') {
      restart = clock.setTimeout(() => {
        restart = undefined;
        // A failure is in the session state (status `error`); the demo has nothing to add.
        session.connect().catch(() => undefined);
      }, loopDelayMs);
    }
  });

  session.on('idle_changed', ({ idle, previous }) => {
    if (!afterUserReturns || !played || followUp !== undefined || !userAnsweredBanner(idle, previous)) return;
    followUp = 'waiting';
    const script = afterUserReturns(played);
    const current = connection;
    // The user may answer while the timeline still plays: the follow-up waits for its end.
    const start = () => {
      if (current !== connection || session.getState().status !== 'connected') return;
      followUp = play(script, { transport, clock });
    };
    (playback ? playback.done : Promise.resolve()).then(start, () => undefined);
  });
  return session;
}

/** A delay a timer can hold: setTimeout fires a longer one after 1 ms instead. */
function checkedDelay(name: string, ms: number): number {
  if (typeof ms === 'number' && ms >= 0 && ms <= MAX_TIMER_DELAY_MS) return ms;
  throw new RangeError(`createDemoSession() ${name} must be a number of ms from 0 to ${MAX_TIMER_DELAY_MS}, got ${String(ms)}`);
}

/** The banner was open and the user answered it (rather than the session ending). */
function userAnsweredBanner(idle: IdleState, previous: IdleState): boolean {
  const wasOpen = previous.phase === 'timed_out' || previous.phase === 'ending';
  const isOpen = idle.phase === 'timed_out' || idle.phase === 'ending' || idle.phase === 'ended';
  return wasOpen && !isOpen && idle.timeouts === 0;
}

function resolveTimeline(timeline: DemoSessionOptions['timeline'], idle: Partial<IdlePolicy>): () => Timeline {
  if (typeof timeline === 'function') return timeline;
  if (timeline) return () => timeline;
  const idleTimeoutMs = typeof idle.timeoutMs === 'number' ? idle.timeoutMs : 8000;
  return () => demoTimeline({ idleTimeoutMs });
}
