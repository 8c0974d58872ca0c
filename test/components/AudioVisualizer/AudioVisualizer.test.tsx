import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler, useEffect, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AudioVisualizer, defaultAudioVisualizerLabels, useAudioVisualizer } from '../../../src/components/index.ts';
import type { AudioVisualizerProps } from '../../../src/components/index.ts';
import { displayLevel } from '../../../src/components/AudioVisualizer/barHeights.ts';
import type { AgentState } from '../../../src/core/session/types.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { setFrameScheduler } from '../../../src/react/frameScheduler.ts';
import { runFramesOnClock } from '../../../src/testing/runFramesOnClock.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';
import { createFakeLevelSource } from './fakeLevelMeter.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const FRAME_MS = 16;

function setup(props: AudioVisualizerProps = {}, agentState: AgentState = 'listening') {
  const levels = createFakeLevelSource();
  const session = createFakeSession({ transport: levels.transport });
  session.setState({ status: agentState === 'disconnected' ? 'idle' : 'connected', agentState });
  // Frames (and so the level callback) run on the session's virtual clock.
  runFramesOnClock(session, session.clock);
  let renders = 0;
  const view = render(
    <RealtimeProvider session={session}>
      <Profiler id="visualizer" onRender={() => (renders += 1)}>
        <AudioVisualizer {...props} />
      </Profiler>
    </RealtimeProvider>,
  );
  const root = () => screen.getByRole('img');
  const bars = () => [...root().querySelectorAll<HTMLElement>(':scope > span')];
  const advance = (ms: number) => act(() => session.clock.advance(ms));
  const setAgentState = (next: AgentState) => act(() => session.setState({ agentState: next }));
  return { session, levels, view, root, bars, advance, setAgentState, renders: () => renders };
}

/** Each bar's height as written: its body's inline scaleY (none written: at rest, 0). */
const barLevels = (bars: HTMLElement[]) =>
  bars.map((bar) => {
    const body = bar.children[1] as HTMLElement;
    const scale = /scaleY\(([\d.]+)\)/.exec(body.style.transform);
    return scale ? Number(scale[1]) : 0;
  });

/** The orb's glow, ring and sphere. */
const orbParts = (root: HTMLElement) => [...root.children] as [HTMLElement, HTMLElement, HTMLElement];

/** A part's inline `scale(…)` (NaN when none is written). */
const scaleOf = (part: HTMLElement) => Number(/scale\(([\d.]+)\)/.exec(part.style.transform)?.[1] ?? Number.NaN);

describe('AudioVisualizer: what it says', () => {
  const states = Object.keys(defaultAudioVisualizerLabels) as AgentState[];

  it.each(states)('is an image named after the agent state %s, with data-state', (agentState) => {
    const { root } = setup({}, agentState);
    expect(root().getAttribute('aria-label')).toBe(defaultAudioVisualizerLabels[agentState]);
    expect(root().getAttribute('data-state')).toBe(agentState);
    expect(root().getAttribute('data-look')).toBe('bars');
  });

  it('names every state in plain words by default', () => {
    expect(defaultAudioVisualizerLabels).toEqual({
      disconnected: 'Not connected',
      connecting: 'Connecting',
      listening: 'Assistant is listening',
      user_speaking: 'You are speaking',
      thinking: 'Assistant is thinking',
      tool_running: 'Assistant is running a tool',
      speaking: 'Assistant is speaking',
    });
  });

  it('follows the agent state as it changes', () => {
    const { root, setAgentState } = setup();
    expect(root().getAttribute('aria-label')).toBe('Assistant is listening');
    setAgentState('thinking');
    expect(root().getAttribute('aria-label')).toBe('Assistant is thinking');
    expect(root().getAttribute('data-state')).toBe('thinking');
  });

  it('takes custom labels for some states and keeps the defaults for the others', () => {
    const { root, setAgentState } = setup({ labels: { speaking: 'Ava is speaking' } }, 'speaking');
    expect(root().getAttribute('aria-label')).toBe('Ava is speaking');
    setAgentState('listening');
    expect(root().getAttribute('aria-label')).toBe('Assistant is listening');
  });
});

