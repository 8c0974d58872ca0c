import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MICROPHONE_CONSTRAINTS } from '../../../src/core/transports/audio/getMicrophoneStream.ts';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import { createAudioLevels } from '../../../src/core/transport/audioLevels.ts';
import { loadAudioFeatures as loadAudioLevelMeters } from '../../../src/core/transports/audio/lazyAudioFeatures.ts';
import {
  domError,
  FakeAudioContext,
  FakePeerConnection,
  FakeStream,
  FakeWebSocket,
  fakeWebRTCTransportWithDevices,
  fakeWebSocketTransportWithDevices,
  FakeWorkletNode,
  resetTransportFakes,
} from './fakes.ts';
import type { FakeSender } from './fakes.ts';

const signal = () => new AbortController().signal;
const exactly = (deviceId: string) => ({ audio: { ...DEFAULT_MICROPHONE_CONSTRAINTS, deviceId: { exact: deviceId } } });
const byDefault = { audio: DEFAULT_MICROPHONE_CONSTRAINTS };

const DEVICES = {
  usb: true,
  headset: true,
  blocked: domError('NotAllowedError'),
  busy: domError('NotReadableError', 'Device in use'),
} as const;

const rtc = (overrides: Record<string, unknown> = {}) => fakeWebRTCTransportWithDevices(DEVICES, overrides);

const peer = (index = 0) => FakePeerConnection.instances[index] as FakePeerConnection;
const sender = (index = 0) => peer(index).senders[0];

async function rejection(promise: Promise<unknown>): Promise<RealtimeTransportError> {
  const error = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  if (!(error instanceof RealtimeTransportError)) throw new Error(`expected a RealtimeTransportError, got ${String(error)}`);
  return error;
}

beforeEach(() => resetTransportFakes());
afterEach(() => vi.unstubAllGlobals());

