import { displayLevel, fillBarHeights } from './barHeights.ts';
import { LEVEL_EPSILON } from './smoothLevels.ts';
import type { AudioVisualizerFrame } from './visualizerLevels.ts';

/** The CSS custom property the root carries: the followed voice's level as shown, 0..1. */
export const LEVEL_PROPERTY = '--rrk-visualizer-level';
/** The CSS custom property each bar carries: its height, 0 (a dot) to 1 (full). */
export const BAR_LEVEL_PROPERTY = '--rrk-visualizer-bar-level';

/**
 * Writes frames into CSS custom properties: the level on `root`, each bar's height on its bar
 * (see {@link fillBarHeights}). The stylesheet turns them into transforms and opacity, so a
 * frame costs a few property writes and no layout (nothing is read back). A value that moved
 * less than {@link LEVEL_EPSILON} since it was last written is not written again.
 *
 * @example
 * ```ts
 * const unsubscribe = subscribe(createLevelStyleWriter(rootElement, barElements));
 * ```
 */
export function createLevelStyleWriter(
  root: HTMLElement,
  bars: readonly HTMLElement[],
): (frame: Readonly<AudioVisualizerFrame>) => void {
  const heights = new Float32Array(bars.length);
  // NaN: nothing written yet, so the first frame writes every value.
  const written = new Float32Array(bars.length + 1).fill(Number.NaN);
  const write = (element: HTMLElement, slot: number, property: string, value: number) => {
    const last = written[slot]!;
    if (Math.abs(value - last) < LEVEL_EPSILON && (value === 0) === (last === 0)) return;
    written[slot] = value;
    element.style.setProperty(property, value === 0 ? '0' : value.toFixed(3));
  };
  return (frame) => {
    write(root, 0, LEVEL_PROPERTY, displayLevel(frame.level));
    if (bars.length === 0) return;
    fillBarHeights(frame.level, frame.bands, heights);
    for (let i = 0; i < bars.length; i += 1) write(bars[i]!, i + 1, BAR_LEVEL_PROPERTY, heights[i]!);
  };
}
