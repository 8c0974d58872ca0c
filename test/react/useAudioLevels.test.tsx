import { act, render } from '@testing-library/react';
import { Profiler, StrictMode, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import './helpers/autoCleanup.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import type { RealtimeSession } from '../../src/core/session/types.ts';
import type { AudioLevelMeter, AudioLevels } from '../../src/core/transport/audioLevels.ts';
import { RealtimeProvider, useAudioLevels } from '../../src/react/index.ts';
import type { UseAudioLevelsOptions } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { renderWithSession } from '../../src/testing/renderWithSession.tsx';
import { runFramesOnClock } from '../../src/testing/runFramesOnClock.ts';
import { scenario } from '../../src/testing/scenario/index.ts';

/** A session on a virtual clock whose transport's meter counts opens, reads and closes. */
function createMeteredSession() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const meters: { bands: number; reads: number; closed: boolean }[] = [];
  let nextOutput = 0.5;
  transport.openAudioLevelMeter = ({ bands = 0 }): AudioLevelMeter => {
    const record = { bands, reads: 0, closed: false };
    meters.push(record);
    return {
      read(into) {
        record.reads++;
        into.input = 0.25;
        into.output = nextOutput;
        into.outputBands.fill(nextOutput);
      },
      close() {
        record.closed = true;
      },
    };
  };
  const session = createRealtimeSession({ transport, clock });
  runFramesOnClock(session, clock);
  return { clock, session, meters, setOutput: (value: number) => (nextOutput = value) };
}

function Levels(props: { onLevels: (levels: Readonly<AudioLevels>) => void } & UseAudioLevelsOptions) {
  const { onLevels, ...options } = props;
  useAudioLevels(onLevels, options);
  return null;
}

