/** What one frame of audio changed, if anything. */
export type EnergyDetectorResult =
  | { type: 'speech_started'; audioStartMs: number }
  | { type: 'speech_stopped'; audioEndMs: number }
  | null;

/** Options of {@link createEnergyDetector}, named after the server VAD fields they mimic. */
export interface EnergyDetectorOptions {
  /** Server VAD `threshold`, 0..1 (default 0.5): higher needs louder audio. */
  threshold?: number;
  /** Audio kept before the detected start, like `prefix_padding_ms` (default 300). */
  prefixPaddingMs?: number;
  /** Silence that ends a turn, like `silence_duration_ms` (default 500). */
  silenceDurationMs?: number;
  /** Active audio needed before a start counts, so a click is not a turn (default 60). */
  minSpeechMs?: number;
}

/** A voice activity detector fed frame by frame; it keeps its own audio clock. */
export interface EnergyDetector {
  /** Feed one frame of PCM16 mono lasting `durationMs`. */
  push(frame: Int16Array, durationMs: number): EnergyDetectorResult;
  /** Milliseconds of audio fed so far: the input buffer's clock. */
  readonly audioMs: number;
  readonly speaking: boolean;
  /** Forget a turn in progress (after `input_audio_buffer.clear`). */
  reset(): void;
}

/**
 * RMS level (0..1) at which a frame counts as speech for a VAD threshold. 0.5 maps to about
 * -34 dBFS: well above digital silence and a quiet room, well below a voice at normal level.
 *
 * @example
 * ```ts
 * rmsThresholdFor(0.5); // 0.02
 * ```
 */
export function rmsThresholdFor(threshold: number): number {
  return 0.005 + Math.min(1, Math.max(0, threshold)) * 0.03;
}

/**
 * A deliberately simple energy detector standing in for the server's VAD: a frame is active
 * when its RMS exceeds a level derived from `threshold`; a turn starts after `minSpeechMs` of
 * active audio and stops after `silenceDurationMs` without any.
 *
 * @example
 * ```ts
 * const vad = createEnergyDetector({ silenceDurationMs: 500 });
 * const change = vad.push(frame, 20);
 * if (change?.type === 'speech_started') send({ type: 'input_audio_buffer.speech_started', ... });
 * ```
 */
export function createEnergyDetector(options: EnergyDetectorOptions = {}): EnergyDetector {
  const level = rmsThresholdFor(options.threshold ?? 0.5);
  const prefixPaddingMs = options.prefixPaddingMs ?? 300;
  const silenceDurationMs = options.silenceDurationMs ?? 500;
  const minSpeechMs = options.minSpeechMs ?? 60;
  let audioMs = 0;
  let speaking = false;
  let activeSince: number | null = null;
  let silentMs = 0;

  return {
    get audioMs() {
      return Math.round(audioMs);
    },
    get speaking() {
      return speaking;
    },
    reset() {
      speaking = false;
      activeSince = null;
      silentMs = 0;
    },
    push(frame, durationMs) {
      const start = audioMs;
      audioMs += durationMs;
      const active = rms(frame) >= level;
      if (!speaking) {
        if (!active) {
          activeSince = null;
          return null;
        }
        activeSince ??= start;
        if (audioMs - activeSince < minSpeechMs) return null;
        speaking = true;
        silentMs = 0;
        return { type: 'speech_started', audioStartMs: Math.max(0, Math.round(activeSince - prefixPaddingMs)) };
      }
      silentMs = active ? 0 : silentMs + durationMs;
      if (silentMs < silenceDurationMs) return null;
      speaking = false;
      activeSince = null;
      silentMs = 0;
      return { type: 'speech_stopped', audioEndMs: Math.round(audioMs) };
    },
  };
}

function rms(frame: Int16Array): number {
  if (frame.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < frame.length; i++) {
    const s = (frame[i] ?? 0) / 32768;
    sum += s * s;
  }
  return Math.sqrt(sum / frame.length);
}
