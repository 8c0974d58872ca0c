import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAIWebRTCTransport } from '../../../src/core/transports/createOpenAIWebRTCTransport.ts';
import { createAudioLevelMeters } from '../../../src/core/transports/audio/createAudioLevelMeters.ts';
import { loadAudioFeatures as loadAudioLevelMeters } from '../../../src/core/transports/audio/lazyAudioFeatures.ts';
import { createAudioLevels } from '../../../src/core/transport/audioLevels.ts';
import { rmsToAudioLevel } from '../../../src/core/transport/audioLevelCurve.ts';
import type {
  FakeAnalyserNode} from './fakes.ts';
import {
  FakeAudioContext,
  fakeFetch,
  FakePeerConnection,
  FakeStream,
  fakeWebRTCTransportWithDevices,
  fakeWebSocketTransportWithDevices,
  FakeWebSocket,
  liveAnalyserOf,
  resetTransportFakes,
} from './fakes.ts';

const signal = () => new AbortController().signal;

const rtc = () => fakeWebRTCTransportWithDevices();
const ws = () => fakeWebSocketTransportWithDevices();

async function connectWebSocket(transport: ReturnType<typeof ws>['transport']) {
  const before = FakeWebSocket.instances.length;
  const connecting = transport.connect({ signal: signal() });
  const socket = await vi.waitFor(() => FakeWebSocket.instances[before] ?? Promise.reject(new Error('no socket yet')));
  socket.open();
  socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
  await connecting;
  return socket;
}

beforeEach(() => resetTransportFakes());
afterEach(() => vi.unstubAllGlobals());

