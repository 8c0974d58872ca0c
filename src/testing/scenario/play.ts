import { systemClock } from '../../core/session/clock.ts';
import type { Clock, TimerHandle } from '../../core/session/clock.ts';
import type { MockDelivery, MockTransport } from '../createMockTransport.ts';
import { createServerRules } from './serverRules.ts';
import type { ScenarioAnswers, ScenarioStep, ScenarioWait, Timeline, WaitStep } from './types.ts';

/**
 * What `play()` needs from a transport: the mock's server-side controls.
 *
 * @example
 * ```ts
 * const target: ScenarioTarget = createMockTransport();
 * ```
 */
export type ScenarioTarget = Pick<MockTransport, 'emit' | 'drop' | 'emitPlayback'> & {
  /** The transport's clock, if it has one: `play()` uses it when given no `clock`. */
  readonly clock?: Clock | undefined;
  /**
   * What the client sends: needed to play timelines that wait for the app (tool outputs,
   * approvals), and to answer a `response.create` sent while a response is active with the
   * server's error. The mock transport has it.
   */
  onSent?: MockTransport['onSent'];
  /** Connection events: a close while the timeline waits ends the playback. */
  on?: MockTransport['on'];
};

/**
 * Options of {@link play}.
 *
 * @example
 * ```ts
 * const options: PlayOptions = { transport, clock, speed: 4, onStep: (step) => log.push(step) };
 * ```
 */
export interface PlayOptions {
  /** Where the steps go: usually a {@link createMockTransport} mock. */
  transport: ScenarioTarget;
  /**
   * The clock that times the steps. A virtual clock plays only as far as the test advances it
   * (instant). Default: the transport's clock (`createMockTransport({ clock })`), else the
   * system clock, which plays in real time.
   */
  clock?: Clock;
  /** Playback speed: 1 = real time (default), 10 = ten times faster. */
  speed?: number;
  /** How wire events reach the session: `'json'` strings (default) or `'object'`s. */
  delivery?: MockDelivery;
  /** Called after each step is delivered (a wait step: when the client's answer resumed it). */
  onStep?: (step: ScenarioStep, index: number) => void;
}

/**
 * How a playback ended.
 *
 * @example
 * ```ts
 * const { played, undelivered, stopped } = await play(timeline, { transport, clock }).done;
 * ```
 */
export interface PlayResult {
  /** Steps played. */
  played: number;
  /** Wire events and playback steps the transport did not deliver because it was not connected. */
  undelivered: number;
  /** True when `stop()` ended the playback early. */
  stopped: boolean;
  /** Set when the connection closed while the timeline waited for the client: what it waited for. */
  unanswered?: ScenarioWait;
}

/**
 * Controls a playback started by {@link play}.
 *
 * @example
 * ```ts
 * const controller = play(timeline, { transport, speed: 10 });
 * onUnmount(() => controller.stop());
 * ```
 */
export interface PlayController {
  /** Resolves when the last step was played or `stop()` was called; rejects if a listener threw. */
  readonly done: Promise<PlayResult>;
  /** Stop now; steps not played yet are dropped. */
  stop(): void;
  /**
   * Milliseconds after `play()` was called at which the last step is due (the timeline's end,
   * divided by `speed`): `clock.advance(controller.endsAt)` right after `play()` plays it all.
   * For a timeline that waits for the client, that is where it pauses.
   */
  readonly endsAt: number;
}

/**
 * Play a timeline into a transport: each wire event at its `atMs` (divided by `speed`), drop
 * steps as `transport.drop()`, playback steps as `transport.emitPlayback()`.
 * Steps due at the same time are delivered together, in timeline order.
 *
 * Like a real server, it listens to the client (`transport.onSent`): a wait step (a tool call
 * that waits for its output, an MCP approval request) pauses the playback until the client has
 * answered, then plays what follows from that moment; it stays paused if no answer comes, and
 * ends (`unanswered` in the result) if the connection closes first. A `response.create` sent
 * while a response is active is answered with the server's `error`
 * (`conversation_already_has_active_response`).
 *
 * @example On a virtual clock (tests): nothing happens until time is advanced
 * ```ts
 * const clock = createVirtualClock();
 * const transport = createMockTransport();
 * const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: 8000 } });
 * await session.connect();
 * const { done } = play(scenario().userSays('Hi').assistantSays('Hello!').build(), { transport, clock });
 * clock.advance(10_000);
 * await done;
 * ```
 *
 * @example In real time, ten times faster (stories)
 * ```ts
 * const playback = play(timeline, { transport, speed: 10 });
 * // later: playback.stop();
 * ```
 */
