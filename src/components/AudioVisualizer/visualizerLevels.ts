import type { AgentState } from '../../core/session/types.ts';
import type { AudioLevels } from '../../core/transport/audioLevels.ts';
import { createLevelSmoother, type LevelSmoother } from './smoothLevels.ts';

/**
 * Whose voice a visualizer follows in an agent state: the assistant's (`output`) while it
 * speaks, the user's (`input`) while they speak, nobody's (rest) otherwise.
 *
 * @example
 * ```ts
 * levelSourceOf('speaking'); // 'output'
 * levelSourceOf('thinking'); // null
 * ```
 */
export type AudioVisualizerSource = 'input' | 'output' | null;

/** The voice an agent state follows: see {@link AudioVisualizerSource}. */
export function levelSourceOf(agentState: AgentState): AudioVisualizerSource {
  if (agentState === 'speaking') return 'output';
  if (agentState === 'user_speaking') return 'input';
  return null;
}

/**
 * One frame of a visualizer: the smoothed level and bands of the voice it follows (zeros at
 * rest), and which voice that is. The same object every frame, updated in place: read it in
 * the listener and copy what you keep.
 */
export interface AudioVisualizerFrame {
  /** The followed voice's level, 0..1 (0 at rest). */
  readonly level: number;
  /** The followed voice's bands, 0..1, low to high frequencies (empty without bands). */
  readonly bands: Float32Array;
  readonly source: AudioVisualizerSource;
}

/** A listener of frames; called only for frames that moved noticeably. */
export type AudioVisualizerListener = (frame: Readonly<AudioVisualizerFrame>) => void;

/**
 * The frame loop's state outside React: the smoother, the voice followed and the listeners.
 * Fed by `useAudioLevels`, read by whatever draws; nothing here renders.
 */
export interface VisualizerLevels {
  subscribe(listener: AudioVisualizerListener): () => void;
  /** Follow this voice from the next frame (`null`: fall back to rest). */
  follow(source: AudioVisualizerSource): void;
  /** A meter's frame at clock time `now` (ms); a frame at the same time counts as one usual frame. */
  push(levels: Readonly<AudioLevels>, now: number): void;
  /** Show rest at once (the meter stopped: disconnected, reduced motion). */
  rest(): void;
}

const NO_BANDS = /* @__PURE__ */ new Float32Array(0);

/**
 * Create the levels of one visualizer with `bandCount` bands.
 *
 * @example
 * ```ts
 * const levels = createVisualizerLevels(5);
 * const stop = levels.subscribe((frame) => draw(frame.bands));
 * levels.follow('output');
 * levels.push(meterLevels, session.clock.now());
 * ```
 */
export function createVisualizerLevels(bandCount: number): VisualizerLevels {
  const smoother: LevelSmoother = createLevelSmoother(bandCount);
  const listeners = new Set<AudioVisualizerListener>();
  let source: AudioVisualizerSource = null;
  let lastFrameAt: number | null = null;
  // A getter, so the one frame object always says the voice followed now.
  const frame: AudioVisualizerFrame = {
    get level() {
      return smoother.current.level;
    },
    bands: smoother.current.bands,
    get source() {
      return source;
    },
  };

  const notify = () => {
    for (const listener of listeners) listener(frame);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      listener(frame);
      return () => {
        listeners.delete(listener);
      };
    },
    follow(next) {
      source = next;
    },
    push(levels, now) {
      // A clock that stands still (a story held in one state, a paused virtual clock) still
      // gets frames: count each as a usual frame, so a voice that stopped falls back to rest.
      const elapsed = lastFrameAt === null || now <= lastFrameAt ? null : now - lastFrameAt;
      lastFrameAt = now;
      const moved =
        source === 'output'
          ? smoother.step(levels.output, levels.outputBands, elapsed)
          : source === 'input'
            ? smoother.step(levels.input, levels.inputBands, elapsed)
            : smoother.step(0, NO_BANDS, elapsed);
      if (moved) notify();
    },
    rest() {
      lastFrameAt = null;
      if (smoother.rest()) notify();
    },
  };
}
