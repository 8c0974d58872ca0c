// Minimal stand-ins for the browser APIs the transports touch. Each records what the
// transport did to it and lets a test drive the other side (open, message, close, state).
import { vi } from 'vitest';
import { createOpenAIWebRTCTransport } from '../../../src/core/transports/createOpenAIWebRTCTransport.ts';
import { createOpenAIWebSocketTransport } from '../../../src/core/transports/createOpenAIWebSocketTransport.ts';

export class FakeTrack {
  kind = 'audio';
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  constructor(public label = 'microphone') {}
  stop() {
    this.readyState = 'ended';
  }
}

export class FakeStream {
  tracks: FakeTrack[];
  constructor(label?: string) {
    this.tracks = [new FakeTrack(label)];
  }
  get track() {
    return this.tracks[0] as FakeTrack;
  }
  getTracks() {
    return this.tracks;
  }
  getAudioTracks() {
    return this.tracks;
  }
}

export function fakeMediaDevices(result: FakeStream | Error = new FakeStream()) {
  const calls: MediaStreamConstraints[] = [];
  return {
    calls,
    getUserMedia: async (constraints: MediaStreamConstraints) => {
      calls.push(constraints);
      if (result instanceof Error) throw result;
      return result as unknown as MediaStream;
    },
  };
}

/**
 * getUserMedia by device: `{ deviceId: { exact: id } }` opens a new stream of `id` (or throws the
 * error given for it); no deviceId opens a new `default` stream. Every stream opened is kept in
 * `opened`, so a test can tell which tracks were stopped.
 */
export function fakeMediaDevicesByDevice(devices: Record<string, true | Error> = {}) {
  const calls: MediaStreamConstraints[] = [];
  const opened: FakeStream[] = [];
  const pending: Array<() => void> = [];
  let held: string | true | null = null;
  const idOf = (constraints: MediaStreamConstraints) =>
    ((constraints.audio as MediaTrackConstraints).deviceId as { exact: string } | undefined)?.exact ?? 'default';
  const open = (constraints: MediaStreamConstraints) => {
    const id = idOf(constraints);
    const outcome = id === 'default' ? true : devices[id];
    if (outcome instanceof Error) throw outcome;
    if (outcome !== true) throw domError('NotFoundError', `no device ${id}`);
    const stream = new FakeStream(id);
    opened.push(stream);
    return stream as unknown as MediaStream;
  };
  return {
    calls,
    opened,
    /** Hold later getUserMedia calls (of `deviceId` only, when given) until `release()`: a prompt not answered yet. */
    hold(deviceId?: string) {
      held = deviceId ?? true;
    },
    release() {
      held = null;
      for (const resume of pending.splice(0)) resume();
    },
    getUserMedia: async (constraints: MediaStreamConstraints) => {
      calls.push(constraints);
      if (held === true || held === idOf(constraints)) await new Promise<void>((resolve) => pending.push(resolve));
      return open(constraints);
    },
  };
}

