import { useEffect, useInsertionEffect, useRef } from 'react';
import type { RealtimeSession } from '../core/session/types.ts';
import { clampBands, createAudioLevels, type AudioLevels } from '../core/transport/audioLevels.ts';
import { requestFrame } from './frameScheduler.ts';
import { useRequiredSession } from './useRequiredSession.ts';

/** Options of {@link useAudioLevels}. */
export interface UseAudioLevelsOptions {
  /**
   * How many frequency bands to measure per side (`inputBands`, `outputBands`), low to high.
   * Default 0: the two levels only, which costs least. At most 64. Changing it opens a new meter.
   */
  bands?: number;
  /**
   * Set false to stop measuring without unmounting: the meter is closed and no frame is
   * scheduled (nothing is analysed). Default true.
   */
  enabled?: boolean;
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

/**
 * Call `callback` once per animation frame with the live audio levels of the microphone
 * (`input`) and the assistant (`output`), each 0..1, and `bands` frequency bands of each.
 * For visualizers: write styles, CSS variables or a canvas from the callback. The hook itself
 * never causes a React render, whatever the levels do.
 *
 * - The meter (`session.openAudioLevels`) is opened in an effect, only while mounted and
 *   `enabled`, and closed on unmount, on `enabled: false` and when `bands` changes; nothing is
 *   analysed while no one listens. Nothing runs at import or during render (server rendering is
 *   safe: the callback is never called on the server).
 * - Frames come from `requestAnimationFrame`, or from the session's frame scheduler when a test
 *   or demo set one (`renderWithSession`, `createDemoSession({ clock })`, `runFramesOnClock`), so
 *   a virtual clock drives the callback.
 * - `levels` is the same object every frame, refilled in place: read it in the callback and
 *   copy what you keep.
 * - The latest `callback` is called, without reopening the meter, so an inline arrow is fine.
 * - A callback that throws does not stop the frames: the first error of a mounted meter is
 *   reported with `console.error` (the next ones are not, so a broken drawing does not flood
 *   the console at 60 lines a second), and the next frame calls the callback again.
 * - A transport that cannot measure reads zeros (see `session.openAudioLevels`).
 *
 * @example A level meter that scales a dot, with no re-render
 * ```tsx
 * function VoiceDot() {
 *   const dot = useRef<HTMLDivElement>(null);
 *   useAudioLevels((levels) => {
 *     dot.current?.style.setProperty('--level', String(Math.max(levels.input, levels.output)));
 *   });
 *   return <div ref={dot} className="voice-dot" style={{ transform: 'scale(calc(1 + var(--level, 0)))' }} />;
 * }
 * ```
 *
 * @example Eight bars of the assistant's voice, measured only while the panel is open
 * ```tsx
 * function Bars({ open }: { open: boolean }) {
 *   const bars = useRef<(HTMLSpanElement | null)[]>([]);
 *   useAudioLevels(
 *     ({ outputBands }) => {
 *       outputBands.forEach((value, i) => bars.current[i]?.style.setProperty('height', `${4 + value * 60}px`));
 *     },
 *     { bands: 8, enabled: open },
 *   );
 *   return <div>{Array.from({ length: 8 }, (_, i) => <span key={i} ref={(el) => { bars.current[i] = el; }} />)}</div>;
 * }
 * ```
 */
export function useAudioLevels(callback: (levels: Readonly<AudioLevels>) => void, options?: UseAudioLevelsOptions): void {
  const session = useRequiredSession(options?.session, 'useAudioLevels');
  const enabled = options?.enabled ?? true;
  const bands = clampBands(options?.bands);
  const callbackRef = useRef(callback);
  // Updated in an insertion effect: before any layout or passive effect of the commit, so the
  // next frame calls this render's callback, and (unlike a layout effect) without React 18's
  // warning when the component is rendered on a server.
  useInsertionEffect(() => {
    callbackRef.current = callback;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    return runLevelFrames(session, bands, (levels) => callbackRef.current(levels));
  }, [session, enabled, bands]);
}

/**
 * The frame loop of {@link useAudioLevels}: open a meter, read it into one reused levels object
 * each frame, hand it to `onFrame`. Returns the teardown (cancel the frame, close the meter).
 */
function runLevelFrames(session: RealtimeSession, bands: number, onFrame: (levels: AudioLevels) => void): () => void {
  const meter = session.openAudioLevels({ bands });
  const levels = createAudioLevels(bands);
  let reported = false;
  let cancelFrame = requestFrame(session, frame);
  function frame() {
    // Schedule the next frame first: a callback that throws must not end the loop.
    cancelFrame = requestFrame(session, frame);
    meter.read(levels);
    try {
      onFrame(levels);
    } catch (error) {
      if (reported) return;
      reported = true;
      console.error('useAudioLevels: the callback threw; it is called again next frame (later errors are not reported).', error);
    }
  }
  return () => {
    cancelFrame();
    meter.close();
  };
}
