import { describe, expect, it, vi } from 'vitest';
import { createRealtimeSession } from '../../../../src/core/session/index.ts';
import type { RealtimeError } from '../../../../src/core/session/index.ts';
import { createAudioLevels, MAX_AUDIO_LEVEL_BANDS, type AudioLevelMeter } from '../../../../src/core/transport/audioLevels.ts';
import { createMockTransport } from '../../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../../src/testing/createVirtualClock.ts';

/** A session whose transport meter is `meter` (or none), with the errors it reports. */
function setup(openMeter?: (options: { bands?: number }) => AudioLevelMeter) {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock, omit: ['openAudioLevelMeter'] });
  if (openMeter) transport.openAudioLevelMeter = openMeter;
  const session = createRealtimeSession({ transport, clock });
  const errors: RealtimeError[] = [];
  session.on('error', (event) => errors.push(event.error));
  return { session, transport, errors };
}

/** A transport meter that reads fixed levels and counts its calls. */
function fixedMeter(value: number) {
  const counts = { reads: 0, closes: 0 };
  const meter: AudioLevelMeter = {
    read(into) {
      counts.reads++;
      into.input = value;
      into.output = value;
      into.inputBands.fill(value);
      into.outputBands.fill(value);
    },
    close() {
      counts.closes++;
    },
  };
  return { meter, counts };
}

describe('session.openAudioLevels', () => {
  it("reads the transport's meter, opened with the band count asked for", () => {
    const { meter, counts } = fixedMeter(0.5);
    const open = vi.fn(() => meter);
    const { session, errors } = setup(open);
    const levels = createAudioLevels(4);
    const opened = session.openAudioLevels({ bands: 4 });
    opened.read(levels);
    expect(open).toHaveBeenCalledWith({ bands: 4 });
    expect(counts.reads).toBe(1);
    expect(levels).toMatchObject({ input: 0.5, output: 0.5 });
    expect([...levels.outputBands]).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(errors).toEqual([]);
  });

  it('clamps the band count before asking the transport', () => {
    const open = vi.fn((_options: { bands?: number }) => fixedMeter(0).meter);
    const { session } = setup(open);
    session.openAudioLevels({ bands: 1000 });
    session.openAudioLevels({ bands: -3 });
    session.openAudioLevels({ bands: 2.7 });
    session.openAudioLevels();
    expect(open.mock.calls.map(([options]) => options.bands)).toEqual([MAX_AUDIO_LEVEL_BANDS, 0, 2, 0]);
  });

  it('reads silence from a transport that cannot measure', () => {
    const { session, errors } = setup();
    const levels = createAudioLevels(3);
    levels.input = levels.output = 0.9;
    levels.outputBands.fill(0.9);
    levels.inputBands.fill(0.9);
    const meter = session.openAudioLevels({ bands: 3 });
    meter.read(levels);
    expect(levels).toMatchObject({ input: 0, output: 0 });
    expect([...levels.inputBands, ...levels.outputBands]).toEqual([0, 0, 0, 0, 0, 0]);
    meter.close();
    meter.close();
    expect(errors).toEqual([]);
  });

  it('reports a throwing read once as audio_levels_failed, then reads silence without asking the transport again', () => {
    let reads = 0;
    const failure = new Error('AudioContext closed');
    const { session, errors } = setup(() => ({
      read(into) {
        reads++;
        if (reads > 1) throw failure;
        into.output = 0.7;
      },
      close() {},
    }));
    const meter = session.openAudioLevels({ bands: 2 });
    const levels = createAudioLevels(2);
    meter.read(levels);
    expect(levels.output).toBe(0.7);
    levels.outputBands.fill(0.4);
    meter.read(levels);
    expect(levels.output).toBe(0);
    expect([...levels.outputBands]).toEqual([0, 0]);
    meter.read(levels);
    meter.read(levels);
    expect(reads).toBe(2);
    expect(errors).toEqual([{ source: 'transport', code: 'audio_levels_failed', message: 'AudioContext closed', cause: failure }]);
  });

  it('reports a transport that throws while opening a meter, and reads silence', () => {
    const failure = new Error('no AudioContext');
    const { session, errors } = setup(() => {
      throw failure;
    });
    const meter = session.openAudioLevels();
    const levels = createAudioLevels(0);
    levels.output = 1;
    meter.read(levels);
    expect(levels.output).toBe(0);
    expect(errors.map((error) => [error.code, error.cause])).toEqual([['audio_levels_failed', failure]]);
  });

  it('closes the transport meter once however often it is closed, and reads silence after', () => {
    const { meter: inner, counts } = fixedMeter(0.6);
    const { session } = setup(() => inner);
    const meter = session.openAudioLevels();
    meter.close();
    meter.close();
    expect(counts.closes).toBe(1);
    const levels = createAudioLevels(0);
    meter.read(levels);
    expect(levels.output).toBe(0);
    expect(counts.reads).toBe(0);
  });

  it('swallows a transport meter that throws on close', () => {
    const { session, errors } = setup(() => ({
      read() {},
      close() {
        throw new Error('already gone');
      },
    }));
    expect(() => session.openAudioLevels().close()).not.toThrow();
    expect(errors).toEqual([]);
  });

  it('puts no levels in the session state: reading never notifies subscribers', () => {
    const { session } = setup(() => fixedMeter(0.3).meter);
    const listener = vi.fn();
    session.subscribe(listener);
    const meter = session.openAudioLevels({ bands: 8 });
    const levels = createAudioLevels(8);
    for (let i = 0; i < 100; i++) meter.read(levels);
    meter.close();
    expect(listener).not.toHaveBeenCalled();
  });
});
