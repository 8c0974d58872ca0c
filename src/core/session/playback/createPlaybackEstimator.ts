import type { SessionConfig } from '../../protocol/index.ts';
import type { Clock, TimerHandle } from '../clock.ts';

/**
 * Bytes per millisecond of PCM16 mono at 24 kHz, the Realtime API's default output format.
 *
 * @example
 * ```ts
 * const playMs = bytes / PCM16_24K_BYTES_PER_MS; // 4800 bytes -> 100 ms
 * ```
 */
export const PCM16_24K_BYTES_PER_MS = 48;

/** Decoded size of a base64 string, without decoding it. */
export function base64ByteLength(base64: string): number {
  const length = base64.length;
  if (length === 0) return 0;
  let padding = 0;
  if (base64.charCodeAt(length - 1) === 61 /* = */) padding = base64.charCodeAt(length - 2) === 61 ? 2 : 1;
  return Math.floor((length * 3) / 4) - padding;
}

/** Estimates when assistant audio finishes playing, for transports that cannot tell. */
export interface PlaybackEstimator {
  readonly playing: boolean;
  /** Clock time at which the queued audio ends (meaningful while `playing`). */
  readonly endsAt: number;
  /** Audio arrived. Returns true when this starts a playback run. */
  add(base64: string): boolean;
  /** Playback was cut short (interruption). Returns true when something was playing. */
  stop(): boolean;
  setBytesPerMs(bytesPerMs: number): void;
}

/**
 * A playback estimate from the audio received: each chunk plays after the previous one (or
 * at once if the queue ran dry), so the end of playback is
 * `max(previous end, now) + bytes / bytesPerMs`. The first chunk is assumed to start playing
 * when it arrives. When the estimate runs out, `onEnd` is called (one timer, re-armed lazily:
 * a new chunk only moves a number, it never touches the timer).
 *
 * @example
 * ```ts
 * const estimator = createPlaybackEstimator(clock, () => markAudioStopped());
 * estimator.add(event.delta); // 4800 bytes of PCM16 = 100 ms
 * ```
 */
export function createPlaybackEstimator(clock: Clock, onEnd: () => void): PlaybackEstimator {
  let playing = false;
  let endsAt = 0;
  let bytesPerMs = PCM16_24K_BYTES_PER_MS;
  let timer: TimerHandle = null;
  let armed = false;

  function arm(): void {
    armed = true;
    timer = clock.setTimeout(check, Math.max(0, endsAt - clock.now()));
  }

  function check(): void {
    armed = false;
    if (!playing) return;
    if (clock.now() < endsAt) {
      arm();
      return;
    }
    playing = false;
    onEnd();
  }

  return {
    get playing() {
      return playing;
    },
    get endsAt() {
      return endsAt;
    },
    add(base64) {
      const now = clock.now();
      const started = !playing;
      endsAt = (playing && endsAt > now ? endsAt : now) + base64ByteLength(base64) / bytesPerMs;
      playing = true;
      if (!armed) arm();
      return started;
    },
    stop() {
      if (armed) clock.clearTimeout(timer);
      armed = false;
      const was = playing;
      playing = false;
      return was;
    },
    setBytesPerMs(value) {
      if (Number.isFinite(value) && value > 0) bytesPerMs = value;
    },
  };
}

/** How fast the output format plays, for the playback estimate. */
export function bytesPerMsOf(session: SessionConfig): number {
  const format = session.audio?.output?.format;
  if (!format?.type) return PCM16_24K_BYTES_PER_MS;
  // G.711 is one byte per sample at 8 kHz.
  if (format.type === 'audio/pcmu' || format.type === 'audio/pcma') return 8;
  return ((format.rate ?? 24000) * 2) / 1000;
}
