import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { rmsToAudioLevel } from '../../src/core/transport/audioLevelCurve.ts';
import { createAudioLevels, type AudioLevels } from '../../src/core/transport/audioLevels.ts';
import { createMockTransport, type MockTransportOptions } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { encodeBase64 } from '../../src/testing/scenario/createPcmChunk.ts';
import { play, scenario, type ScenarioOptions, type Timeline } from '../../src/testing/scenario/index.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

async function setup(options: MockTransportOptions = {}) {
  const clock = createVirtualClock(0);
  const transport = createMockTransport({ clock, ...options });
  const session = createRealtimeSession({ transport, clock });
  await session.connect();
  return { clock, transport, session };
}

/** Base64 PCM16 of a sine: `ms` long, `amplitude` of full scale. */
function sine(ms: number, hz: number, amplitude: number): string {
  const samples = ms * 24;
  const bytes = new Uint8Array(samples * 2);
  for (let i = 0; i < samples; i++) {
    const value = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / 24000));
    bytes[2 * i] = value & 0xff;
    bytes[2 * i + 1] = (value >> 8) & 0xff;
  }
  return encodeBase64(bytes);
}

const audioDelta = (delta: string) => ({
  type: 'response.output_audio.delta',
  event_id: 'event_a',
  response_id: 'resp_1',
  item_id: 'item_1',
  output_index: 0,
  content_index: 0,
  delta,
});
const bufferEvent = (type: 'started' | 'stopped' | 'cleared') => ({ type: `output_audio_buffer.${type}`, event_id: `event_${type}`, response_id: 'resp_1' });

/** Play `timeline` and sample the levels every `stepMs` until `untilMs`, with the agent state at each. */
function sample(context: Awaited<ReturnType<typeof setup>>, timeline: Timeline, bands: number, untilMs: number, stepMs = 20) {
  const { clock, transport, session } = context;
  const meter = session.openAudioLevels({ bands });
  const levels = createAudioLevels(bands);
  const start = clock.now();
  play(timeline, { transport, clock });
  const samples: { atMs: number; agent: string; input: number; output: number; outputBands: number[]; inputBands: number[] }[] = [];
  for (let at = stepMs; at <= untilMs; at += stepMs) {
    clock.advanceTo(start + at);
    meter.read(levels);
    samples.push({
      atMs: at,
      agent: session.getState().agentState,
      input: levels.input,
      output: levels.output,
      outputBands: [...levels.outputBands],
      inputBands: [...levels.inputBands],
    });
  }
  return { samples, meter };
}

const max = (values: number[]) => Math.max(0, ...values);

