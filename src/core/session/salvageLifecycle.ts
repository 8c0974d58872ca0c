import { responseDone, responseStarted } from './responseLifecycle.ts';
import { serverPlayback } from './setSpeaking.ts';
import type { SessionContext } from './createSessionContext.ts';

type RawRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is RawRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * A known event that failed validation (a new response status, an output item of a type this
 * version does not know, a field whose type changed) is reported and passed on raw, never
 * applied. But a few of them carry the facts the idle policy runs on: dropping a
 * `response.done` would leave `responding` set for good, and the idle clock would never start
 * again. For those, the session still applies the fact, reading only the fields it needs, each
 * checked on its own.
 *
 * Everything else about such an event (transcript rows, session config) is left untouched:
 * unvalidated data never reaches the state.
 */
export function salvageLifecycle(ctx: SessionContext, raw: unknown): void {
  if (!isRecord(raw)) return;
  switch (raw.type) {
    case 'response.created': {
      const response = isRecord(raw.response) ? raw.response : {};
      responseStarted(ctx, stringOrUndefined(response.id));
      return;
    }
    case 'response.done': {
      const response = isRecord(raw.response) ? raw.response : {};
      const details = isRecord(response.status_details) ? response.status_details : {};
      const output = Array.isArray(response.output) ? response.output.filter(isRecord) : [];
      responseDone(
        ctx,
        stringOrUndefined(response.id),
        stringOrUndefined(response.status) ?? 'completed',
        stringOrUndefined(details.reason),
        output,
      );
      return;
    }
    case 'output_audio_buffer.started':
    case 'output_audio_buffer.stopped':
    case 'output_audio_buffer.cleared':
      serverPlayback(ctx, raw.type, stringOrUndefined(raw.response_id));
      return;
    default:
      return;
  }
}