export function domError(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export class FakeDataChannel {
  readyState: RTCDataChannelState = 'connecting';
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(public label: string) {}
  send(data: string) {
    if (this.readyState !== 'open') throw new Error('not open');
    this.sent.push(data);
  }
  close() {
    this.readyState = 'closed';
  }
  // test side
  open() {
    this.readyState = 'open';
    this.onopen?.();
  }
  remoteClose() {
    this.readyState = 'closed';
    this.onclose?.();
  }
  receive(data: string) {
    this.onmessage?.({ data });
  }
  sentEvents() {
    return this.sent.map((text) => JSON.parse(text) as { type: string; [key: string]: unknown });
  }
}

export class FakeSender {
  replaced: unknown[] = [];
  /** Make the next replaceTrack reject with this. */
  failWith: Error | null = null;
  constructor(public track: unknown) {}
  async replaceTrack(track: unknown) {
    if (this.failWith) throw this.failWith;
    this.replaced.push(track);
    this.track = track;
  }
}

export class FakePeerConnection {
  static instances: FakePeerConnection[] = [];
  /** Open the data channel as soon as the answer is applied (the usual happy path). */
  static autoOpen = true;
  channels: FakeDataChannel[] = [];
  tracks: unknown[] = [];
  senders: FakeSender[] = [];
  offers = 0;
  local: RTCSessionDescriptionInit | null = null;
  remote: RTCSessionDescriptionInit | null = null;
  connectionState: RTCPeerConnectionState = 'new';
  iceGatheringState: RTCIceGatheringState = 'complete';
  closed = false;
  onconnectionstatechange: (() => void) | null = null;
  oniceconnectionstatechange: (() => void) | null = null;
  onicegatheringstatechange: (() => void) | null = null;
  ontrack: ((event: unknown) => void) | null = null;
  constructor(public config?: RTCConfiguration) {
    FakePeerConnection.instances.push(this);
  }
  get localDescription() {
    return this.local;
  }
  addTrack(track: unknown) {
    this.tracks.push(track);
    const sender = new FakeSender(track);
    this.senders.push(sender);
    return sender;
  }
  addTransceiver(kind: string) {
    this.tracks.push(kind);
  }
  createDataChannel(label: string) {
    const channel = new FakeDataChannel(label);
    this.channels.push(channel);
    return channel;
  }
  async createOffer() {
    this.offers += 1;
    return { type: 'offer' as const, sdp: 'v=0\r\no=- offer\r\n' };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit) {
    this.local = description;
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remote = description;
    if (FakePeerConnection.autoOpen) {
      queueMicrotask(() => {
        this.setState('connected');
        this.channels[0]?.open();
      });
    }
  }
  close() {
    this.closed = true;
    this.connectionState = 'closed';
  }
  setState(state: RTCPeerConnectionState) {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }
  /** The assistant's audio arrives (`ontrack` with its stream). */
  remoteTrack(stream: FakeStream = new FakeStream('remote')) {
    this.ontrack?.({ track: stream.track, streams: [stream] });
    return stream;
  }
}

export interface FetchCall {
  url: string;
  init: RequestInit;
}

export function fakeFetch(respond: (call: FetchCall) => Response) {
  const calls: FetchCall[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return respond(call);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    public url: string,
    public protocols?: string | string[],
  ) {
    FakeWebSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  // test side
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(event: object | string) {
    this.onmessage?.({ data: typeof event === 'string' ? event : JSON.stringify(event) });
  }
  remoteClose(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  sentEvents() {
    return this.sent.map((text) => JSON.parse(text) as { type: string; [key: string]: unknown });
  }
}

/** A node that records what it is connected to. */
export class FakeNode {
  targets = new Set<unknown>();
  connect(target: unknown) {
    this.targets.add(target);
    if (target instanceof FakeAnalyserNode) target.inputs.add(this);
  }
  disconnect(target?: unknown) {
    const gone = target === undefined ? [...this.targets] : [target];
    for (const node of gone) {
      this.targets.delete(node);
      if (node instanceof FakeAnalyserNode) node.inputs.delete(this);
    }
  }
}

/** `createMediaStreamSource(stream)`: a node that remembers its stream. */
export class FakeMediaStreamSource extends FakeNode {
  constructor(public stream: unknown) {
    super();
  }
}

/**
 * An analyser that returns what the test sets: every time-domain sample is `sample`, every
 * spectrum bin `binDecibels(bin)`. `reads` counts the time-domain reads.
 */
export class FakeAnalyserNode {
  fftSize = 2048;
  smoothingTimeConstant = 0.8;
  inputs = new Set<FakeNode>();
  sample = 0;
  binDecibels: (bin: number) => number = () => Number.NEGATIVE_INFINITY;
  reads = 0;
  get frequencyBinCount() {
    return this.fftSize / 2;
  }
  /** True while something feeds it. */
  get connected() {
    return this.inputs.size > 0;
  }
  /** The stream feeding it, when a stream source does. */
  get stream() {
    for (const input of this.inputs) if (input instanceof FakeMediaStreamSource) return input.stream;
    return null;
  }
  connect() {}
  disconnect() {}
  getFloatTimeDomainData(into: Float32Array) {
    this.reads += 1;
    into.fill(this.sample);
  }
  getFloatFrequencyData(into: Float32Array) {
    for (let bin = 0; bin < into.length; bin += 1) into[bin] = this.binDecibels(bin);
  }
}

/** The worklet node of the microphone capture (stub it as the global `AudioWorkletNode`). */
export class FakeWorkletNode extends FakeNode {
  static last: FakeWorkletNode | null = null;
  port: { onmessage: ((event: { data: Float32Array }) => void) | null } = { onmessage: null };
  constructor() {
    super();
    FakeWorkletNode.last = this;
  }
  /** The streams whose source nodes feed it now. */
  streams(context: FakeAudioContext) {
    return context.streamSources.filter((source) => source.targets.has(this)).map((source) => source.stream);
  }
  /** The worklet posts 1024 context-rate samples of `value`. */
  post(value = 0.5) {
    this.port.onmessage?.({ data: new Float32Array(1024).fill(value) });
  }
}

/** An AudioContext whose clock the test moves by hand. */
export class FakeAudioContext {
  static instances: FakeAudioContext[] = [];
  currentTime = 0;
  sampleRate = 48000;
  state: AudioContextState = 'running';
  destination = new FakeNode();
  started: Array<{ at: number; duration: number; node: FakeBufferSource }> = [];
  analysers: FakeAnalyserNode[] = [];
  streamSources: FakeMediaStreamSource[] = [];
  gains: FakeNode[] = [];
  audioWorklet: { addModule(url: string | URL): Promise<void> } = { addModule: async () => undefined };
  constructor() {
    FakeAudioContext.instances.push(this);
  }
  async resume() {
    this.state = 'running';
  }
  async close() {
    this.state = 'closed';
  }
  createGain() {
    const gain = new FakeNode();
    this.gains.push(gain);
    return gain;
  }
  createAnalyser() {
    const analyser = new FakeAnalyserNode();
    this.analysers.push(analyser);
    return analyser;
  }
  createMediaStreamSource(stream: unknown) {
    const source = new FakeMediaStreamSource(stream);
    this.streamSources.push(source);
    return source;
  }
  /** The analysers something still feeds. */
  liveAnalysers() {
    return this.analysers.filter((analyser) => analyser.connected);
  }
  createBuffer(_channels: number, length: number, sampleRate: number) {
    const data = new Float32Array(length);
    return { length, sampleRate, duration: length / sampleRate, getChannelData: () => data };
  }
  createBufferSource() {
    return new FakeBufferSource(this);
  }
  /** Move the clock and end the sources that finished by then. */
  advance(seconds: number) {
    this.currentTime += seconds;
    for (const entry of [...this.started]) {
      if (!entry.node.stopped && entry.at + entry.duration <= this.currentTime + 1e-9) {
        entry.node.stopped = true;
        entry.node.onended?.();
      }
    }
  }
}

export class FakeBufferSource {
  buffer: { duration: number } | null = null;
  onended: (() => void) | null = null;
  stopped = false;
  constructor(private context: FakeAudioContext) {}
  connect() {}
  disconnect() {}
  start(at: number) {
    this.context.started.push({ at, duration: this.buffer?.duration ?? 0, node: this });
  }
  stop() {
    this.stopped = true;
  }
}

/** Base64 of `ms` milliseconds of PCM16 24 kHz audio. */
export function audioDelta(ms: number): string {
  return Buffer.alloc(ms * 48, 1).toString('base64');
}

/**
 * An OpenAI WebRTC transport over the fakes: the call is answered (201, `rtc_1`) and the data
 * channel opens by itself. Its channel is `FakePeerConnection.instances[0].channels[0]` once
 * connected.
 */
export function fakeWebRTCTransport() {
  FakePeerConnection.instances = [];
  FakePeerConnection.autoOpen = true;
  return createOpenAIWebRTCTransport({
    getClientSecret: async () => 'ek_test',
    RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
    fetch: fakeFetch(() => new Response('v=0\r\n', { status: 201, headers: { Location: '/v1/realtime/calls/rtc_1' } })).fetch,
    mediaDevices: fakeMediaDevices(),
  });
}

/** An OpenAI WebSocket transport over the fakes, without a microphone. Its socket is `FakeWebSocket.instances[0]`. */
export function fakeWebSocketTransport() {
  FakeWebSocket.instances = [];
  FakeAudioContext.instances = [];
  return createOpenAIWebSocketTransport({
    getClientSecret: () => Promise.resolve({ value: 'ek_test' }),
    WebSocket: FakeWebSocket as unknown as typeof WebSocket,
    AudioContext: FakeAudioContext as unknown as typeof AudioContext,
    microphone: false,
  });
}

/**
 * Forgets the fakes earlier tests made (peer connections, sockets, contexts, the last worklet
 * node), lets peer connections open by themselves again, and stubs the global `AudioWorkletNode`
 * with `WorkletNode` (undo it with `vi.unstubAllGlobals()`). For a `beforeEach`.
 */
export function resetTransportFakes(WorkletNode: unknown = FakeWorkletNode) {
  FakePeerConnection.instances = [];
  FakePeerConnection.autoOpen = true;
  FakeWebSocket.instances = [];
  FakeAudioContext.instances = [];
  FakeWorkletNode.last = null;
  vi.stubGlobal('AudioWorkletNode', WorkletNode);
}

/**
 * An OpenAI WebRTC transport over the fakes whose microphone opens by device
 * (`fakeMediaDevicesByDevice(devices)`, returned as `devices`), with a `FakeAudioContext`; the
 * call is answered (201, `rtc_1`, its requests in `http.calls`). `overrides` replace any option
 * (loosely typed: the fakes stand in for browser types).
 */
export function fakeWebRTCTransportWithDevices(
  devices: Record<string, true | Error> = {},
  overrides: Record<string, unknown> = {},
) {
  const mediaDevices = fakeMediaDevicesByDevice(devices);
  const http = fakeFetch(() => new Response('v=0\r\n', { status: 201, headers: { Location: '/v1/realtime/calls/rtc_1' } }));
  const transport = createOpenAIWebRTCTransport({
    getClientSecret: async () => 'ek_test',
    RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
    fetch: http.fetch,
    mediaDevices,
    AudioContext: FakeAudioContext as unknown as typeof AudioContext,
    ...overrides,
  });
  return { transport, devices: mediaDevices, http };
}

/**
 * An OpenAI WebSocket transport over the fakes whose microphone opens by device
 * (`fakeMediaDevicesByDevice(devices)`, returned as `devices`) through the capture worklet, with a
 * `FakeAudioContext`. `overrides` replace any option (loosely typed, as above).
 */
export function fakeWebSocketTransportWithDevices(
  devices: Record<string, true | Error> = {},
  overrides: Record<string, unknown> = {},
) {
  const mediaDevices = fakeMediaDevicesByDevice(devices);
  const transport = createOpenAIWebSocketTransport({
    getClientSecret: () => 'ek_test',
    WebSocket: FakeWebSocket as unknown as typeof WebSocket,
    AudioContext: FakeAudioContext as unknown as typeof AudioContext,
    mediaDevices,
    workletUrl: '/micCaptureProcessor.js',
    ...overrides,
  });
  return { transport, devices: mediaDevices };
}

/** The live analyser that `stream` feeds in `context` (throws when there is none). */
export function liveAnalyserOf(context: FakeAudioContext | undefined, stream: unknown): FakeAnalyserNode {
  const found = context?.liveAnalysers().find((analyser) => analyser.stream === stream);
  if (!found) throw new Error('no live analyser on that stream');
  return found;
}