describe('WebRTC: setMicrophoneDevice', () => {
  it('replaces the sent track in place (no new offer, no new call) and stops the old track it opened', async () => {
    const { transport, devices, http } = rtc();
    await transport.connect({ signal: signal() });
    const first = devices.opened[0] as FakeStream;
    expect(devices.calls).toEqual([byDefault]);

    await transport.setMicrophoneDevice?.('usb');
    const usb = devices.opened[1] as FakeStream;
    expect(devices.calls[1]).toEqual(exactly('usb'));
    expect(sender()?.replaced).toEqual([usb.track]);
    expect(FakePeerConnection.instances).toHaveLength(1);
    expect(peer().offers).toBe(1);
    expect(http.calls).toHaveLength(1);
    expect(first.track.readyState).toBe('ended');
    expect(usb.track.readyState).toBe('live');
    transport.close();
    expect(usb.track.readyState).toBe('ended');
  });

  it('keeps the mute state on the new track', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    transport.setMuted?.(true);
    await transport.setMicrophoneDevice?.('usb');
    const usb = devices.opened[1] as FakeStream;
    expect(usb.track.enabled).toBe(false);
    transport.setMuted?.(false);
    expect(usb.track.enabled).toBe(true);
    transport.close();
  });

  it("leaves the app's own stream running and enabled, and goes back to it with null", async () => {
    const given = new FakeStream('app');
    const { transport, devices } = rtc({ mediaStream: given });
    await transport.connect({ signal: signal() });
    expect(devices.calls).toEqual([]);
    transport.setMuted?.(true);

    await transport.setMicrophoneDevice?.('usb');
    const usb = devices.opened[0] as FakeStream;
    expect(sender()?.track).toBe(usb.track);
    expect(given.track.readyState).toBe('live');
    expect(given.track.enabled).toBe(true);
    expect(usb.track.enabled).toBe(false);

    await transport.setMicrophoneDevice?.(null);
    expect(sender()?.track).toBe(given.track);
    expect(usb.track.readyState).toBe('ended');
    // Muted again: the app's stream is the one sent now.
    expect(given.track.enabled).toBe(false);
    transport.close();
    expect(given.track.readyState).toBe('live');
    expect(given.track.enabled).toBe(true);
  });

  it.each([
    ['blocked', 'microphone_denied'],
    ['busy', 'microphone_unavailable'],
    ['unplugged', 'microphone_unavailable'],
  ] as const)('keeps the old track when %s cannot be opened (%s)', async (device, code) => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const first = devices.opened[0] as FakeStream;
    const error = await rejection(transport.setMicrophoneDevice?.(device) as Promise<void>);
    expect(error.code).toBe(code);
    expect(sender()?.replaced).toEqual([]);
    expect(first.track.readyState).toBe('live');
    // The failed choice is not remembered: a reconnect opens the microphone that worked.
    transport.close();
    await transport.connect({ signal: signal() });
    expect(devices.calls.at(-1)).toEqual(byDefault);
    transport.close();
  });

  it('keeps the old track when the sender refuses the new one, and stops the new one', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const first = devices.opened[0] as FakeStream;
    (sender() as NonNullable<ReturnType<typeof sender>>).failWith = domError('InvalidModificationError');
    const error = await rejection(transport.setMicrophoneDevice?.('usb') as Promise<void>);
    expect(error.code).toBe('microphone_unavailable');
    expect(first.track.readyState).toBe('live');
    expect(devices.opened[1]?.track.readyState).toBe('ended');
    transport.close();
  });

  it('remembers a choice made before connect and opens that device at connect', async () => {
    const { transport, devices } = rtc();
    await transport.setMicrophoneDevice?.('usb');
    expect(devices.calls).toEqual([]);
    await transport.connect({ signal: signal() });
    expect(devices.calls).toEqual([exactly('usb')]);
    expect(peer().tracks).toEqual([devices.opened[0]?.track]);
    transport.close();
    await transport.setMicrophoneDevice?.(null);
    await transport.connect({ signal: signal() });
    expect(devices.calls.at(-1)).toEqual(byDefault);
    transport.close();
  });

  it("takes an empty id as the default (MicrophoneSelect's default option, a choice saved as deviceId ?? '')", async () => {
    const { transport, devices } = rtc();
    await transport.setMicrophoneDevice?.('');
    await transport.connect({ signal: signal() });
    expect(devices.calls).toEqual([byDefault]);
    await transport.setMicrophoneDevice?.('usb');
    await transport.setMicrophoneDevice?.('');
    expect(devices.calls.slice(1)).toEqual([exactly('usb'), byDefault]);
    transport.close();
  });

  it('a choice made while connect waits for the microphone prompt is the one connected', async () => {
    const { transport, devices } = rtc();
    devices.hold();
    const connecting = transport.connect({ signal: signal() });
    await vi.waitFor(() => expect(devices.calls).toHaveLength(1));
    await transport.setMicrophoneDevice?.('usb');
    devices.release();
    await connecting;
    expect(devices.calls).toEqual([byDefault, exactly('usb')]);
    const [defaultStream, usb] = devices.opened;
    expect(defaultStream?.track.readyState).toBe('ended');
    expect(peer().tracks).toEqual([usb?.track]);
    transport.close();
  });

  it('close() during a pending switch stops the stream it opened and remembers the choice', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    devices.hold();
    const switching = transport.setMicrophoneDevice?.('usb');
    await vi.waitFor(() => expect(devices.calls).toHaveLength(2));
    transport.close();
    devices.release();
    await switching;
    const usb = devices.opened[1] as FakeStream;
    expect(usb.track.readyState).toBe('ended');
    expect(sender()?.replaced).toEqual([]);
    await transport.connect({ signal: signal() });
    expect(devices.calls.at(-1)).toEqual(exactly('usb'));
    transport.close();
  });

  it('close() while the sender replaces the track (a closed peer refuses it) remembers the choice instead of failing', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const pc = peer();
    let settle: (() => void) | undefined;
    (sender() as FakeSender).replaceTrack = () =>
      new Promise<void>((resolve, reject) => {
        // As a browser does: replaceTrack on a peer connection closed meanwhile rejects.
        settle = () => (pc.closed ? reject(domError('InvalidStateError', 'The peer connection is closed.')) : resolve());
      });
    const switching = transport.setMicrophoneDevice?.('usb');
    await vi.waitFor(() => expect(settle).toBeDefined());
    transport.close();
    settle?.();
    await expect(switching).resolves.toBeUndefined();
    expect((devices.opened[1] as FakeStream).track.readyState).toBe('ended');
    await transport.connect({ signal: signal() });
    expect(devices.calls.at(-1)).toEqual(exactly('usb'));
    transport.close();
  });

  it('runs concurrent switches in order: each settles with its own outcome and the last one decides', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const order: string[] = [];
    const toUsb = transport.setMicrophoneDevice?.('usb').then(() => order.push('usb'));
    const toBlocked = rejection(transport.setMicrophoneDevice?.('blocked') as Promise<void>).then((error) => {
      order.push(error.code);
    });
    const toHeadset = transport.setMicrophoneDevice?.('headset').then(() => order.push('headset'));
    await Promise.all([toUsb, toBlocked, toHeadset]);
    expect(order).toEqual(['usb', 'microphone_denied', 'headset']);
    const [first, usb, headset] = devices.opened;
    expect(sender()?.replaced).toEqual([usb?.track, headset?.track]);
    expect([first, usb, headset].map((stream) => stream?.track.readyState)).toEqual(['ended', 'ended', 'live']);
    transport.close();
  });

  it('a later call waits for an earlier one whose prompt is still open, so the later choice is the one sent', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    devices.hold('usb');
    const toUsb = transport.setMicrophoneDevice?.('usb');
    const toHeadset = transport.setMicrophoneDevice?.('headset');
    await vi.waitFor(() => expect(devices.calls).toHaveLength(2));
    // The headset is not even asked for while the USB microphone's prompt is open.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(devices.calls).toHaveLength(2);
    devices.release();
    await Promise.all([toUsb, toHeadset]);
    expect(devices.calls.slice(1)).toEqual([exactly('usb'), exactly('headset')]);
    expect(sender()?.track).toBe(devices.opened[2]?.track);
    expect(devices.opened[1]?.track.readyState).toBe('ended');
    transport.close();
  });

  it('moves the input meter to the new microphone', async () => {
    const { transport, devices } = rtc();
    await transport.connect({ signal: signal() });
    const meter = transport.openAudioLevelMeter?.({ bands: 0 });
    await loadAudioLevelMeters();
    const levels = createAudioLevels(0);
    meter?.read(levels);
    const context = FakeAudioContext.instances[0] as FakeAudioContext;
    expect(context.liveAnalysers().map((analyser) => analyser.stream)).toEqual([devices.opened[0]]);
    await transport.setMicrophoneDevice?.('usb');
    meter?.read(levels);
    const live = context.liveAnalysers();
    expect(live.map((analyser) => analyser.stream)).toEqual([devices.opened[1]]);
    (live[0] as (typeof live)[number]).sample = 0.1;
    meter?.read(levels);
    expect(levels.input).toBeGreaterThan(0);
    meter?.close();
    transport.close();
  });
});