describe('AudioVisualizer: levels reach the styles without a render', () => {
  it('writes the assistant bands into the bars while it speaks, with no React render per frame', () => {
    const { levels, bars, root, advance, renders } = setup({}, 'speaking');
    expect(bars()).toHaveLength(5);
    const rendersBefore = renders();
    levels.output = 0.7;
    levels.outputBands = [0.9, 0.7, 0.5, 0.3, 0.1];
    advance(1000);
    const first = barLevels(bars());
    // Smoothed, yet there after a second: every bar up, the low band's taller than the high one's.
    for (const value of first) expect(value).toBeGreaterThan(0.2);
    expect(first[0]).toBeGreaterThan(first[4]!);
    expect(Number(root().style.getPropertyValue('--rrk-visualizer-level'))).toBeCloseTo(displayLevel(0.7), 1);
    // Sixty-odd frames of changing levels: the bars move, React does not render.
    for (let frame = 0; frame < 60; frame += 1) {
      levels.outputBands = levels.outputBands.map((value, i) => (frame % 2 === 0 ? 1 - value : 0.2 * i));
      advance(FRAME_MS);
    }
    expect(barLevels(bars())).not.toEqual(first);
    expect(renders()).toBe(rendersBefore);
  });

  it('follows the user input bands (not the assistant) while the user speaks', () => {
    const { levels, bars, root, advance } = setup({}, 'user_speaking');
    levels.input = 0.6;
    levels.inputBands = [0.2, 0.4, 0.6, 0.8, 1];
    levels.output = 1;
    levels.outputBands = [1, 1, 1, 1, 1];
    advance(1000);
    const heights = barLevels(bars());
    expect(heights[4]).toBeGreaterThan(heights[0]!);
    expect(Number(root().style.getPropertyValue('--rrk-visualizer-level'))).toBeCloseTo(displayLevel(0.6), 1);
  });

  it('rises fast and falls back slowly, to rest when the state follows no voice', () => {
    const { levels, bars, advance, setAgentState } = setup({ bands: 1 }, 'speaking');
    levels.output = 1;
    levels.outputBands = [1];
    advance(4 * FRAME_MS);
    const risen = barLevels(bars())[0]!;
    expect(risen).toBeGreaterThan(0.6);
    // The assistant is done, the meter still hears it: thinking shows rest, not the voice.
    setAgentState('thinking');
    advance(4 * FRAME_MS);
    const fallen = barLevels(bars())[0]!;
    expect(fallen).toBeLessThan(risen);
    expect(1 - fallen).toBeLessThan(risen); // slower down than up
    advance(2000);
    expect(barLevels(bars())).toEqual([0]);
  });

  it('falls back to rest on frames of a clock that stands still (a story held in one state)', () => {
    const { levels, bars, advance, setAgentState, session } = setup({}, 'speaking');
    levels.output = 0.8;
    levels.outputBands = [0.8, 0.8, 0.8, 0.8, 0.8];
    advance(1000);
    expect(barLevels(bars())[2]).toBeGreaterThan(0.5);
    // From now on frames come, the clock does not move (as when a play function holds it).
    const pending: (() => void)[] = [];
    setFrameScheduler(session, (callback) => {
      pending.push(callback);
      return () => undefined;
    });
    advance(16); // hands the loop to the new scheduler
    setAgentState('listening');
    for (let frame = 0; frame < 120; frame += 1) act(() => pending.shift()?.());
    expect(barLevels(bars())).toEqual([0, 0, 0, 0, 0]);
  });

  it('writes nothing once the levels settle (a frame that did not move costs no style write)', () => {
    const { levels, bars, root, advance } = setup({}, 'speaking');
    levels.output = 0.5;
    levels.outputBands = [0.5, 0.5, 0.5, 0.5, 0.5];
    advance(2000);
    // Every style write of the frame loop: the root's level, each bar part's transform.
    const parts = bars().flatMap((bar) => [...bar.children] as HTMLElement[]);
    const transformWrites = parts.map((part) => vi.spyOn(part.style, 'transform', 'set'));
    const levelWrites = vi.spyOn(root().style, 'setProperty');
    const barsWritten = () => bars().filter((_, bar) => transformWrites.slice(bar * 3, bar * 3 + 3).some((write) => write.mock.calls.length > 0));
    advance(1000);
    expect(barsWritten()).toEqual([]);
    expect(levelWrites).not.toHaveBeenCalled();
    // One band moves: its bar is written; the bars that did not move noticeably are not
    // (one within a hair of its last write may catch up, so not all five are).
    levels.outputBands = [0.2, 0.5, 0.5, 0.5, 0.5];
    advance(1000);
    expect(barsWritten()).toContain(bars()[0]);
    expect(barsWritten().length).toBeLessThan(bars().length);
  });

  it('drives the orb from the level alone: no band is measured, each part scales inline', () => {
    const { levels, root, advance } = setup({ look: 'orb' }, 'speaking');
    expect(root().getAttribute('data-look')).toBe('orb');
    expect(levels.opened).toEqual([0]);
    const [halo, ring, orb] = orbParts(root());
    // At rest nothing is written inline: the stylesheet draws (rest, breath, pulse, orbit).
    for (const part of [halo, ring, orb]) expect(part.style.cssText).toBe('');
    levels.output = 0.5;
    advance(1000);
    const level = displayLevel(0.5);
    // The root says the level too, rounded (pages and tests read it; nothing draws from it).
    expect(Number(root().style.getPropertyValue('--rrk-visualizer-level'))).toBeCloseTo(level, 1);
    // The same lines as the stylesheet's (styles.css, the orb's parts).
    expect(scaleOf(halo)).toBeCloseTo(0.8 + level * 0.2, 2);
    expect(Number(halo.style.opacity)).toBeCloseTo(0.3 + level * 0.7, 2);
    expect(scaleOf(ring)).toBeCloseTo(1.08 + level * 0.22, 2);
    expect(Number(ring.style.opacity)).toBeCloseTo(0.35 + level * 0.65, 2);
    expect(scaleOf(orb)).toBeCloseTo(0.94 + level * 0.14, 2);
    expect(orb.style.opacity).toBe('');
    // The voice stops: back to rest, the inline values removed.
    levels.output = 0;
    advance(3000);
    for (const part of [halo, ring, orb]) expect(part.style.cssText).toBe('');
  });

  it("moves the orb by its parts' own transforms, never through a custom property they read", () => {
    // A custom property the parts read (inherited from the root, or set on them) restyles all
    // of them each frame, gradients and shadows included: measured in Chromium, the larger part
    // of the orb's frame. So, per frame: transforms and opacities on the parts, nothing else.
    const { levels, root, advance } = setup({ look: 'orb' }, 'speaking');
    const parts = orbParts(root());
    const customWrites = parts.map((part) => vi.spyOn(part.style, 'setProperty'));
    const transformWrites = parts.map((part) => vi.spyOn(part.style, 'transform', 'set'));
    for (let frame = 0; frame < 60; frame += 1) {
      levels.output = frame % 2 === 0 ? 0.9 : 0.2;
      advance(FRAME_MS);
    }
    for (const writes of transformWrites) expect(writes.mock.calls.length).toBeGreaterThan(30);
    for (const writes of customWrites) expect(writes.mock.calls.filter(([name]) => String(name).startsWith('--'))).toEqual([]);
  });

  it("writes the root's level only when it moved a step (each write restyles the root)", () => {
    const { levels, root, advance } = setup({ look: 'orb' }, 'speaking');
    const rootWrites = vi.spyOn(root().style, 'setProperty');
    const orbWrites = vi.spyOn(orbParts(root())[2].style, 'transform', 'set');
    // A voice that wavers a little: the orb follows every wave, the root's rounded level rarely moves.
    for (let frame = 0; frame < 120; frame += 1) {
      levels.output = 0.5 + (frame % 8 < 4 ? 0.02 : -0.02);
      advance(FRAME_MS);
    }
    expect(orbWrites.mock.calls.length).toBeGreaterThan(40);
    expect(rootWrites.mock.calls.length).toBeLessThan(orbWrites.mock.calls.length / 4);
    const shown = Number(root().style.getPropertyValue('--rrk-visualizer-level'));
    expect(Math.abs(shown - displayLevel(0.5))).toBeLessThanOrEqual(0.05);
  });

  it('draws as many bars as bands asked for, and measures that many', () => {
    const { levels, bars } = setup({ bands: 7 });
    expect(bars()).toHaveLength(7);
    expect(levels.opened).toEqual([7]);
  });

  it.each([
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
    [0, 1],
    [500, 64],
  ])('draws at least one bar and at most 64 for bands=%s (%i)', (bands, drawn) => {
    const { bars } = setup({ bands });
    expect(bars()).toHaveLength(drawn);
  });

  it('measures nothing while not connected, and shows rest', () => {
    const { levels, bars, setAgentState, advance } = setup({}, 'speaking');
    levels.output = 1;
    levels.outputBands = [1, 1, 1, 1, 1];
    advance(500);
    expect(levels.open).toBe(1);
    expect(barLevels(bars())[2]).toBeGreaterThan(0.5);
    setAgentState('disconnected');
    expect(levels.open).toBe(0);
    expect(barLevels(bars())).toEqual([0, 0, 0, 0, 0]);
  });

  it('closes its meter on unmount', () => {
    const { levels, view } = setup({}, 'speaking');
    expect(levels.open).toBe(1);
    view.unmount();
    expect(levels.open).toBe(0);
  });
});

