import { forwardRef, useRef } from 'react';
import type { CSSProperties, HTMLAttributes } from 'react';
import { clampBands } from '../../core/transport/audioLevels.ts';
import { composeRefs } from '../internal/composeRefs.ts';
import { kitClassName } from '../internal/kitClassName.ts';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.ts';
import { trackBarReach } from './barReach.ts';
import { createLevelStyleWriter, type BarParts, type OrbParts } from './levelStyleWriter.ts';
import { useAudioVisualizer } from './useAudioVisualizer.ts';
import type { UseAudioVisualizerOptions } from './useAudioVisualizer.ts';

/**
 * The looks of {@link AudioVisualizer}: `bars` (one bar per frequency band, like a voice
 * equalizer) or `orb` (a glowing sphere that swells with the voice).
 *
 * @example
 * ```tsx
 * const look: AudioVisualizerLook = compact ? 'orb' : 'bars';
 * ```
 */
export type AudioVisualizerLook = 'bars' | 'orb';

/** Props of {@link AudioVisualizer}: the hook's options, the look, and div attributes. */
export interface AudioVisualizerProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, UseAudioVisualizerOptions {
  /** `bars` (default) or `orb`. */
  look?: AudioVisualizerLook;
  /** Drop the default class names (and so the default theme and its motion). */
  unstyled?: boolean;
}

const DEFAULT_BARS = 5;

/**
 * The assistant's visual presence: bars or an orb that follow the assistant's voice while it
 * speaks and the user's while they speak, rest while listening, pulse while thinking, move
 * their own way while a tool runs, and dim while not connected. An image (`role="img"`) named
 * after the agent state ("Assistant is speaking"), with `data-state`, `data-look` and
 * `data-motion` for styling. Levels are written once per frame, as inline transforms (and
 * opacities) of the bars' or the orb's parts, never through React state, so speech causes no
 * render; the root carries the level shown, rounded to 0.05, as `--rrk-visualizer-level`. Under `prefers-reduced-motion` it measures nothing and draws a still shape and
 * colour per state. Colours and sizes are the `--rrk-visualizer-*` variables of `styles.css`.
 * A thin shell over {@link useAudioVisualizer}.
 *
 * @example
 * ```tsx
 * <AudioVisualizer look="orb" labels={{ speaking: 'Ava is speaking' }} />
 * ```
 */
export const AudioVisualizer = forwardRef<HTMLDivElement, AudioVisualizerProps>(function AudioVisualizer(
  { look = 'bars', bands, labels, session, reducedMotion, unstyled = false, className, ...rest },
  ref,
) {
  // The orb follows the level alone: no band is measured for it. Bars always draw at least
  // one (a NaN or infinite count, say from a width not measured yet, would draw nothing).
  const barCount = look === 'bars' ? Math.max(1, clampBands(bands ?? DEFAULT_BARS)) : 0;
  const visualizer = useAudioVisualizer({ bands: barCount, labels, session, reducedMotion });
  const drawnBars = look === 'bars' ? visualizer.bands : 0;
  const rootRef = useRef<HTMLDivElement>(null);
  const barRefs = useRef<(HTMLSpanElement | null)[]>([]);
  const { subscribe } = visualizer;

  useIsomorphicLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return undefined;
    const bars = barRefs.current
      .slice(0, drawnBars)
      .map(barParts)
      .filter((parts): parts is BarParts => parts !== null);
    let redraw = () => {};
    const reach = trackBarReach(barRefs.current[0] ?? null, () => redraw());
    const writer = createLevelStyleWriter(root, bars, reach.get, look === 'orb' ? orbParts(root) : null);
    redraw = writer.redraw;
    const unsubscribe = subscribe(writer);
    return () => {
      unsubscribe();
      reach.stop();
    };
  }, [subscribe, drawnBars, look]);

  const part = (name: string) => kitClassName(unstyled, `rrk-audio-visualizer__${name}`);
  return (
    <div
      {...visualizer.rootProps}
      {...rest}
      ref={composeRefs(ref, rootRef)}
      className={kitClassName(unstyled, 'rrk-audio-visualizer', className)}
      data-state={visualizer.agentState}
      data-look={look}
      data-motion={visualizer.rootProps['data-motion']}
    >
      {look === 'bars' ? (
        Array.from({ length: drawnBars }, (_, index) => (
          <span
            key={index}
            ref={(bar) => {
              barRefs.current[index] = bar;
            }}
            className={part('bar')}
            style={barPosition(index, drawnBars)}
          >
            <span className={part('bar-top')} />
            <span className={part('bar-body')} />
            <span className={part('bar-bottom')} />
          </span>
        ))
      ) : (
        <>
          <span className={part('halo')} />
          <span className={part('ring')} />
          <span className={part('orb')} />
        </>
      )}
    </div>
  );
});

/**
 * Where a bar stands, for the stylesheet's staggered animations and still shapes: its index,
 * and its distance from the middle (0 in the middle, 1 at either end).
 */
function barPosition(index: number, count: number): CSSProperties {
  const middle = (count - 1) / 2;
  const fromMiddle = middle === 0 ? 0 : Math.abs(index - middle) / middle;
  return { '--rrk-visualizer-index': index, '--rrk-visualizer-from-middle': fromMiddle } as CSSProperties;
}

/** The orb's three parts, in the order it renders them (none if it lacks one). */
function orbParts(root: HTMLElement): OrbParts | null {
  const [halo, ring, orb] = [...root.children];
  return halo instanceof HTMLElement && ring instanceof HTMLElement && orb instanceof HTMLElement ? { halo, ring, orb } : null;
}

/** A bar's three parts, in the order it renders them (none if it lacks one). */
function barParts(bar: HTMLElement | null): BarParts | null {
  const [top, body, bottom] = bar ? [...bar.children] : [];
  return top instanceof HTMLElement && body instanceof HTMLElement && bottom instanceof HTMLElement ? { top, body, bottom } : null;
}