function withProvider(session: RealtimeSession, children: ReactNode) {
  return <RealtimeProvider session={session}>{children}</RealtimeProvider>;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useAudioLevels', () => {
  it('calls back once per frame with the meter read into one reused object', () => {
    const { clock, session, meters, setOutput } = createMeteredSession();
    const seen: { output: number; band: number; object: AudioLevels }[] = [];
    render(withProvider(session, <Levels bands={4} onLevels={(levels) => seen.push({ output: levels.output, band: levels.outputBands[3]!, object: levels as AudioLevels })} />));
    expect(meters).toHaveLength(1);
    expect(meters[0]!.bands).toBe(4);
    expect(seen).toHaveLength(0); // nothing before the first frame

    act(() => clock.advance(16));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.output).toBe(0.5);
    setOutput(0.75);
    act(() => clock.advance(16 * 9));
    expect(seen).toHaveLength(10);
    expect(meters[0]!.reads).toBe(10);
    expect(seen[9]!.output).toBe(0.75);
    expect(seen[9]!.band).toBe(0.75);
    expect(new Set(seen.map((entry) => entry.object)).size).toBe(1);
    expect(seen[0]!.object.outputBands).toHaveLength(4);
  });

  it('calls the latest callback without reopening the meter', () => {
    const { clock, session, meters } = createMeteredSession();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(withProvider(session, <Levels onLevels={first} />));
    act(() => clock.advance(16));
    rerender(withProvider(session, <Levels onLevels={second} />));
    act(() => clock.advance(32));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(meters).toHaveLength(1);
    expect(meters[0]!.closed).toBe(false);
  });

  it('closes the meter and stops the frames on unmount', () => {
    const { clock, session, meters } = createMeteredSession();
    const onLevels = vi.fn();
    const { unmount } = render(withProvider(session, <Levels onLevels={onLevels} />));
    act(() => clock.advance(48));
    unmount();
    expect(meters[0]!.closed).toBe(true);
    const calls = onLevels.mock.calls.length;
    clock.advance(1000);
    expect(onLevels).toHaveBeenCalledTimes(calls);
    expect(meters[0]!.reads).toBe(calls);
  });

  it('opens nothing and schedules no frame while disabled; enabling opens, disabling closes', () => {
    const { clock, session, meters } = createMeteredSession();
    const onLevels = vi.fn();
    const { rerender } = render(withProvider(session, <Levels enabled={false} onLevels={onLevels} />));
    act(() => clock.advance(1000));
    expect(meters).toHaveLength(0);
    expect(onLevels).not.toHaveBeenCalled();
    expect(clock.pending()).toBe(0);

    rerender(withProvider(session, <Levels enabled onLevels={onLevels} />));
    act(() => clock.advance(16));
    expect(meters).toHaveLength(1);
    expect(onLevels).toHaveBeenCalledTimes(1);

    rerender(withProvider(session, <Levels enabled={false} onLevels={onLevels} />));
    expect(meters[0]!.closed).toBe(true);
    act(() => clock.advance(1000));
    expect(onLevels).toHaveBeenCalledTimes(1);
    expect(clock.pending()).toBe(0);
  });

  it('reopens the meter when the band count changes', () => {
    const { clock, session, meters } = createMeteredSession();
    const bandCounts: number[] = [];
    const onLevels = (levels: Readonly<AudioLevels>) => bandCounts.push(levels.inputBands.length);
    const { rerender } = render(withProvider(session, <Levels bands={4} onLevels={onLevels} />));
    act(() => clock.advance(16));
    rerender(withProvider(session, <Levels bands={8} onLevels={onLevels} />));
    act(() => clock.advance(16));
    expect(meters.map((meter) => [meter.bands, meter.closed])).toEqual([
      [4, true],
      [8, false],
    ]);
    expect(bandCounts).toEqual([4, 8]);
  });

  it('under StrictMode keeps one open meter and one frame loop', () => {
    const { clock, session, meters } = createMeteredSession();
    const onLevels = vi.fn();
    render(<StrictMode>{withProvider(session, <Levels onLevels={onLevels} />)}</StrictMode>);
    act(() => clock.advance(160));
    expect(meters.filter((meter) => !meter.closed)).toHaveLength(1);
    expect(onLevels).toHaveBeenCalledTimes(10);
  });

  it('keeps calling a callback that throws, and reports only its first error', () => {
    const { clock, session } = createMeteredSession();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let calls = 0;
    const onLevels = () => {
      calls++;
      throw new Error(`drawing failed ${calls}`);
    };
    render(withProvider(session, <Levels onLevels={onLevels} />));
    act(() => clock.advance(16 * 5));
    expect(calls).toBe(5);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]![0]).toMatch(/useAudioLevels/);
    expect(consoleError.mock.calls[0]![1]).toEqual(new Error('drawing failed 1'));
  });

  it('reads silence from a transport that cannot measure', () => {
    const clock = createVirtualClock();
    const session = createRealtimeSession({ transport: createMockTransport({ clock }), clock });
    runFramesOnClock(session, clock);
    const outputs: number[] = [];
    render(withProvider(session, <Levels bands={2} onLevels={(levels) => outputs.push(levels.output + levels.input + levels.outputBands[1]!)} />));
    act(() => clock.advance(32));
    expect(outputs).toEqual([0, 0]);
  });

  it('causes zero React commits over 10 s of changing levels', () => {
    const { clock, session, setOutput } = createMeteredSession();
    let commits = 0;
    let frames = 0;
    function Meter() {
      const [label] = useState('levels');
      useAudioLevels((levels) => {
        frames++;
        document.body.dataset.level = String(levels.output);
      });
      return <span>{label}</span>;
    }
    render(
      <Profiler id="levels" onRender={() => commits++}>
        {withProvider(session, <Meter />)}
      </Profiler>,
    );
    const commitsAtMount = commits;
    for (let ms = 0; ms < 10_000; ms += 16) {
      setOutput((ms % 1000) / 1000);
      act(() => clock.advance(16));
    }
    expect(frames).toBe(625);
    expect(commits - commitsAtMount).toBe(0);
  });

  it("causes zero React commits over 10 s of a scenario's speech measured by the mock transport", async () => {
    let commits = 0;
    let loudest = 0;
    function Meter() {
      useAudioLevels(
        (levels) => {
          loudest = Math.max(loudest, levels.output);
          document.body.style.setProperty('--voice', levels.outputBands[0]!.toFixed(3));
        },
        { bands: 8 },
      );
      return null;
    }
    const { play, advance } = await renderWithSession(
      <Profiler id="levels" onRender={() => commits++}>
        <Meter />
      </Profiler>,
    );
    const commitsAtMount = commits;
    play(scenario().assistantSays('A long answer. '.repeat(12), { audioMs: 10_000 }).build());
    for (let ms = 0; ms < 10_500; ms += 100) advance(100);
    expect(loudest).toBeGreaterThan(0.5);
    expect(commits - commitsAtMount).toBe(0);
  });

  it('throws a clear error without a provider or session', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Levels onLevels={() => undefined} />)).toThrow(/useAudioLevels.*RealtimeProvider/);
    consoleError.mockRestore();
  });

  it('accepts an explicit session', () => {
    const { clock, session, meters } = createMeteredSession();
    const onLevels = vi.fn();
    render(<Levels session={session} onLevels={onLevels} />);
    act(() => clock.advance(16));
    expect(meters).toHaveLength(1);
    expect(onLevels).toHaveBeenCalledTimes(1);
  });
});