function stubReducedMotion(reduce: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: reduce,
    media: '(prefers-reduced-motion: reduce)',
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', (media: string) => ({ ...query, media }));
  return {
    set(next: boolean) {
      query.matches = next;
      for (const listener of listeners) listener();
    },
  };
}

describe('AudioVisualizer: reduced motion', () => {
  it('opens no meter and runs no frame under prefers-reduced-motion, and still names the state', () => {
    stubReducedMotion(true);
    const { levels, root, bars, advance, session } = setup({}, 'speaking');
    advance(1000);
    expect(levels.opened).toEqual([]);
    expect(session.clock.nextTimerAt()).toBeNull(); // no frame scheduled at all
    expect(root().getAttribute('data-motion')).toBe('reduce');
    expect(root().getAttribute('aria-label')).toBe('Assistant is speaking');
    expect(barLevels(bars())).toEqual([0, 0, 0, 0, 0]);
  });

  it('follows the setting as the user changes it', () => {
    const motion = stubReducedMotion(false);
    const { levels, root } = setup({}, 'speaking');
    expect(levels.open).toBe(1);
    expect(root().getAttribute('data-motion')).toBe('full');
    act(() => motion.set(true));
    expect(levels.open).toBe(0);
    expect(root().getAttribute('data-motion')).toBe('reduce');
  });

  it('can be asked for with the reducedMotion prop', () => {
    const { levels, root } = setup({ reducedMotion: true }, 'speaking');
    expect(levels.opened).toEqual([]);
    expect(root().getAttribute('data-motion')).toBe('reduce');
  });
});

