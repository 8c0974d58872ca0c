import { useMemo } from 'react';
import type { AgentState, RealtimeSession } from '../../core/session/types.ts';
import { clampBands } from '../../core/transport/audioLevels.ts';
import { useAgentState } from '../../react/useAgentState.ts';
import { useAudioLevels } from '../../react/useAudioLevels.ts';
import { useRequiredSession } from '../../react/useRequiredSession.ts';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.ts';
import { defaultAudioVisualizerLabels, type AudioVisualizerLabels } from './audioVisualizerLabels.ts';
import { usePrefersReducedMotion } from './usePrefersReducedMotion.ts';
import {
  createVisualizerLevels,
  levelSourceOf,
  type AudioVisualizerListener,
  type AudioVisualizerSource,
} from './visualizerLevels.ts';

/** Options of {@link useAudioVisualizer}; `<AudioVisualizer>` takes the same as props. */
export interface UseAudioVisualizerOptions {
  /** How many frequency bands to follow (bars to draw). Default 5; 0 for the level alone. At most 64. */
  bands?: number;
  /** Override the accessible name of any agent state. */
  labels?: Partial<AudioVisualizerLabels>;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
  /**
   * Draw without motion: no level is measured and the look is static (a shape and colour per
   * state). Default: the user's `prefers-reduced-motion` setting, followed as it changes.
   */
  reducedMotion?: boolean;
}

/** Props of a visualizer's root element, state included as `data-*` attributes for styling. */
export interface AudioVisualizerRootProps {
  role: 'img';
  'aria-label': string;
  'data-state': AgentState;
  /** `reduce` under reduced motion (a static look), else `full`. */
  'data-motion': 'reduce' | 'full';
}

/** What {@link useAudioVisualizer} returns: the state to show, its name, and the frames. */
export interface UseAudioVisualizerResult {
  agentState: AgentState;
  /** The accessible name of the state now (from `labels`). */
  label: string;
  labels: AudioVisualizerLabels;
  /** Whose voice the frames follow now: `output` while speaking, `input` while the user speaks, else null. */
  source: AudioVisualizerSource;
  /** The band count of every frame's `bands`. */
  bands: number;
  reducedMotion: boolean;
  /** Levels are measured now: connected, and motion allowed. Otherwise frames stay at rest. */
  live: boolean;
  /**
   * Call `listener` with the smoothed frame now, then on each animation frame that moved
   * noticeably (never through React: no render). Write styles or draw in it. Returns the
   * unsubscribe. Stable while `bands` stays the same, so it can be an effect's dependency.
   */
  subscribe(listener: AudioVisualizerListener): () => void;
  rootProps: AudioVisualizerRootProps;
}

const DEFAULT_BANDS = 5;

/**
 * The headless audio visualizer: the agent state and its accessible name, and smoothed level
 * frames of the voice that state follows (the assistant's while it speaks, the user's while
 * they speak, rest otherwise), so a custom look (a canvas, an SVG, a 3D orb) gets the same
 * behaviour as `<AudioVisualizer>`. Levels never cause a render: the component renders only
 * when the agent state changes, a few times per turn. Levels rise fast and fall slowly (no
 * jitter), and a frame that did not move noticeably is not sent. Nothing is measured while
 * the session is not connected or under reduced motion.
 *
 * @example A canvas look
 * ```tsx
 * function CanvasVisualizer() {
 *   const canvas = useRef<HTMLCanvasElement>(null);
 *   const { rootProps, subscribe } = useAudioVisualizer({ bands: 16 });
 *   useEffect(
 *     () =>
 *       subscribe((frame) => {
 *         const context = canvas.current?.getContext('2d');
 *         if (!context) return;
 *         context.clearRect(0, 0, 160, 48);
 *         frame.bands.forEach((value, i) => context.fillRect(i * 10, 48 - 4 - value * 44, 6, 4 + value * 44));
 *       }),
 *     [subscribe],
 *   );
 *   return <canvas {...rootProps} ref={canvas} width={160} height={48} />;
 * }
 * ```
 */
export function useAudioVisualizer(options: UseAudioVisualizerOptions = {}): UseAudioVisualizerResult {
  const session = useRequiredSession(options.session, 'useAudioVisualizer');
  const agentState = useAgentState({ session });
  const prefersReducedMotion = usePrefersReducedMotion();
  const reducedMotion = options.reducedMotion ?? prefersReducedMotion;
  const bands = clampBands(options.bands ?? DEFAULT_BANDS);
  const source = levelSourceOf(agentState);
  const live = !reducedMotion && agentState !== 'disconnected' && agentState !== 'connecting';
  const levels = useMemo(() => createVisualizerLevels(bands), [bands]);

  // Before the next frame, and before the browser paints the new state.
  useIsomorphicLayoutEffect(() => levels.follow(source), [levels, source]);
  useIsomorphicLayoutEffect(() => {
    if (!live) levels.rest();
  }, [levels, live]);
  useAudioLevels((meter) => levels.push(meter, session.clock.now()), { bands, enabled: live, session });

  const labels: AudioVisualizerLabels = { ...defaultAudioVisualizerLabels, ...options.labels };
  const label = labels[agentState];
  return {
    agentState,
    label,
    labels,
    source,
    bands,
    reducedMotion,
    live,
    subscribe: levels.subscribe,
    rootProps: {
      role: 'img',
      'aria-label': label,
      'data-state': agentState,
      'data-motion': reducedMotion ? 'reduce' : 'full',
    },
  };
}
