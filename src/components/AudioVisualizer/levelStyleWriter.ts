import { displayLevel, fillBarHeights } from './barHeights.ts';
import { LEVEL_EPSILON } from './smoothLevels.ts';
import type { AudioVisualizerFrame } from './visualizerLevels.ts';

/**
 * The CSS custom property the root carries: the followed voice's level as shown, 0..1, in steps
 * of {@link ROOT_LEVEL_STEP}. For pages and tests that read what is shown; the stylesheet does
 * not read it there.
 */
export const LEVEL_PROPERTY = '--rrk-visualizer-level';

/**
 * The root's level is written rounded to this step, so only when it moved this much: each write
 * restyles the root (measured in Chromium: about 0.08 ms a frame when written every frame).
 */
export const ROOT_LEVEL_STEP = 0.05;

/**
 * One bar's moving parts: a body that scales from the middle and two round caps that move
 * apart with it, so the ends stay round at every height (a scaled pill would flatten them).
 */
export interface BarParts {
  top: HTMLElement;
  body: HTMLElement;
  bottom: HTMLElement;
}

/**
 * The orb's three moving parts: the glow behind (`halo`), the `ring` around and the sphere
 * (`orb`). Each one's size and opacity follow the level, as the stylesheet draws them at rest
 * (see `ORB_LOOKS`).
 */
export interface OrbParts {
  halo: HTMLElement;
  ring: HTMLElement;
  orb: HTMLElement;
}

/**
 * How the orb's parts follow the level L (0..1): `scale(at + L × grow)` and, for the glow and
 * the ring, `opacity: at + L × grow`. The same lines as `.rrk-audio-visualizer__halo`, `__ring`
 * and `__orb` in `styles.css`, which draw rest and the still shapes: change both together.
 */
const ORB_LOOKS = [
  { part: 'halo', scaleAt: 0.8, scaleGrow: 0.2, opacityAt: 0.3, opacityGrow: 0.7 },
  { part: 'ring', scaleAt: 1.08, scaleGrow: 0.22, opacityAt: 0.35, opacityGrow: 0.65 },
  { part: 'orb', scaleAt: 0.94, scaleGrow: 0.14, opacityAt: null, opacityGrow: 0 },
] as const;

/** Where a bar's caps go at full height: half the bar's length minus a cap (px). */
export type BarReach = () => number;

/**
 * Writes frames into styles: the orb's size and glow as inline transforms and opacities of its
 * parts (when `orb` is given), each bar's height as inline transforms of its body and caps (see
 * {@link fillBarHeights}), and the level as a custom property on `root`, rounded to
 * {@link ROOT_LEVEL_STEP} (for pages and tests that read what is shown). Transforms are written on the moving
 * elements themselves because a custom property that many elements read makes the browser restyle all of them each frame
 * (measured in Chromium: about three times the cost). Nothing is read back from the page. A
 * value that moved less than {@link LEVEL_EPSILON} since it was last written is not written
 * again; a bar at rest gets its inline transforms removed, so the stylesheet draws it (a dot,
 * the thinking wave, a still shape); so does the orb at rest (its breath, pulse and
 * orbit are animations, which the stylesheet draws over the inline values).
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
  orb: OrbParts | null = null,
): ((frame: Readonly<AudioVisualizerFrame>) => void) & { redraw(): void } {
  const heights = new Float32Array(bars.length);
  // NaN: nothing written yet, so the first frame writes every value.
  const written = new Float32Array(bars.length + 1).fill(Number.NaN);
  let rootWritten = Number.NaN;
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

  const writeOrb = (parts: OrbParts, level: number) => {
    for (const look of ORB_LOOKS) {
      const style = parts[look.part].style;
      if (level === 0) {
        style.removeProperty('transform');
        style.removeProperty('opacity');
        continue;
      }
      style.transform = `scale(${(look.scaleAt + level * look.scaleGrow).toFixed(4)})`;
      if (look.opacityAt !== null) style.opacity = (look.opacityAt + level * look.opacityGrow).toFixed(3);
    }
  };

  const write = (frame: Readonly<AudioVisualizerFrame>) => {
    last = frame;
    const level = displayLevel(frame.level);
    if (moved(0, level) && orb) writeOrb(orb, level);
    const rounded = Math.round(level / ROOT_LEVEL_STEP) * ROOT_LEVEL_STEP;
    // Above 0 while anything shows, so a reader sees silence only at rest.
    const shownLevel = level > 0 ? Math.max(rounded, ROOT_LEVEL_STEP) : 0;
    if (shownLevel !== rootWritten) {
      rootWritten = shownLevel;
      root.style.setProperty(LEVEL_PROPERTY, shownLevel === 0 ? '0' : shownLevel.toFixed(2));
    }
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