export function play(timeline: Timeline, options: PlayOptions): PlayController {
  const { transport, delivery, onStep } = options;
  const clock = options.clock ?? transport.clock ?? systemClock;
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError(`play() speed must be a positive number, got ${speed}`);

  const start = clock.now();
  /** Steps not played yet, with the clock time each is due, in order. A resumed wait merges its steps in. */
  const queue: { due: number; step: ScenarioStep }[] = timeline.map((step) => ({ due: start + step.atMs / speed, step }));
  /** The wait step the client has not answered yet. */
  let pending: WaitStep | undefined;
  let stepNumber = 0;
  let handle: TimerHandle | undefined;
  let finished = false;
  const result: PlayResult = { played: 0, undelivered: 0, stopped: false };
  let settle!: { resolve: (value: PlayResult) => void; reject: (error: unknown) => void };
  const done = new Promise<PlayResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = createServerRules({
    clock,
    send: (event) => {
      if (!finished && !transport.emit(event, { delivery })) result.undelivered++;
    },
    resume: (answers) => resume(answers),
  });
  const unsubscribe = [
    transport.onSent?.((event) => server.heard(event)),
    transport.on?.('close', () => {
      // A closed connection never brings the answers: the playback ends where it waited.
      const waiting = server.waiting;
      server.closed();
      if (waiting && !finished) {
        result.unanswered = waiting;
        finish();
      }
    }),
  ];

  const deliver = (step: ScenarioStep) => {
    if ('event' in step) {
      // The server's state changes as it sends: a client that answers response.done at once
      // must find no response active.
      const undo = server.sending(step.event);
      if (!transport.emit(step.event, { delivery })) {
        undo();
        result.undelivered++;
      }
    } else if ('transport' in step) {
      transport.drop(new Error(step.error));
    } else if ('playback' in step) {
      if (transport.emitPlayback(step.playback) === false) result.undelivered++;
    }
  };

  const finish = (error?: unknown) => {
    if (finished) return;
    finished = true;
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
    server.dispose();
    for (const off of unsubscribe) off?.();
    if (error === undefined) settle.resolve({ ...result });
    else settle.reject(error);
  };

  // One timer at a time: the virtual clock stays cheap, and a real clock cannot drift because
  // every delay is measured from the start (or from where a wait resumed).
  const tick = () => {
    handle = undefined;
    const now = clock.now();
    try {
      while (!finished && queue.length > 0 && queue[0]!.due <= now) {
        const { step } = queue.shift()!;
        if ('wait' in step) {
          if (!transport.onSent) throw new Error('play(): the timeline waits for the client, but the transport cannot tell what the client sends (onSent)');
          // Steps already under way (a transcription still arriving) play on while it waits.
          pending = step;
          server.waitFor(step);
          continue;
        }
        deliver(step);
        result.played++;
        onStep?.(step, stepNumber++);
      }
    } catch (error) {
      finish(error);
      return;
    }
    schedule();
  };

  const resume = (answers: ScenarioAnswers): Timeline | undefined => {
    const step = pending!;
    pending = undefined;
    result.played++;
    let next: Timeline;
    try {
      onStep?.(step, stepNumber++);
      next = step.resume(answers);
    } catch (error) {
      finish(error);
      return undefined;
    }
    // Timed from now; at equal times after what was already due.
    const now = clock.now();
    for (const resumed of next) {
      const due = now + resumed.atMs / speed;
      let at = queue.length;
      while (at > 0 && queue[at - 1]!.due > due) at--;
      queue.splice(at, 0, { due, step: resumed });
    }
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
    schedule();
    return next;
  };

  const schedule = () => {
    if (finished || handle !== undefined) return;
    const next = queue[0];
    if (!next) {
      // Paused on a wait with nothing else to play: no timer until the client answers.
      if (!pending) finish();
      return;
    }
    handle = clock.setTimeout(tick, Math.max(0, next.due - clock.now()));
  };

  schedule();
  const last = timeline.at(-1);
  return {
    endsAt: last ? last.atMs / speed : 0,
    done,
    stop() {
      result.stopped = !finished;
      finish();
    },
  };
}
