// Live audio levels: what a visualizer reads once per frame. A transport that can measure its
// audio opens a meter on demand; nothing is analysed while no meter is open.

/**
 * The levels of one frame, each 0..1: the microphone (`input`) and the assistant (`output`),
 * and, when bands were asked for, the same split into frequency bands from low to high.
 *
 * A meter fills the same object every frame (no allocation per frame): read it in the
 * callback, and copy what you keep.
 *
 * @example
 * ```ts
 * const meter = session.openAudioLevels({ bands: 8 });
 * const levels = createAudioLevels(8);
 * meter.read(levels);
 * console.log(levels.input, levels.outputBands[0]);
 * meter.close();
 * ```
 */
export interface AudioLevels {
  /** The microphone's level, 0..1 (0 while muted or without a microphone). */
  input: number;
  /** The assistant's level as heard, 0..1. */
  output: number;
  /** `bands` values 0..1 of the microphone, low to high frequencies (empty without bands). */
  readonly inputBands: Float32Array;
  /** `bands` values 0..1 of the assistant, low to high frequencies (empty without bands). */
  readonly outputBands: Float32Array;
}

/**
 * Options of a meter.
 *
 * @example
 * ```ts
 * const meter = session.openAudioLevels({ bands: 5 } satisfies AudioLevelOptions);
 * ```
 */
export interface AudioLevelOptions {
  /** How many frequency bands to measure per side. Default 0 (levels only). At most 64. */
  bands?: number;
}

/**
 * An open measurement of a transport's audio. It survives reconnects and microphone switches
 * (it measures whatever the transport sends and plays at the time of each `read`), reads zeros
 * while nothing plays, and releases its analysers on `close()`.
 *
 * @example
 * ```ts
 * const meter = transport.openAudioLevelMeter?.({ bands: 0 });
 * ```
 */
export interface AudioLevelMeter {
  /** Fill `into` with the levels now. Its band arrays must have the meter's band count. */
  read(into: AudioLevels): void;
  /** Stop measuring and release what the meter holds. Idempotent. */
  close(): void;
}

/**
 * The most bands a meter measures; more are clamped to it.
 *
 * @example
 * ```ts
 * const bands = Math.min(wanted, MAX_AUDIO_LEVEL_BANDS);
 * ```
 */
export const MAX_AUDIO_LEVEL_BANDS = 64;

/**
 * An {@link AudioLevels} object for a meter of `bands` bands, all zeros.
 *
 * @example
 * ```ts
 * const levels = createAudioLevels(8);
 * meter.read(levels);
 * ```
 */
export function createAudioLevels(bands = 0): AudioLevels {
  const count = clampBands(bands);
  return { input: 0, output: 0, inputBands: new Float32Array(count), outputBands: new Float32Array(count) };
}

/** A band count made safe: a whole number from 0 to {@link MAX_AUDIO_LEVEL_BANDS}. */
export function clampBands(bands: number | undefined): number {
  if (bands === undefined || !Number.isFinite(bands) || bands <= 0) return 0;
  return Math.min(MAX_AUDIO_LEVEL_BANDS, Math.floor(bands));
}

/**
 * A meter that always reads silence: for transports that cannot measure their audio.
 *
 * @example
 * ```ts
 * const meter = transport.openAudioLevelMeter?.({ bands }) ?? createSilentAudioLevelMeter();
 * ```
 */
export function createSilentAudioLevelMeter(): AudioLevelMeter {
  return {
    read(into) {
      into.input = 0;
      into.output = 0;
      into.inputBands.fill(0);
      into.outputBands.fill(0);
    },
    close() {},
  };
}