describe('the mock transport measures the audio it delivers', () => {
  for (const flavor of ['mixed', 'websocket', 'webrtc'] as const) {
    it(`moves the output level while a ${flavor} scenario's answer plays, and is silent before and after`, async () => {
      const reporting = flavor === 'websocket' ? 'transport' : 'server';
      const context = await setup({ playbackReporting: reporting });
      const options: ScenarioOptions = { flavor, seed: 1 };
      const timeline = scenario(options).sessionCreated().assistantSays('Hello! How can I help you today?', { audioMs: 2000 }).build();
      const { samples } = sample(context, timeline, 8, 4000);
      const speaking = samples.filter((entry) => entry.agent === 'speaking');
      const after = samples.filter((entry) => entry.agent !== 'speaking' && entry.atMs > speaking.at(-1)!.atMs);
      const before = samples.filter((entry) => entry.atMs < speaking[0]!.atMs);
      expect(speaking.length).toBeGreaterThan(50);
      // Speech-like: loud at syllables, quiet between, clearly visible.
      expect(max(speaking.map((entry) => entry.output))).toBeGreaterThan(0.4);
      expect(speaking.filter((entry) => entry.output > 0.15).length).toBeGreaterThan(speaking.length / 2);
      expect(new Set(speaking.map((entry) => entry.output.toFixed(2))).size).toBeGreaterThan(10);
      // Every one of the 8 bands moves at some point of the answer.
      for (let band = 0; band < 8; band++) expect(max(speaking.map((entry) => entry.outputBands[band]!))).toBeGreaterThan(0.02);
      expect(max(before.map((entry) => entry.output))).toBe(0);
      expect(max(after.map((entry) => entry.output + max(entry.outputBands)))).toBe(0);
      expect(max(samples.map((entry) => entry.input))).toBe(0);
    });
  }

  it('measures the PCM itself: its loudness on the documented curve, its frequency in the right band', async () => {
    const { clock, transport, session } = await setup();
    const meter = session.openAudioLevels({ bands: 8 });
    const levels = createAudioLevels(8);
    transport.emit(audioDelta(sine(500, 1000, 0.1)));
    transport.emit(bufferEvent('started'));
    clock.advance(200);
    meter.read(levels);
    // The RMS of a sine of amplitude 0.1 is 0.0707 (-23 dBFS): the shared curve reads it
    // exactly as a transport's analyser would.
    expect(levels.output).toBeCloseTo(rmsToAudioLevel(0.1 / Math.SQRT2), 3);
    expect(levels.output).toBeCloseTo(0.74, 2);
    // 1 kHz is in the fifth of 8 log bands from 80 Hz to 8 kHz (800..1420 Hz).
    const loudest = levels.outputBands.indexOf(Math.max(...levels.outputBands));
    expect(loudest).toBe(4);
    // A band is the mean decibels of its bins, as an analyser's: one pure tone among 26 bins
    // reads low, and the bands far from it read nothing.
    expect(levels.outputBands[4]).toBeGreaterThan(0.05);
    expect(levels.outputBands[0]).toBe(0);
    expect(levels.outputBands[7]).toBe(0);

    transport.emit(audioDelta(sine(500, 1000, 1)));
    clock.advance(400); // the first 500 ms are over: the loud part plays
    meter.read(levels);
    expect(levels.output).toBe(1);

    transport.emit(audioDelta(encodeBase64(new Uint8Array(48 * 500))));
    clock.advance(500);
    meter.read(levels);
    expect(levels.output).toBe(0); // digital silence
  });

  it('plays from when output audio starts being heard, at the pace of the clock, until the queue runs out', async () => {
    const { clock, transport, session } = await setup();
    const meter = session.openAudioLevels();
    const levels = createAudioLevels(0);
    transport.emit(bufferEvent('stopped')); // a reported stop: audio waits for its start
    transport.emit(audioDelta(sine(300, 300, 0.3)));
    clock.advance(1000);
    meter.read(levels);
    expect(levels.output).toBe(0); // queued, not heard yet
    transport.emit(bufferEvent('started'));
    clock.advance(250);
    meter.read(levels);
    expect(levels.output).toBeGreaterThan(0.5);
    clock.advance(50 + 22); // 300 ms played, and the last window (512 samples, 21 ms) is past
    meter.read(levels);
    expect(levels.output).toBe(0);
  });

  for (const [name, stop] of [
    ['output_audio_buffer.stopped', (t: ReturnType<typeof createMockTransport>) => t.emit(bufferEvent('stopped'))],
    ['output_audio_buffer.cleared', (t: ReturnType<typeof createMockTransport>) => t.emit(bufferEvent('cleared'))],
    ['an interrupted playback event', (t: ReturnType<typeof createMockTransport>) => t.emitPlayback({ type: 'interrupted', playedMs: 100 })],
    ['interrupt() (the local player silenced)', (t: ReturnType<typeof createMockTransport>) => t.interrupt!()],
    ['a dropped connection', (t: ReturnType<typeof createMockTransport>) => t.drop()],
  ] as const) {
    it(`goes silent at once on ${name}`, async () => {
      const { clock, transport, session } = await setup();
      const meter = session.openAudioLevels({ bands: 4 });
      const levels = createAudioLevels(4);
      transport.emit(audioDelta(sine(2000, 300, 0.3)));
      transport.emit(bufferEvent('started'));
      clock.advance(100);
      meter.read(levels);
      expect(levels.output).toBeGreaterThan(0.5);
      stop(transport);
      meter.read(levels);
      expect(levels.output).toBe(0);
      expect([...levels.outputBands]).toEqual([0, 0, 0, 0]);
      clock.advance(100);
      meter.read(levels);
      expect(levels.output).toBe(0);
    });
  }

  it('silences the answer when the user barges in (an interruption scenario)', async () => {
    const context = await setup();
    const timeline = scenario({ seed: 2 })
      .sessionCreated()
      .assistantSays('A long story about the sea and the wind and the boats.', { audioMs: 5000 })
      .interruption({ afterMs: 1500, userSays: 'Stop, please.' })
      .build();
    const cutAt = timeline.find((step) => 'event' in step && step.event.type === 'output_audio_buffer.cleared')!.atMs;
    const { samples } = sample(context, timeline, 0, cutAt + 1000, 10);
    const beforeCut = samples.filter((entry) => entry.atMs > cutAt - 1000 && entry.atMs < cutAt - 20);
    expect(max(beforeCut.map((entry) => entry.output))).toBeGreaterThan(0.3);
    const afterCut = samples.filter((entry) => entry.atMs >= cutAt);
    expect(max(afterCut.map((entry) => entry.output))).toBe(0);
    // The user's voice takes over.
    expect(max(afterCut.map((entry) => entry.input))).toBeGreaterThan(0.3);
  });

  it('measures a synthetic voice while the user speaks, and nothing while muted', async () => {
    const context = await setup();
    const timeline = scenario({ seed: 3 }).sessionCreated().userSays('Hello, can you hear me?', { durationMs: 2000 }).build();
    const started = timeline.find((step) => 'event' in step && step.event.type === 'input_audio_buffer.speech_started')!.atMs;
    const stopped = timeline.find((step) => 'event' in step && step.event.type === 'input_audio_buffer.speech_stopped')!.atMs;
    const { samples, meter } = sample(context, timeline, 6, stopped + 500);
    const speaking = samples.filter((entry) => entry.atMs > started && entry.atMs < stopped);
    expect(max(speaking.map((entry) => entry.input))).toBeGreaterThan(0.4);
    expect(new Set(speaking.map((entry) => entry.input.toFixed(2))).size).toBeGreaterThan(10);
    expect(speaking.every((entry) => entry.inputBands.length === 6)).toBe(true);
    for (let band = 0; band < 6; band++) expect(max(speaking.map((entry) => entry.inputBands[band]!))).toBeGreaterThan(0.02);
    expect(max(samples.filter((entry) => entry.atMs >= stopped).map((entry) => entry.input))).toBe(0);
    expect(max(samples.map((entry) => entry.output))).toBe(0);

    const { clock, transport, session } = context;
    transport.emit({ type: 'input_audio_buffer.speech_started', event_id: 'event_s', audio_start_ms: 0, item_id: 'item_u' });
    const levels = createAudioLevels(6);
    clock.advance(130);
    meter.read(levels);
    expect(levels.input).toBeGreaterThan(0.2);
    session.setMuted(true);
    meter.read(levels);
    expect(levels.input).toBe(0);
    expect(max([...levels.inputBands])).toBe(0);
    session.setMuted(false);
    meter.read(levels);
    expect(levels.input).toBeGreaterThan(0.2);
  });

  it('decodes and queues nothing while no meter is open', async () => {
    const { clock, transport, session } = await setup();
    const atob = vi.spyOn(globalThis, 'atob');
    const timeline = scenario({ seed: 4 }).sessionCreated().assistantSays('Nobody is watching the levels.', { audioMs: 1000 }).build();
    play(timeline, { transport, clock });
    clock.advance(3000);
    expect(atob).not.toHaveBeenCalled();

    // One meter open: the audio is decoded; closed again: no more.
    const meter = session.openAudioLevels();
    play(scenario({ seed: 5, after: timeline }).assistantSays('Now someone is.', { audioMs: 1000 }).build(), { transport, clock });
    clock.advance(3000);
    const decoded = atob.mock.calls.length;
    expect(decoded).toBeGreaterThan(10);
    meter.close();
    await Promise.resolve();
    play(scenario({ seed: 6, after: timeline }).assistantSays('Nobody again.', { audioMs: 1000 }).build(), { transport, clock });
    clock.advance(3000);
    expect(atob).toHaveBeenCalledTimes(decoded);
  });

  it('forgets the audio once the last meter closes, but not when one is closed and reopened at once', async () => {
    const { clock, transport, session } = await setup();
    const levels = createAudioLevels(0);
    transport.emit(audioDelta(sine(2000, 300, 0.3)));
    transport.emit(bufferEvent('started'));
    const first = session.openAudioLevels();
    transport.emit(audioDelta(sine(2000, 300, 0.3)));
    clock.advance(100);
    // New bands, or StrictMode's second mount: close and reopen in one task.
    first.close();
    const second = session.openAudioLevels();
    await Promise.resolve();
    second.read(levels);
    expect(levels.output).toBeGreaterThan(0.5);

    second.close();
    await Promise.resolve();
    const third = session.openAudioLevels();
    clock.advance(100);
    third.read(levels);
    expect(levels.output).toBe(0); // nothing was kept while nobody listened
  });

  it('fills each meter with its own band count, and a closed meter reads silence', async () => {
    const { clock, transport } = await setup();
    const four = transport.openAudioLevelMeter!({ bands: 4 });
    const none = transport.openAudioLevelMeter!({ bands: 0 });
    transport.emit(audioDelta(sine(1000, 500, 0.2)));
    transport.emit(bufferEvent('started'));
    clock.advance(100);
    const withBands: AudioLevels = createAudioLevels(4);
    const without: AudioLevels = createAudioLevels(0);
    four.read(withBands);
    none.read(without);
    expect(withBands.outputBands).toHaveLength(4);
    // 500 Hz: the second of 4 bands (253..800 Hz) is the loudest.
    expect(withBands.outputBands.indexOf(max([...withBands.outputBands]))).toBe(1);
    expect(without.output).toBeCloseTo(withBands.output, 10);
    four.close();
    four.close();
    four.read(withBands);
    expect(withBands.output).toBe(0);
    none.read(without);
    expect(without.output).toBeGreaterThan(0.3);
  });

  it('finds the type of a JSON message wherever it is, and is not fooled by text that quotes one', async () => {
    const { clock, transport, session } = await setup();
    const meter = session.openAudioLevels();
    const levels = createAudioLevels(0);
    const { type, ...fields } = audioDelta(sine(500, 300, 0.3));
    transport.emit(JSON.stringify({ ...fields, type }));
    transport.emit(`{"event_id":"e","type":"output_audio_buffer.started","response_id":"resp_1"}`);
    clock.advance(100);
    meter.read(levels);
    expect(levels.output).toBeGreaterThan(0.5);
    // A transcript delta whose text quotes a stop event is a transcript delta.
    transport.emit(
      JSON.stringify({
        type: 'response.output_audio_transcript.delta',
        event_id: 'e2',
        response_id: 'resp_1',
        item_id: 'item_1',
        output_index: 0,
        content_index: 0,
        delta: '{"type":"output_audio_buffer.stopped"}',
      }),
    );
    meter.read(levels);
    expect(levels.output).toBeGreaterThan(0.5);
  });

  it('ignores what is not audio: malformed JSON, unknown events, deltas that are not base64', async () => {
    const { clock, transport, session } = await setup();
    const meter = session.openAudioLevels();
    const levels = createAudioLevels(0);
    transport.emit('{not json');
    transport.emit({ type: 'something.new', event_id: 'x' });
    transport.emit(audioDelta('***not base64***'));
    transport.emit({ ...audioDelta(''), delta: 42 });
    transport.emit(bufferEvent('started'));
    clock.advance(100);
    meter.read(levels);
    expect(levels.output).toBe(0); // a delta came (not playable): no synthetic voice, no crash
  });
});

