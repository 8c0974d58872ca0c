import { displayLevel, fillBarHeights } from './barHeights.ts';
import { LEVEL_EPSILON } from './smoothLevels.ts';
import type { AudioVisualizerFrame } from './visualizerLevels.ts';

/** The CSS custom property the root carries: the followed voice's level as shown, 0..1. */
export const LEVEL_PROPERTY = '--rrk-visualizer-level';

/**
 * One bar's moving parts: a body that scales from the middle and two round caps that move
 * apart with it, so the ends stay round at every height (a scaled pill would flatten them).
 */
export interface BarParts {
  top: HTMLElement;
  body: HTMLElement;
  bottom: HTMLElement;
}

/** Where a bar's caps go at full height: half the bar's length minus a cap (px). */
export type BarReach = () => number;

/**
 * Writes frames into styles: the level as a custom property on `root` (the orb's parts read
 * it), and each bar's height as inline transforms of its body and caps (see
 * {@link fillBarHeights}). Transforms are written on the moving elements themselves because a
 * custom property that many elements read makes the browser restyle all of them each frame
 * (measured in Chromium: about three times the cost). Nothing is read back from the page. A
 * value that moved less than {@link LEVEL_EPSILON} since it was last written is not written
 * again; a bar at rest gets its inline transforms removed, so the stylesheet draws it (a dot,
 * the thinking wave, a still shape).
 *
 * @example
 * ```ts
 * const unsubscribe = subscribe(createLevelStyleWriter(rootElement, barParts, () => reachPx));
 * ```
 */
export function createLevelStyleWriter(
  root: HTMLElement,
  bars: readonly BarParts[],
  reach: BarReach = () => 0,
): ((frame: Readonly<AudioVisualizerFrame>) => void) & { redraw(): void } {
  const heights = new Float32Array(bars.length);
  // NaN: nothing written yet, so the first frame writes every value.
  const written = new Float32Array(bars.length + 1).fill(Number.NaN);
  let last: Readonly<AudioVisualizerFrame> | null = null;
  const moved = (slot: number, value: number) => {
    const before = written[slot]!;
    if (Math.abs(value - before) < LEVEL_EPSILON && (value === 0) === (before === 0)) return false;
    written[slot] = value;
    return true;
  };

  const writeBar = (parts: BarParts, height: number) => {
    if (height === 0) {
      parts.body.style.removeProperty('transform');
      parts.top.style.removeProperty('transform');
      parts.bottom.style.removeProperty('transform');
      return;
    }
    const offset = (height * reach()).toFixed(2);
    parts.body.style.transform = `scaleY(${height.toFixed(3)})`;
    parts.top.style.transform = `translateY(-${offset}px)`;
    parts.bottom.style.transform = `translateY(${offset}px)`;
  };

  const write = (frame: Readonly<AudioVisualizerFrame>) => {
    last = frame;
    const level = displayLevel(frame.level);
    if (moved(0, level)) root.style.setProperty(LEVEL_PROPERTY, level === 0 ? '0' : level.toFixed(3));
    if (bars.length === 0) return;
    fillBarHeights(frame.level, frame.bands, heights);
    for (let i = 0; i < bars.length; i += 1) {
      if (moved(i + 1, heights[i]!)) writeBar(bars[i]!, heights[i]!);
    }
  };

  return Object.assign(write, {
    /** Write every bar again (the bars changed size, so the caps' reach did). */
    redraw() {
      written.fill(Number.NaN);
      if (last) write(last);
    },
  });
}
