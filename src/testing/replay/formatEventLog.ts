import type { Timeline } from '../scenario/types.ts';

/**
 * Write a timeline as a JSON Lines event log that {@link parseEventLog} reads back:
 * `{"t": ms, "event": {...}}` per wire event, `{"t": ms, "transport": "drop", "error": "..."}`
 * and `{"t": ms, "playback": {...}}` for the other steps. Times are kept as they are: a timeline
 * whose first step is not at 0 starts with an `{"origin": 0}` line, so it reads back as the same
 * timeline. A log holds what the server sends, so a wait for the client (a tool call that waits
 * for its output, an approval request) is left out: what it resumes with depends on the app's
 * answers, and a replay plays on without waiting.
 *
 * @example
 * ```ts
 * const jsonl = formatEventLog(scenario().sessionCreated().userSays('Hi').build());
 * writeFileSync('session.jsonl', jsonl);
 * ```
 */
export function formatEventLog(timeline: Timeline): string {
  // Without it the reader would take the first step's time as 0.
  const origin = timeline.length > 0 && timeline[0]!.atMs !== 0 ? `${JSON.stringify({ origin: 0 })}\n` : '';
  return origin + timeline
    .map((step) => {
      if ('event' in step) return JSON.stringify({ t: step.atMs, event: step.event });
      if ('transport' in step) return JSON.stringify({ t: step.atMs, transport: step.transport, error: step.error });
      if ('playback' in step) return JSON.stringify({ t: step.atMs, playback: step.playback });
      // A wait for the client: what follows depends on the app's answers, so a log ends there.
      return null;
    })
    .filter((line) => line !== null)
    .join('\n')
    .concat('\n');
}
