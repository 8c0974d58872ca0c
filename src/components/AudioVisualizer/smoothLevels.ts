/**
 * Attack/release smoothing of a visualizer's levels: a level rises quickly with the voice and
 * falls back slowly, so bars and orbs follow speech without jitter. Time-based (an exponential
 * approach over the milliseconds since the last frame), so it looks the same at 60 and 120
 * frames per second, and on a virtual clock.
 */

/** How fast a smoothed level reaches its target: the time constants of rising and falling. */
export interface LevelSmoothing {
  /** Milliseconds to cover about 63% of a rise (default 45). */
  attackMs: number;
  /** Milliseconds to cover about 63% of a fall (default 160). */
  releaseMs: number;
}

/** The default smoothing: quick to rise, slower to fall. */
export const DEFAULT_LEVEL_SMOOTHING: LevelSmoothing = { attackMs: 45, releaseMs: 160 };

/**
 * A smaller move than this since the last emitted frame is not worth a style write (0.4% of
 * a bar's height: under a pixel at the default sizes).
 */
export const LEVEL_EPSILON = 0.004;

// A level this close to rest is rest: an exponential fall never reaches 0 by itself, and a
// visualizer at rest must stop writing styles.
const REST_SNAP = 0.002;

// The gap between frames that counts: no frame for a long time (a hidden tab) must not make
// a level jump, and a frame with no known gap (the first, or on a clock that stood still)
// counts as a usual frame.
const USUAL_FRAME_MS = 16;
const MAX_FRAME_GAP_MS = 100;

/** The smoothed levels of one frame: what a look draws. */
export interface SmoothedLevels {
  /** The followed voice's level, 0..1 (0 at rest). */
  level: number;
  /** The followed voice's bands, 0..1, low to high frequencies (empty without bands). */
  readonly bands: Float32Array;
}

/** The state of one smoothed set of levels, moved frame by frame toward its targets. */
export interface LevelSmoother {
  /** The smoothed values now; the same object every frame, updated in place. */
  readonly current: SmoothedLevels;
  /**
   * Move toward `level` and `bands` (missing bands read as `level`) over `elapsedMs` (null: one
   * usual frame of 16 ms). Returns
   * true when some value moved by at least {@link LEVEL_EPSILON} since the last `true`: only
   * then is the frame worth drawing.
   */
  step(level: number, bands: ArrayLike<number>, elapsedMs: number | null): boolean;
  /** Jump to rest (every value 0). Returns true when that changed something. */
  rest(): boolean;
}

function approach(from: number, to: number, rise: number, fall: number): number {
  const next = from + (to - from) * (to > from ? rise : fall);
  return to === 0 && next < REST_SNAP ? 0 : next;
}

/**
 * A {@link LevelSmoother} for `bandCount` bands.
 *
 * @example
 * ```ts
 * const smoother = createLevelSmoother(5);
 * if (smoother.step(levels.output, levels.outputBands, 16)) draw(smoother.current);
 * ```
 */
export function createLevelSmoother(bandCount: number, smoothing: LevelSmoothing = DEFAULT_LEVEL_SMOOTHING): LevelSmoother {
  const current: SmoothedLevels = { level: 0, bands: new Float32Array(bandCount) };
  const emitted = new Float32Array(bandCount + 1);

  function markIfMoved(): boolean {
    let moved = Math.abs(current.level - emitted[0]!) >= LEVEL_EPSILON || (current.level === 0) !== (emitted[0] === 0);
    for (let i = 0; !moved && i < bandCount; i += 1) {
      const value = current.bands[i]!;
      const last = emitted[i + 1]!;
      moved = Math.abs(value - last) >= LEVEL_EPSILON || (value === 0) !== (last === 0);
    }
    if (!moved) return false;
    emitted[0] = current.level;
    emitted.set(current.bands, 1);
    return true;
  }

  return {
    current,
    step(level, bands, elapsedMs) {
      const gap = Math.min(MAX_FRAME_GAP_MS, Math.max(0, elapsedMs ?? USUAL_FRAME_MS));
      const rise = 1 - Math.exp(-gap / smoothing.attackMs);
      const fall = 1 - Math.exp(-gap / smoothing.releaseMs);
      current.level = approach(current.level, clampLevel(level), rise, fall);
      for (let i = 0; i < bandCount; i += 1) {
        const target = i < bands.length ? bands[i]! : level;
        current.bands[i] = approach(current.bands[i]!, clampLevel(target), rise, fall);
      }
      return markIfMoved();
    },
    rest() {
      current.level = 0;
      current.bands.fill(0);
      return markIfMoved();
    },
  };
}

/** 0..1, and 0 for anything that is not a number (a meter must never break a frame). */
function clampLevel(value: number): number {
  return value > 0 ? (value < 1 ? value : 1) : 0;
}
