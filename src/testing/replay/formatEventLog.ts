import type { Timeline } from '../scenario/types.ts';

/**
 * Write a timeline as a JSON Lines event log that {@link parseEventLog} reads back:
 * `{"t": ms, "event": {...}}` per wire event, `{"t": ms, "transport": "drop", "error": "..."}`
 * and `{"t": ms, "playback": {...}}` for the other steps.
 *
 * @example
 * ```ts
 * const jsonl = formatEventLog(scenario().sessionCreated().userSays('Hi').build());
 * writeFileSync('session.jsonl', jsonl);
 * ```
 */
export function formatEventLog(timeline: Timeline): string {
  return timeline
    .map((step) => {
      if ('event' in step) return JSON.stringify({ t: step.atMs, event: step.event });
      if ('transport' in step) return JSON.stringify({ t: step.atMs, transport: step.transport, error: step.error });
      return JSON.stringify({ t: step.atMs, playback: step.playback });
    })
    .join('\n')
    .concat('\n');
}