describe('WebRTC audio level meters', () => {
  it('creates no AudioContext and no analyser until a meter opens, and releases both when it closes', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const pc = FakePeerConnection.instances[0] as FakePeerConnection;
    const remote = pc.remoteTrack();
    expect(FakeAudioContext.instances).toHaveLength(0);

    const meter = transport.openAudioLevelMeter?.({ bands: 0 });
    await loadAudioLevelMeters(); // the analysers load on first use
    const levels = createAudioLevels(0);
    meter?.read(levels);
    const context = FakeAudioContext.instances[0];
    expect(FakeAudioContext.instances).toHaveLength(1);
    expect(context?.liveAnalysers()).toHaveLength(2);
    // Input from the microphone as sent, output from the stream ontrack gave.
    expect(liveAnalyserOf(context, devices.opened[0]).fftSize).toBe(1024);
    liveAnalyserOf(context, remote);
    // Read again: nothing new is built while nothing changed.
    meter?.read(levels);
    expect(context?.analysers).toHaveLength(2);

    meter?.close();
    expect(context?.liveAnalysers()).toHaveLength(0);
    expect(context?.state).toBe('closed');
    transport.close();
  });

  it('turns the analysers into levels and log-spaced bands on the shared curve', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const remote = (FakePeerConnection.instances[0] as FakePeerConnection).remoteTrack();
    const meter = transport.openAudioLevelMeter?.({ bands: 8 });
    await loadAudioLevelMeters(); // the analysers load on first use
    const levels = createAudioLevels(8);
    meter?.read(levels);
    const context = FakeAudioContext.instances[0];
    const input = liveAnalyserOf(context, devices.opened[0]);
    const output = liveAnalyserOf(context, remote);
    input.sample = 0.1;
    // -65 dB on the analyser's -100..-30 scale is the middle.
    input.binDecibels = () => -65;
    output.sample = 0.01;
    // Louder towards high frequencies: the bands must rise from low to high.
    output.binDecibels = (bin) => -100 + bin / 3;

    meter?.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.1), 6);
    expect(levels.output).toBeCloseTo(rmsToAudioLevel(0.01), 6);
    expect(levels.input).toBeGreaterThan(levels.output);
    for (const band of levels.inputBands) expect(band).toBeCloseTo(0.5, 5);
    const outputBands = [...levels.outputBands];
    for (let band = 1; band < outputBands.length; band += 1) {
      expect(outputBands[band]).toBeGreaterThan(outputBands[band - 1] as number);
    }
    // Log-spaced from 80 Hz: the lowest band sits in the first few bins (47 Hz each), not at 1 kHz.
    expect(outputBands[0]).toBeLessThan(0.05);
    meter?.close();
    transport.close();
  });

  it('reads 0 for a muted microphone', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const meter = transport.openAudioLevelMeter?.({ bands: 4 });
    await loadAudioLevelMeters(); // the analysers load on first use
    const levels = createAudioLevels(4);
    meter?.read(levels);
    const input = liveAnalyserOf(FakeAudioContext.instances[0], devices.opened[0]);
    input.sample = 0.2;
    input.binDecibels = () => -40;
    transport.setMuted?.(true);
    meter?.read(levels);
    expect(levels.input).toBe(0);
    expect([...levels.inputBands]).toEqual([0, 0, 0, 0]);
    expect(devices.opened[0]?.track.enabled).toBe(false);
    transport.setMuted?.(false);
    meter?.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.2), 6);
    meter?.close();
    transport.close();
  });

  it('a meter opened before connect reads zeros, then live values, and survives a reconnect', async () => {
    const { transport, devices } = rtc();
    const meter = transport.openAudioLevelMeter?.({ bands: 2 });
    await loadAudioLevelMeters(); // the analysers load on first use
    const levels = createAudioLevels(2);
    meter?.read(levels);
    expect(levels).toMatchObject({ input: 0, output: 0 });
    expect(FakeAudioContext.instances).toHaveLength(0);

    await transport.connect({ signal: signal() });
    meter?.read(levels);
    liveAnalyserOf(FakeAudioContext.instances[0], devices.opened[0]).sample = 0.1;
    meter?.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.1), 6);

    transport.close();
    expect(FakeAudioContext.instances[0]?.state).toBe('closed');
    meter?.read(levels);
    expect(levels.input).toBe(0);

    await transport.connect({ signal: signal() });
    const remote = (FakePeerConnection.instances[1] as FakePeerConnection).remoteTrack();
    meter?.read(levels);
    // A new context for the new connection, fed by the new microphone stream and the new remote stream.
    const context = FakeAudioContext.instances[1];
    expect(context?.liveAnalysers()).toHaveLength(2);
    liveAnalyserOf(context, devices.opened[1]).sample = 0.05;
    liveAnalyserOf(context, remote).sample = 0.3;
    meter?.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.05), 6);
    expect(levels.output).toBeCloseTo(rmsToAudioLevel(0.3), 6);
    meter?.close();
    expect(context?.liveAnalysers()).toHaveLength(0);
    transport.close();
  });

  it('with a meter open, connect() makes the metering context synchronously, inside the user gesture', () => {
    const transport = createOpenAIWebRTCTransport({
      getClientSecret: () => new Promise<string>(() => undefined),
      RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
      fetch: fakeFetch(() => new Response('')).fetch,
      AudioContext: FakeAudioContext as unknown as typeof AudioContext,
    });
    // Before the analysers have even loaded: the context must be made now, not after an await.
    const meter = transport.openAudioLevelMeter?.({ bands: 0 });
    void transport.connect({ signal: signal() }).catch(() => undefined);
    expect(FakeAudioContext.instances).toHaveLength(1);
    meter?.close();
    expect(FakeAudioContext.instances[0]?.state).toBe('closed');
    transport.close();
  });

  it('keeps the analysers while another meter is open', async () => {
    const { transport } = rtc();
    await transport.connect({ signal: signal() });
    const first = transport.openAudioLevelMeter?.({ bands: 0 });
    await loadAudioLevelMeters(); // the analysers load on first use
    const second = transport.openAudioLevelMeter?.({ bands: 16 });
    first?.read(createAudioLevels(0));
    second?.read(createAudioLevels(16));
    first?.close();
    first?.close();
    const context = FakeAudioContext.instances[0];
    expect(context?.liveAnalysers()).toHaveLength(1);
    expect(context?.state).toBe('running');
    second?.close();
    expect(context?.liveAnalysers()).toHaveLength(0);
    expect(context?.state).toBe('closed');
    transport.close();
  });
});