describe('AudioVisualizer: styling', () => {
  it('has the kit class names, and passes className, style and other attributes through', () => {
    const ref = { current: null as HTMLDivElement | null };
    const { root, bars } = setup({ className: 'mine', style: { margin: 4 }, id: 'presence', ref } as AudioVisualizerProps);
    expect(root().className).toBe('rrk-audio-visualizer mine');
    expect(root().style.margin).toBe('4px');
    expect(root().getAttribute('id')).toBe('presence');
    expect(ref.current).toBe(root());
    expect(bars()[0]!.className).toBe('rrk-audio-visualizer__bar');
  });

  it('has no class of its own when unstyled, and still writes levels', () => {
    const { root, levels, bars, advance } = setup({ unstyled: true, className: 'mine' }, 'speaking');
    expect(root().className).toBe('mine');
    expect(root().querySelectorAll('[class]')).toHaveLength(0);
    levels.output = 1;
    levels.outputBands = [1, 1, 1, 1, 1];
    advance(500);
    expect(barLevels(bars())[0]).toBeGreaterThan(0.6);
  });
});

describe('useAudioVisualizer: a custom look', () => {
  it('gives the state, its name, root props and smoothed frames, without rendering per frame', () => {
    const levels = createFakeLevelSource();
    const session = createFakeSession({ transport: levels.transport });
    session.setState({ status: 'connected', agentState: 'speaking' });
    runFramesOnClock(session, session.clock);
    const frames: number[] = [];
    let renders = 0;
    function Meter() {
      renders += 1;
      const visualizer = useAudioVisualizer({ bands: 0 });
      const text = useRef<HTMLSpanElement>(null);
      const { subscribe } = visualizer;
      useEffect(
        () =>
          subscribe((frame) => {
            frames.push(frame.level);
            if (text.current) text.current.dataset.level = frame.level.toFixed(1);
          }),
        [subscribe],
      );
      return <span {...visualizer.rootProps} ref={text} data-source={visualizer.source ?? 'none'} />;
    }
    render(
      <RealtimeProvider session={session}>
        <Meter />
      </RealtimeProvider>,
    );
    const meter = screen.getByRole('img', { name: 'Assistant is speaking' });
    expect(meter.getAttribute('data-source')).toBe('output');
    const rendersBefore = renders;
    levels.output = 0.6;
    act(() => session.clock.advance(1000));
    expect(meter.getAttribute('data-level')).toBe('0.6');
    expect(frames.length).toBeGreaterThan(5);
    expect(renders).toBe(rendersBefore);
  });
});