describe('the mock transport switches microphones', () => {
  it('records the call and the device, and resolves', async () => {
    const transport = createMockTransport();
    await transport.setMicrophoneDevice!('usb-mic');
    expect(transport.calls).toEqual([{ method: 'setMicrophoneDevice', deviceId: 'usb-mic' }]);
    expect(transport.microphoneDeviceId).toBe('usb-mic');
    await transport.setMicrophoneDevice!(null);
    expect(transport.microphoneDeviceId).toBeNull();
  });

  it('rejects with microphoneDeviceError and keeps the old device', async () => {
    const failure = new Error('in use');
    const transport = createMockTransport({ microphoneDeviceError: (id) => (id === 'busy' ? failure : undefined) });
    await transport.setMicrophoneDevice!('usb-mic');
    await expect(transport.setMicrophoneDevice!('busy')).rejects.toBe(failure);
    expect(transport.microphoneDeviceId).toBe('usb-mic');
    expect(transport.calls.at(-1)).toEqual({ method: 'setMicrophoneDevice', deviceId: 'busy' });
  });

  it('leaves out the optional methods it is told to', () => {
    const transport = createMockTransport({ omit: ['setMicrophoneDevice', 'openAudioLevelMeter'] });
    expect(transport.setMicrophoneDevice).toBeUndefined();
    expect(transport.openAudioLevelMeter).toBeUndefined();
  });
});