describe('WebSocket audio level meters', () => {
  it('taps the captured microphone and the player output in the connection context, only while a meter is open', async () => {
    const { transport, devices } = ws();
    await connectWebSocket(transport);
    const context = FakeAudioContext.instances[0] as FakeAudioContext;
    expect(context.analysers).toHaveLength(0);

    const meter = transport.openAudioLevelMeter?.({ bands: 4 });
    await loadAudioLevelMeters(); // the analysers load on first use
    const levels = createAudioLevels(4);
    meter?.read(levels);
    expect(context.liveAnalysers()).toHaveLength(2);
    const input = liveAnalyserOf(context, devices.opened[0]);
    const player = context.gains[0];
    const output = context.liveAnalysers().find((analyser) => player && analyser.inputs.has(player));
    expect(output).toBeDefined();
    // Listened to, never heard: the analysers reach no destination.
    expect(context.destination.targets.has(input)).toBe(false);
    input.sample = 0.1;
    if (output) output.sample = 0.02;
    meter?.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.1), 6);
    expect(levels.output).toBeCloseTo(rmsToAudioLevel(0.02), 6);

    meter?.close();
    expect(context.liveAnalysers()).toHaveLength(0);
    // The player still plays: only the analyser's branch was disconnected.
    expect(player?.targets.has(context.destination)).toBe(true);
    transport.close();
  });

  it('follows a reconnect into the new connection context', async () => {
    const { transport, devices } = ws();
    const meter = transport.openAudioLevelMeter?.({ bands: 0 });
    await loadAudioLevelMeters(); // the analysers load on first use
    const levels = createAudioLevels(0);
    meter?.read(levels);
    expect(levels.input).toBe(0);
    await connectWebSocket(transport);
    meter?.read(levels);
    const first = FakeAudioContext.instances[0] as FakeAudioContext;
    expect(first.liveAnalysers()).toHaveLength(2);
    transport.close();
    expect(first.liveAnalysers()).toHaveLength(0);
    meter?.read(levels);
    expect(levels).toMatchObject({ input: 0, output: 0 });

    await connectWebSocket(transport);
    meter?.read(levels);
    const second = FakeAudioContext.instances[1] as FakeAudioContext;
    expect(second.liveAnalysers()).toHaveLength(2);
    liveAnalyserOf(second, devices.opened[1]).sample = 0.1;
    meter?.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.1), 6);
    meter?.close();
    transport.close();
  });
});

describe('createAudioLevelMeters', () => {
  it('reads silence after close and never throws on a stream without audio', () => {
    const context = new FakeAudioContext();
    const empty = { getAudioTracks: () => [] };
    const assistant = new FakeStream();
    const meters = createAudioLevelMeters({
      context: () => context as unknown as AudioContext,
      input: () => empty as unknown as MediaStream,
      output: () => assistant as unknown as MediaStream,
      inputMuted: () => false,
    });
    const meter = meters.open({ bands: 64 });
    const levels = createAudioLevels(64);
    meter.read(levels);
    expect(context.liveAnalysers()).toHaveLength(1);
    const output = context.liveAnalysers()[0] as FakeAnalyserNode;
    output.sample = 0.5;
    output.binDecibels = () => -30;
    meter.read(levels);
    expect(levels.output).toBeGreaterThan(0.9);
    // All 64 bands land on distinct bins: every one is measured.
    expect([...levels.outputBands].every((band) => band === 1)).toBe(true);
    expect(meters.openCount).toBe(1);
    meter.close();
    expect(meters.openCount).toBe(0);
    meter.read(levels);
    expect(levels.output).toBe(0);
    expect(levels.outputBands.every((band) => band === 0)).toBe(true);
  });
});
