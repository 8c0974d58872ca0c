/**
 * How loud a level looks: quiet speech is lifted and loud speech compressed (`1 - (1 - x)²`),
 * so a soft voice still moves the visualizer and a loud one does not pin it at full size.
 *
 * @example
 * ```ts
 * displayLevel(0.45); // ≈ 0.70
 * ```
 */
export function displayLevel(level: number): number {
  const quiet = 1 - level;
  return 1 - quiet * quiet;
}

/** How much of a bar's height the overall level decides (the rest follows its band). */
const ENVELOPE_SHARE = 0.55;
/** How tall the end bars may grow next to the middle ones, under the same level. */
const END_BAR_REACH = 0.5;

/**
 * The heights 0..1 of `out.length` bars from a frame's level and bands: the level sets an
 * envelope that is tallest in the middle (a voice, not a spectrum analyser), and each band,
 * relative to the loudest one, shapes its own bar. So every bar moves while someone speaks,
 * even when a meter hears nothing in the high bands, and rest (level 0) is all dots.
 *
 * @example
 * ```ts
 * const heights = new Float32Array(5);
 * fillBarHeights(frame.level, frame.bands, heights);
 * ```
 */
export function fillBarHeights(level: number, bands: ArrayLike<number>, out: Float32Array): void {
  const count = out.length;
  const loudness = displayLevel(level);
  let peak = 0;
  for (let i = 0; i < bands.length; i += 1) peak = Math.max(peak, bands[i]!);
  const middle = (count - 1) / 2;
  for (let i = 0; i < count; i += 1) {
    const fromMiddle = middle === 0 ? 0 : Math.abs(i - middle) / middle;
    const envelope = 1 - fromMiddle * fromMiddle * (1 - END_BAR_REACH);
    const share = peak > 0 && i < bands.length ? bands[i]! / peak : 1;
    const height = loudness * (ENVELOPE_SHARE * envelope + (1 - ENVELOPE_SHARE) * share);
    out[i] = height < 1 ? height : 1;
  }
}
