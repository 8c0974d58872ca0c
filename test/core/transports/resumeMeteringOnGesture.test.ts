import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAudioFeatures } from '../../../src/core/transports/audio/lazyAudioFeatures.ts';
import { createAudioLevels } from '../../../src/core/transport/audioLevels.ts';
import { rmsToAudioLevel } from '../../../src/core/transport/audioLevelCurve.ts';
import {
  FakeAudioContext,
  FakeWebSocket,
  fakeWebRTCTransportWithDevices,
  fakeWebSocketTransportWithDevices,
  liveAnalyserOf,
  resetTransportFakes,
} from './fakes.ts';

/** True only while a user gesture's event is being dispatched (the browser's transient activation). */
let activation = false;

/** Safari's autoplay policy: a context starts suspended and resume() works only inside a gesture. */
class SafariAudioContext extends FakeAudioContext {
  override state: AudioContextState = 'suspended';
  override async resume() {
    if (!activation) throw new DOMException('resume() needs a user gesture', 'NotAllowedError');
    this.state = 'running';
  }
  override createAnalyser() {
    const analyser = super.createAnalyser();
    const live = analyser.getFloatTimeDomainData.bind(analyser);
    // A suspended context processes nothing: its analysers hold silence.
    analyser.getFloatTimeDomainData = (into) => (this.state === 'running' ? live(into) : into.fill(0));
    return analyser;
  }
}

/** The page: an EventTarget that knows which listeners are registered now. */
class FakeWindow extends EventTarget {
  listening = new Set<string>();
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    this.listening.add(type);
    super.addEventListener(type, listener, options);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    this.listening.delete(type);
    super.removeEventListener(type, listener, options);
  }
}

let page: FakeWindow;

function userGesture(type: string) {
  activation = true;
  try {
    page.dispatchEvent(new Event(type));
  } finally {
    activation = false;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const signal = () => new AbortController().signal;

const rtc = (Context: typeof FakeAudioContext = SafariAudioContext) =>
  fakeWebRTCTransportWithDevices({}, { AudioContext: Context });

/** Like AudioVisualizer: the meter opens once the call is connected, outside the connect gesture. */
async function meterAfterConnect(transport: ReturnType<typeof rtc>['transport']) {
  await transport.connect({ signal: signal() });
  const meter = transport.openAudioLevelMeter!({ bands: 0 });
  await loadAudioFeatures();
  const levels = createAudioLevels(0);
  meter.read(levels);
  return { meter, levels };
}

beforeEach(() => {
  resetTransportFakes();
  page = new FakeWindow();
  vi.stubGlobal('window', page);
});
afterEach(() => vi.unstubAllGlobals());

describe('a metering context made outside a user gesture (Safari)', () => {
  it('resumes at the next gesture: the meter reads live values, and the listeners go', async () => {
    const { transport, devices } = rtc();
    const { meter, levels } = await meterAfterConnect(transport);
    const context = FakeAudioContext.instances[0];
    liveAnalyserOf(context, devices.opened[0]).sample = 0.1;
    meter.read(levels);
    await settle();
    // resume() was tried at once and refused: still suspended, still flat, waiting for a gesture.
    expect(context?.state).toBe('suspended');
    expect(levels.input).toBe(0);
    expect([...page.listening].sort()).toEqual(['keydown', 'pointerdown', 'touchend']);

    // An event that carries no activation (a synthetic one) changes nothing.
    page.dispatchEvent(new Event('pointerdown'));
    await settle();
    expect(context?.state).toBe('suspended');
    expect(page.listening.size).toBe(3);

    userGesture('pointerdown');
    await settle();
    expect(context?.state).toBe('running');
    meter.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.1), 6);
    expect(page.listening.size).toBe(0);
    meter.close();
    transport.close();
  });

  it('does it again for the new context after a reconnect', async () => {
    const { transport, devices } = rtc();
    const { meter, levels } = await meterAfterConnect(transport);
    userGesture('keydown');
    await settle();
    transport.close();
    expect(page.listening.size).toBe(0);

    await transport.connect({ signal: signal() });
    meter.read(levels);
    const second = FakeAudioContext.instances.at(-1);
    expect(second).not.toBe(FakeAudioContext.instances[0]);
    expect(second?.state).toBe('suspended');
    expect(page.listening.size).toBe(3);
    userGesture('touchend');
    await settle();
    liveAnalyserOf(second, devices.opened[1]).sample = 0.05;
    meter.read(levels);
    expect(levels.input).toBeCloseTo(rmsToAudioLevel(0.05), 6);
    expect(page.listening.size).toBe(0);
    meter.close();
    transport.close();
  });

  it('removes the listeners when the last meter closes, or the transport, while still suspended', async () => {
    const first = rtc();
    const opened = await meterAfterConnect(first.transport);
    expect(page.listening.size).toBe(3);
    opened.meter.close();
    expect(page.listening.size).toBe(0);
    expect(FakeAudioContext.instances[0]?.state).toBe('closed');
    first.transport.close();

    const second = rtc();
    await meterAfterConnect(second.transport);
    expect(page.listening.size).toBe(3);
    second.transport.close();
    expect(page.listening.size).toBe(0);
  });

  it('adds no listener when the context runs from the start', async () => {
    const add = vi.spyOn(page, 'addEventListener');
    const { transport } = rtc(FakeAudioContext);
    const { meter, levels } = await meterAfterConnect(transport);
    meter.read(levels);
    expect(FakeAudioContext.instances[0]?.state).toBe('running');
    expect(add).not.toHaveBeenCalled();
    meter.close();
    transport.close();
  });

  it('also resumes a WebSocket connection context that was refused (a connect() outside a gesture)', async () => {
    const { transport } = fakeWebSocketTransportWithDevices({}, { AudioContext: SafariAudioContext });
    const connecting = transport.connect({ signal: signal() });
    const socket = await vi.waitFor(() => FakeWebSocket.instances[0] ?? Promise.reject(new Error('no socket yet')));
    socket.open();
    socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
    await connecting;
    const meter = transport.openAudioLevelMeter!({ bands: 0 });
    await loadAudioFeatures();
    meter.read(createAudioLevels(0));
    const context = FakeAudioContext.instances[0];
    expect(context?.state).toBe('suspended');
    userGesture('pointerdown');
    await settle();
    expect(context?.state).toBe('running');
    expect(page.listening.size).toBe(0);
    meter.close();
    transport.close();
  });
});
