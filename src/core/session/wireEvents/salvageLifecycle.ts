import { isRecord } from '../../protocol/isRecord.ts';
import { applyTranscript } from '../transcript/applyTranscript.ts';
import { readState, type SessionContext } from '../context/sessionContext.ts';
import { isOutOfBand, isOutOfBandResponseId, outOfBandDone, outOfBandStarted } from '../responses/outOfBandResponses.ts';
import { responseDone, responseStarted } from '../responses/responseLifecycle.ts';
import { serverPlayback } from '../playback/assistantPlayback.ts';
import { setTranscriptText } from '../transcript/transcriptReducer.ts';

const stringOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * A known event that failed validation (a new response status, an output item of a type this
 * version does not know, a field whose type changed) is reported and passed on raw, never
 * applied. But a few of them carry the facts the idle policy runs on: dropping a
 * `response.done` would leave `responding` set for good, and the idle clock would never start
 * again. For those, the session still applies the fact, reading only the fields it needs, each
 * checked on its own. Likewise a `conversation.item.done` whose content holds a part of an unknown
 * type still ends its row, which would otherwise stream forever.
 *
 * Nothing else of such an event (its text, its content, the session config) reaches the state:
 * unvalidated data never does.
 */
export function salvageLifecycle(ctx: SessionContext, raw: unknown): void {
  if (!isRecord(raw)) return;
  switch (raw.type) {
    case 'response.created': {
      const response = isRecord(raw.response) ? raw.response : {};
      const id = stringOrUndefined(response.id);
      if (id !== undefined && isOutOfBand(response)) outOfBandStarted(ctx, id, response);
      else responseStarted(ctx, id);
      return;
    }
    case 'response.done': {
      const response = isRecord(raw.response) ? raw.response : {};
      const id = stringOrUndefined(response.id);
      if (id !== undefined && (isOutOfBandResponseId(ctx, id) || isOutOfBand(response))) {
        // Its output failed validation: the event reports the streamed text, not the items.
        outOfBandDone(ctx, id, response, []);
        return;
      }
      const details = isRecord(response.status_details) ? response.status_details : {};
      const output = Array.isArray(response.output) ? response.output.filter(isRecord) : [];
      responseDone(
        ctx,
        id,
        stringOrUndefined(response.status) ?? 'completed',
        stringOrUndefined(details.reason),
        output,
      );
      return;
    }
    case 'conversation.item.done': {
      const id = isRecord(raw.item) ? stringOrUndefined(raw.item.id) : undefined;
      const transcript = readState(ctx).transcript;
      const row = id === undefined ? undefined : transcript.get(id);
      // The row keeps the text it has; only its status moves on (never back from interrupted or failed).
      if (row) applyTranscript(ctx, setTranscriptText(transcript, row.id, row.role, row.text, 'completed'), true);
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
