// Test-only bookkeeping of what the page opened, so the runner can prove that disconnect
// released every peer connection, socket and microphone track. Installed before the kit runs.
import type { RealtimeSession } from '../../../src/index.ts';
import { installOutputTap, type OutputTransition } from './outputTap.ts';

/** One animation frame's levels: the session's meter, and what the AudioVisualizer shows. */
export interface LevelSample {
  at: number;
  input: number;
  output: number;
  /** `--rrk-visualizer-level` of `#visualizer` (0 when unset). */
  shown: number;
  /** Milliseconds the meter's `read` took (performance.now(), 100 µs resolution here). */
  readMs: number;
}

/** One run of the page's client tool: what `execute` got, and the agent state while it ran. */
export interface ToolRun {
  args: unknown;
  callId: string;
  agentState: string;
  result: unknown;
  at: number;
}

/** A moment on both clocks: the page's AudioContext (seconds) and performance.now() (ms). */
export interface ClockStamp {
  contextTime: number;
  at: number;
}

export interface E2EProbe {
  peerConnections: RTCPeerConnection[];
  sockets: WebSocket[];
  tracks: MediaStreamTrack[];
  bufferSourceStarts: number;
  audioContexts: AudioContext[];
  /** `input_audio_buffer.append` messages the page sent over its sockets (WebSocket microphone). */
  appendsSent: number;
  events: Array<{ type: string; at: number; [key: string]: unknown }>;
  /** When each `input_audio_buffer.speech_started` reached the page, before the transport saw it. */
  speechStartedArrivals: ClockStamp[];
  /** Each `AudioBufferSourceNode.stop()` call (the player cutting its queue). */
  sourceStops: ClockStamp[];
  /** Audible/silent changes of the player's rendered output (with ?tap=output only). */
  outputTransitions: OutputTransition[];
  /** Levels per animation frame (LevelProbe), the most recent ones. */
  levels: LevelSample[];
  /** performance.now() of each React commit inside the AudioVisualizer's Profiler. */
  visualizerCommits: number[];
  /** Every run of the page's client tool (`get_weather`). */
  toolRuns: ToolRun[];
  /** Every agent state the session store went through, from the store's own notifications. */
  agentStates: Array<{ state: string; at: number }>;
}

declare global {
  interface Window {
    __e2e: E2EProbe;
    /** The page's session, for what the runner drives directly (a microphone switch). */
    __e2eSession?: RealtimeSession;
  }
}

export function installProbe(): E2EProbe {
  const probe: E2EProbe = {
    peerConnections: [],
    sockets: [],
    tracks: [],
    bufferSourceStarts: 0,
    audioContexts: [],
    appendsSent: 0,
    events: [],
    speechStartedArrivals: [],
    sourceStops: [],
    outputTransitions: [],
    levels: [],
    visualizerCommits: [],
    toolRuns: [],
    agentStates: [],
  };
  window.__e2e = probe;
  if (new URLSearchParams(location.search).get('tap') === 'output') installOutputTap(probe.outputTransitions);
  const stamp = (): ClockStamp => ({ contextTime: probe.audioContexts.at(-1)?.currentTime ?? Number.NaN, at: performance.now() });

  const NativePeer = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeer {
    constructor(config?: RTCConfiguration) {
      super(config);
      probe.peerConnections.push(this);
    }
  } as typeof RTCPeerConnection;

  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      probe.sockets.push(this);
      // Added before the transport sets onmessage, so it runs first, in the same task.
      this.addEventListener('message', (message: MessageEvent) => {
        if (typeof message.data === 'string' && message.data.includes('"input_audio_buffer.speech_started"')) {
          probe.speechStartedArrivals.push(stamp());
        }
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      if (typeof data === 'string' && data.includes('"input_audio_buffer.append"')) probe.appendsSent++;
      super.send(data);
    }
  } as typeof WebSocket;

  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    probe.tracks.push(...stream.getTracks());
    return stream;
  };

  const NativeAudioContext = window.AudioContext;
  window.AudioContext = class extends NativeAudioContext {
    constructor(options?: AudioContextOptions) {
      super(options);
      probe.audioContexts.push(this);
    }
  } as typeof AudioContext;

  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
    probe.bufferSourceStarts++;
    return start.apply(this, args);
  };
  const stop = AudioBufferSourceNode.prototype.stop;
  AudioBufferSourceNode.prototype.stop = function (this: AudioBufferSourceNode, ...args: Parameters<typeof stop>) {
    probe.sourceStops.push(stamp());
    return stop.apply(this, args);
  };
  return probe;
}
