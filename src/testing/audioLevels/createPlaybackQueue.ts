import { LEVEL_WINDOW_SAMPLES } from './createLevelAnalyser.ts';
import type { SyntheticVoice } from './syntheticVoice.ts';

/**
 * What the mock transport's listener hears of the assistant: the decoded PCM16 of the audio
 * deltas, played from when output audio starts being heard, one sample per 1/24000 s of the
 * clock. Used only while a level meter is open.
 *
 * States: `unknown` (nothing said yet about playback, or `playbackReporting: 'none'`): audio
 * plays as it arrives, like a player that starts each chunk when it comes; `playing` (a start
 * was reported): audio plays from the start, back to back; `idle` (a stop was reported): audio
 * that arrives waits for the next start, as the server buffers it until playback starts.
 *
 * A playback reported started with no audio delta (a `'webrtc'` scenario: over WebRTC the audio
 * travels on the media track, which the mock does not have) plays `voice` until it stops, so
 * such scenarios still move a meter; a delta that arrives takes over from it.
 */
export interface PlaybackQueue {
  /** Queue a base64 PCM16 delta, arrived at `now`. */
  append(base64: string, now: number): void;
  /** Output audio starts being heard at `now` (`output_audio_buffer.started`, a `started` playback event). */
  start(now: number): void;
  /** Output audio stopped, was cleared or interrupted: drop what is queued, wait for a start. */
  stop(): void;
  /** The local player was silenced (`transport.interrupt()`): drop what is queued. */
  silence(): void;
  /** Forget everything and free the buffer (the connection closed, no meter is open). */
  reset(): void;
  /**
   * Fill `into` (`LEVEL_WINDOW_SAMPLES` long) with the last samples heard at `now`, zeros where
   * there are none; false, leaving `into` untouched, when nothing is heard.
   */
  window(now: number, into: Float32Array): boolean;
}

/** A minute of audio at most waits unheard (a test that never reports playback). */
const MAX_QUEUED_SECONDS = 60;

/** A {@link PlaybackQueue} of PCM16 at `sampleRate`; `voice` stands in for audio that never came. */
export function createPlaybackQueue(sampleRate: number, voice: SyntheticVoice): PlaybackQueue {
  const samplesPerMs = sampleRate / 1000;
  const maxSamples = sampleRate * MAX_QUEUED_SECONDS;
  let state: 'unknown' | 'playing' | 'idle' = 'unknown';
  let buffer = new Float32Array(0);
  let length = 0;
  /** Clock time at which `buffer[0]` is (or was) heard. */
  let anchorMs = 0;
  /** Whether a delta came since the last stop: if not, a reported playback is the synthetic voice. */
  let pcmSinceStop = false;

  /** Index in `buffer` of the next sample to be heard at `now`. */
  const playhead = (now: number) => Math.floor((now - anchorMs) * samplesPerMs);

  function drop() {
    length = 0;
    pcmSinceStop = false;
  }

  /** Keep only what a window can still read, once the heard part is large. */
  function compact(now: number) {
    const cut = playhead(now) - LEVEL_WINDOW_SAMPLES;
    if (cut <= 0 || cut < buffer.length / 2) return;
    const kept = Math.max(0, length - cut);
    if (kept > 0) buffer.copyWithin(0, cut, length);
    length = kept;
    anchorMs += cut / samplesPerMs;
  }

  function reserve(extra: number) {
    if (length + extra <= buffer.length) return;
    const grown = new Float32Array(Math.max(length + extra, buffer.length * 2, sampleRate));
    grown.set(buffer.subarray(0, length));
    buffer = grown;
  }

  return {
    append(base64, now) {
      if (state !== 'idle') {
        const heard = playhead(now);
        // Nothing left to hear: a real player starts this chunk now, after a gap.
        if (length === 0 || heard >= length) {
          length = 0;
          anchorMs = now;
        } else {
          compact(now);
        }
      }
      // Audio came (even unplayable): this playback is not the synthetic voice's.
      pcmSinceStop = true;
      let binary: string;
      try {
        binary = atob(base64);
      } catch {
        return; // Not base64: a real player would drop it too.
      }
      const count = Math.min(binary.length >> 1, maxSamples - length);
      if (count <= 0) return;
      reserve(count);
      for (let i = 0; i < count; i++) {
        const value = binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8);
        buffer[length + i] = ((value << 16) >> 16) / 32768;
      }
      length += count;
    },
    start(now) {
      if (state === 'playing') return;
      // Audio already playing as it arrived (state unknown) goes on where it is.
      const heard = playhead(now);
      if (!(state === 'unknown' && length > 0 && heard > 0 && heard < length)) anchorMs = now;
      state = 'playing';
    },
    stop() {
      state = 'idle';
      drop();
    },
    silence() {
      if (state === 'playing') state = 'idle';
      drop();
    },
    reset() {
      state = 'unknown';
      buffer = new Float32Array(0);
      drop();
    },
    window(now, into) {
      if (state === 'playing' && !pcmSinceStop) {
        voice.fill(into, playhead(now));
        return true;
      }
      if (state === 'idle' || length === 0) return false;
      const end = playhead(now);
      const start = end - into.length;
      if (end <= 0 || start >= length) return false;
      for (let i = 0; i < into.length; i++) {
        const index = start + i;
        into[i] = index >= 0 && index < length ? buffer[index]! : 0;
      }
      return true;
    },
  };
}
