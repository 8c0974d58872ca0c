/**
 * The RMS (0..1 of full scale) that reads as level 1; louder is clamped. About -9 dBFS: a loud,
 * close voice.
 */
export const FULL_LEVEL_RMS = 0.35;

/**
 * The curve's exponent: below 1 lifts quiet sounds, as loudness is perceived. With
 * {@link FULL_LEVEL_RMS} it maps speech (RMS 0.05..0.3, about -26..-10 dBFS) to 0.31..0.91,
 * a whisper (RMS 0.005) to about 0.08, and digital silence to exactly 0.
 */
export const LEVEL_CURVE_EXPONENT = 0.6;

/**
 * A level 0..1 from the RMS of PCM samples in -1..1: `min(1, (rms / 0.35) ^ 0.6)`. A power curve
 * rather than decibels with a floor, so it has no noise gate: any sound moves it a little, and
 * silence reads 0.
 *
 * @example
 * ```ts
 * levelFromRms(0.05); // 0.31: quiet speech
 * levelFromRms(0.3); // 0.91: loud speech
 * ```
 */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  return Math.min(1, (rms / FULL_LEVEL_RMS) ** LEVEL_CURVE_EXPONENT);
}
