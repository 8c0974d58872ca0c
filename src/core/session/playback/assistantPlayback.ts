import type { PlaybackEvent } from '../../transport/RealtimeTransport.ts';
import { readState, writeState, type SessionContext } from '../context/sessionContext.ts';
import type { SessionEvent } from '../events/sessionEventTypes.ts';

// Whether the assistant is heard (`assistantSpeaking`), from whichever source reports playback:
// the transport's `playback` events, the server's `output_audio_buffer.*`, or the estimate.

type AudioIds = { itemId?: string; responseId?: string };

/** Set `assistantSpeaking` and announce the change; no-op when it already holds. */
export function setSpeaking(
  ctx: SessionContext,
  speaking: boolean,
  type: 'audio_started' | 'audio_stopped' | 'audio_interrupted',
  ids: AudioIds,
  audioEndMs?: number,
): void {
  if (readState(ctx).assistantSpeaking === speaking) return;
  writeState(ctx).assistantSpeaking = speaking;
  // Built field by field (several times per turn): spreads of small objects are slow in V8.
  const event: { type: typeof type; itemId?: string; responseId?: string; audioEndMs?: number } = { type };
  if (ids.itemId !== undefined) event.itemId = ids.itemId;
  if (ids.responseId !== undefined) event.responseId = ids.responseId;
  if (type === 'audio_interrupted' && audioEndMs !== undefined) event.audioEndMs = audioEndMs;
  ctx.emitter.enqueue(event as SessionEvent);
}

/** The transport reports playback itself (`playbackReporting: 'transport'`). Call inside a transaction. */
export function applyPlaybackEvent(ctx: SessionContext, event: PlaybackEvent): void {
  const ids = {
    ...(event.itemId !== undefined ? { itemId: event.itemId } : {}),
    ...(event.responseId !== undefined ? { responseId: event.responseId } : {}),
  };
  if (event.type === 'started') setSpeaking(ctx, true, 'audio_started', ids);
  else if (event.type === 'stopped') setSpeaking(ctx, false, 'audio_stopped', ids);
  else setSpeaking(ctx, false, 'audio_interrupted', ids, event.playedMs);
}

/** Stop an estimated playback (interruption). */
export function stopEstimate(ctx: SessionContext): void {
  if (ctx.estimator.stop()) setSpeaking(ctx, false, 'audio_interrupted', ctx.audioIds);
}

/** The server reports playback (`output_audio_buffer.*`, WebRTC). */
export function serverPlayback(
  ctx: SessionContext,
  type: 'output_audio_buffer.started' | 'output_audio_buffer.stopped' | 'output_audio_buffer.cleared',
  responseId: string | undefined,
): void {
  if (ctx.playback === 'transport') return;
  if (ctx.playback === 'none') {
    // The server reports playback after all (WebRTC behind an unknown transport): trust it.
    ctx.playback = 'server';
    ctx.estimator.stop();
  }
  const ids = responseId === undefined ? {} : { responseId };
  if (type === 'output_audio_buffer.started') setSpeaking(ctx, true, 'audio_started', ids);
  else if (type === 'output_audio_buffer.stopped') setSpeaking(ctx, false, 'audio_stopped', ids);
  else setSpeaking(ctx, false, 'audio_interrupted', ids);
}
