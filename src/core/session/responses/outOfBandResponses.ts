import type { ConversationItem } from '../../protocol/index.ts';
import { isRecord } from '../../protocol/isRecord.ts';
import { readState, writeState, type SessionContext } from '../context/sessionContext.ts';
import { deleteTranscriptItem } from '../transcript/transcriptReducer.ts';
import { isTranscriptItemUnplaced } from '../transcript/createTranscriptState.ts';

/**
 * The official types say a response created with `conversation: "none"` reports
 * `conversation_id: null` (a conversation response names its conversation, and servers that
 * predate the field omit it): null, and only null, marks a response as out of band.
 */
export function isOutOfBand(response: { conversation_id?: unknown }): boolean {
  return response.conversation_id === null;
}

function metadataOf(response: { metadata?: unknown }): Readonly<Record<string, unknown>> | null {
  return isRecord(response.metadata) ? response.metadata : null;
}

/** `response.created` of an out-of-band response: remember it, so its events skip the transcript. */
export function outOfBandStarted(ctx: SessionContext, responseId: string, response: { metadata?: unknown }): void {
  ctx.outOfBand.set(responseId, { metadata: metadataOf(response), text: '' });
}

/**
 * True (and the delta kept) when `responseId` is a running out-of-band response. Called for
 * every streamed text delta, so the common case, no out-of-band response running, is one
 * comparison.
 */
export function outOfBandDelta(ctx: SessionContext, responseId: string, delta: string): boolean {
  if (ctx.outOfBand.size === 0) return false;
  const draft = ctx.outOfBand.get(responseId);
  if (draft === undefined) return false;
  draft.text += delta;
  return true;
}

/** True when an event of this response must not touch the transcript (it is out of band). */
export function isOutOfBandResponseId(ctx: SessionContext, responseId: string): boolean {
  return ctx.outOfBand.size !== 0 && ctx.outOfBand.has(responseId);
}

function partText(part: unknown): string {
  if (!isRecord(part)) return '';
  if (part.type === 'output_text' || part.type === 'input_text') return typeof part.text === 'string' ? part.text : '';
  if (part.type === 'output_audio' || part.type === 'input_audio') return typeof part.transcript === 'string' ? part.transcript : '';
  return '';
}

function outputText(output: readonly unknown[]): string {
  const texts: string[] = [];
  for (const item of output) {
    if (!isRecord(item) || item.type !== 'message' || !Array.isArray(item.content)) continue;
    const text = item.content.map(partText).join('');
    if (text !== '') texts.push(text);
  }
  return texts.join('\n');
}

/**
 * `response.done` of an out-of-band response (known from its `response.created`, or only now
 * from its own `conversation_id: null`): report it as `out_of_band_response`. If its deltas
 * arrived before the session knew (no `response.created` seen), the rows they made, which no
 * `conversation.item.*` ever placed, are removed again: they are not part of the conversation.
 */
export function outOfBandDone(
  ctx: SessionContext,
  responseId: string,
  response: { status?: unknown; status_details?: unknown; metadata?: unknown },
  output: readonly unknown[],
): void {
  const draft = ctx.outOfBand.get(responseId);
  ctx.outOfBand.delete(responseId);
  if (draft === undefined) removeUnplacedRows(ctx, output);
  const details = isRecord(response.status_details) ? response.status_details : undefined;
  const reason = typeof details?.reason === 'string' ? details.reason : undefined;
  const final = outputText(output);
  ctx.emitter.enqueue({
    type: 'out_of_band_response',
    responseId,
    status: typeof response.status === 'string' ? response.status : 'completed',
    ...(reason !== undefined ? { reason } : {}),
    metadata: draft?.metadata ?? metadataOf(response),
    text: final !== '' ? final : (draft?.text ?? ''),
    output: output.filter(isRecord) as unknown as readonly ConversationItem[],
  });
}

function removeUnplacedRows(ctx: SessionContext, output: readonly unknown[]): void {
  for (const item of output) {
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    if (id === undefined) continue;
    const transcript = readState(ctx).transcript;
    if (transcript.get(id) === undefined || !isTranscriptItemUnplaced(transcript, id)) continue;
    writeState(ctx).transcript = deleteTranscriptItem(transcript, id);
    ctx.emitter.enqueue({ type: 'history_removed', itemId: id });
  }
}

/** A connection ended: its out-of-band responses will never finish. */
export function forgetOutOfBand(ctx: SessionContext): void {
  ctx.outOfBand.clear();
}