describe('WebSocket: setMicrophoneDevice', () => {
  const ws = (overrides: Record<string, unknown> = {}) => fakeWebSocketTransportWithDevices(DEVICES, overrides);

  async function connect(transport: ReturnType<typeof ws>['transport']) {
    const connecting = transport.connect({ signal: signal() });
    const socket = await vi.waitFor(() => FakeWebSocket.instances.at(-1) ?? Promise.reject(new Error('no socket yet')));
    socket.open();
    socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
    await connecting;
    return socket;
  }

  const appends = (socket: FakeWebSocket) =>
    socket.sentEvents().filter((event) => event.type === 'input_audio_buffer.append').length;

  it('rewires the running capture to the new stream on the same socket; chunks keep flowing', async () => {
    const { transport, devices } = ws();
    const socket = await connect(transport);
    const context = FakeAudioContext.instances[0] as FakeAudioContext;
    const worklet = FakeWorkletNode.last as FakeWorkletNode;
    const first = devices.opened[0] as FakeStream;
    expect(worklet.streams(context)).toEqual([first]);
    worklet.post();
    worklet.post();
    const before = appends(socket);
    expect(before).toBeGreaterThan(0);

    await transport.setMicrophoneDevice?.('usb');
    const usb = devices.opened[1] as FakeStream;
    expect(worklet.streams(context)).toEqual([usb]);
    expect(FakeWorkletNode.last).toBe(worklet);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(first.track.readyState).toBe('ended');
    worklet.post();
    worklet.post();
    expect(appends(socket)).toBeGreaterThan(before);
    transport.close();
    expect(usb.track.readyState).toBe('ended');
  });

  it('keeps the mute state and the old stream when the new device is refused', async () => {
    const { transport, devices } = ws();
    await connect(transport);
    const context = FakeAudioContext.instances[0] as FakeAudioContext;
    const worklet = FakeWorkletNode.last as FakeWorkletNode;
    transport.setMuted?.(true);
    const error = await rejection(transport.setMicrophoneDevice?.('blocked') as Promise<void>);
    expect(error.code).toBe('microphone_denied');
    expect(worklet.streams(context)).toEqual([devices.opened[0]]);
    await transport.setMicrophoneDevice?.('usb');
    expect(devices.opened[1]?.track.enabled).toBe(false);
    transport.close();
  });

  it('a switch while the worklet loads ends up captured', async () => {
    let loaded!: () => void;
    const gate = new Promise<void>((resolve) => (loaded = resolve));
    class SlowWorkletContext extends FakeAudioContext {
      override audioWorklet = { addModule: () => gate };
    }
    const { transport, devices } = ws({ AudioContext: SlowWorkletContext });
    const connecting = transport.connect({ signal: signal() });
    const socket = await vi.waitFor(() => FakeWebSocket.instances[0] ?? Promise.reject(new Error('no socket yet')));
    socket.open();
    socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
    await transport.setMicrophoneDevice?.('usb');
    expect(devices.opened[0]?.track.readyState).toBe('ended');
    loaded();
    await connecting;
    const context = FakeAudioContext.instances[0] as FakeAudioContext;
    expect((FakeWorkletNode.last as FakeWorkletNode).streams(context)).toEqual([devices.opened[1]]);
    transport.close();
  });

  it('without a microphone, remembers the choice and opens nothing', async () => {
    const { transport, devices } = ws({ microphone: false });
    await connect(transport);
    await transport.setMicrophoneDevice?.('usb');
    expect(devices.calls).toEqual([]);
    transport.close();
  });
});
