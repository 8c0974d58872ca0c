import { play } from '../scenario/play.ts';
import type { PlayController, PlayOptions } from '../scenario/play.ts';
import { parseEventLog } from './parseEventLog.ts';
import type { EventLogProblem, ParseEventLogOptions } from './parseEventLog.ts';

/**
 * Options of {@link replayEventLog}: those of `play()` and of `parseEventLog()`.
 *
 * @example
 * ```ts
 * replayEventLog(text, { transport, clock, gapMs: 20 });
 * ```
 */
export interface ReplayEventLogOptions extends PlayOptions, ParseEventLogOptions {}

/**
 * A {@link PlayController} that also lists the log's unreadable lines.
 *
 * @example
 * ```ts
 * const replay = replayEventLog(text, { transport });
 * expect(replay.problems).toEqual([]);
 * ```
 */
export interface ReplayController extends PlayController {
  /** Lines of the log that could not be read (and were skipped). */
  readonly problems: EventLogProblem[];
}

/**
 * Replay a recorded JSONL event log (see {@link parseEventLog}) through a transport with
 * {@link play}: on a virtual clock in tests, or in real time at any speed in stories.
 * Unreadable lines are skipped and listed in `problems`; they never stop the replay.
 *
 * @example
 * ```ts
 * import log from './recorded-session.jsonl?raw';
 *
 * const transport = createMockTransport();
 * const session = createRealtimeSession({ transport, idle: { timeoutMs: 8000 } });
 * await session.connect();
 * const replay = replayEventLog(log, { transport, speed: 2 });
 * if (replay.problems.length) console.warn(replay.problems);
 * await replay.done;
 * ```
 */
export function replayEventLog(jsonl: string, options: ReplayEventLogOptions): ReplayController {
  const { steps, problems } = parseEventLog(jsonl, options);
  const controller = play(steps, options);
  return { done: controller.done, stop: controller.stop, endsAt: controller.endsAt, problems };
}
