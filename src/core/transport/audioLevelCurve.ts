// One loudness curve for every meter (the OpenAI transports' analysers and the mock's PCM), so
// a visualizer moves the same way on a story as on a real call. Decibels, because loudness is
// heard logarithmically: a linear RMS would keep quiet speech near zero and loud speech pinned.

/**
 * The quietest sound a level shows, in dBFS (an RMS of 0.001): at or below it the level is 0.
 * Room noise under an echo-cancelled microphone sits around here.
 *
 * @example
 * ```ts
 * const silent = rmsToAudioLevel(10 ** (AUDIO_LEVEL_FLOOR_DB / 20)); // 0
 * ```
 */
export const AUDIO_LEVEL_FLOOR_DB = -60;

/**
 * The loudest sound a level tells apart, in dBFS (an RMS of about 0.32): at or above it the
 * level is 1. Normal speech (-30..-20 dBFS) lands at 0.6..0.8.
 *
 * @example
 * ```ts
 * const full = rmsToAudioLevel(10 ** (AUDIO_LEVEL_CEILING_DB / 20)); // 1
 * ```
 */
export const AUDIO_LEVEL_CEILING_DB = -10;

/**
 * A level 0..1 from decibels, linear between `floorDb` (0) and `ceilingDb` (1) and clamped.
 * Never NaN: silence (`-Infinity`) and bad input read 0.
 *
 * @example
 * ```ts
 * decibelsToAudioLevel(-35); // 0.5 with the default floor and ceiling
 * decibelsToAudioLevel(-65, -100, -30); // 0.5: a spectrum bin on the analyser's usual scale
 * ```
 */
export function decibelsToAudioLevel(
  db: number,
  floorDb: number = AUDIO_LEVEL_FLOOR_DB,
  ceilingDb: number = AUDIO_LEVEL_CEILING_DB,
): number {
  const level = (db - floorDb) / (ceilingDb - floorDb);
  // Written so that NaN falls through to 0.
  return level > 0 ? (level < 1 ? level : 1) : 0;
}

/**
 * The level 0..1 of a block of audio from its RMS (samples -1..1): the curve every meter uses,
 * {@link AUDIO_LEVEL_FLOOR_DB} to {@link AUDIO_LEVEL_CEILING_DB} on a decibel scale.
 *
 * @example
 * ```ts
 * let sum = 0;
 * for (const sample of samples) sum += sample * sample;
 * const level = rmsToAudioLevel(Math.sqrt(sum / samples.length));
 * ```
 */
export function rmsToAudioLevel(rms: number): number {
  if (!(rms > 0)) return 0;
  return decibelsToAudioLevel(20 * Math.log10(rms));
}
