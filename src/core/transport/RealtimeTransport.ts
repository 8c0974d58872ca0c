import type { ClientEvent } from '../protocol/index.ts';
import type { AudioLevelMeter, AudioLevelOptions } from './audioLevels.ts';

// The transport interface, apart from the transports the kit ships (src/core/transports/, with
// their browser audio): the session, a mock or your own transport need only this folder.

/**
 * Why a transport closed. `error` is set when the close was not asked for
 * (network loss, ICE failure, server hang-up); a close the caller asked for has none.
 */
export interface TransportCloseInfo {
  error?: Error;
  /** A short machine-readable reason, for example `ice_failed` or `socket_closed`. */
  reason?: string;
}

/**
 * What the transport knows about assistant audio actually being heard.
 *
 * The server's idle clock starts when the assistant's audio has finished *playing*, not when
 * the server finished sending it, so transports that play audio themselves (WebSocket) report
 * playback here. WebRTC transports need not: the server sends `output_audio_buffer.*` events.
 */
export type PlaybackEvent =
  | { type: 'started'; itemId?: string; responseId?: string }
  | { type: 'stopped'; itemId?: string; responseId?: string; playedMs?: number }
  | { type: 'interrupted'; itemId?: string; responseId?: string; playedMs?: number };

/** Payload of each transport event, keyed by event name. */
export interface TransportEventMap {
  /**
   * One server message, decoded at most once: the JSON text as it came (the session decodes
   * it), or the object a transport decoded because it reads a few messages itself (the OpenAI
   * transports do, to know whether a response runs); text that is not JSON is passed as text.
   */
  message: string | object;
  /** The connection is gone. Emitted once, whether asked for or not. */
  close: TransportCloseInfo;
  /** Assistant audio playback, for transports that play audio themselves. */
  playback: PlaybackEvent;
}

/** How the session learns when assistant audio has finished playing. */
export type PlaybackReporting =
  /** The transport emits `playback` events (it plays the audio itself). */
  | 'transport'
  /** The server sends `output_audio_buffer.started/stopped/cleared` (WebRTC, SIP). */
  | 'server'
  /** Nobody knows: the session estimates the end of playback from the audio it received. */
  | 'none';

/**
 * The seam between a session and the wire. A transport moves server messages in and client
 * events out; the session validates them and owns state and the idle policy.
 *
 * @example
 * ```ts
 * const transport = createMockTransport();
 * const session = createRealtimeSession({ transport });
 * await session.connect();
 * transport.emit({ type: 'input_audio_buffer.speech_started', event_id: 'e1', audio_start_ms: 0, item_id: 'i1' });
 * ```
 */
export interface RealtimeTransport {
  /** Open the connection. Resolves once events can flow; rejects (or honours `signal`) on failure. */
  connect(options: { signal: AbortSignal }): Promise<void>;
  /** Send one client event. Transports may throw if not connected; the session guards calls. */
  send(event: ClientEvent): void;
  /** Close the connection and release everything it holds (sockets, peer connection, microphone). */
  close(): void;
  /** Subscribe to a transport event. Returns an unsubscribe function. */
  on<K extends keyof TransportEventMap>(type: K, listener: (payload: TransportEventMap[K]) => void): () => void;

  /**
   * True when something behind the transport answers every function call itself (the Agents
   * SDK's session runs its agents' tools and handoffs). The session then leaves a call it has no
   * client tool for to it, as with `unknownToolCalls: 'app'` (the default there), instead of
   * answering it with an error: a second answer, and a second response, for the same call.
   */
  readonly answersToolCalls?: boolean;
  /** How assistant playback is reported. Defaults to `'none'` when absent. */
  readonly playbackReporting?: PlaybackReporting;
  /**
   * Mute (or unmute) the microphone without closing the connection; remembered across connects.
   * A muted transport keeps sending *silence* at the usual cadence rather than nothing, so the
   * server's VAD still hears a sentence end when the user mutes mid-sentence: the WebRTC
   * transport disables the audio track (WebRTC then sends silence), the WebSocket transport
   * keeps appending zeroed PCM16 chunks (and disables the track too). A `mediaStream` the app
   * gave is re-enabled on close; a stream the transport opened is stopped.
   */
  setMuted?(muted: boolean): void;
  /**
   * Stop the assistant now. A transport that plays audio itself stops playback and sends what
   * the wire needs (`response.cancel`, `conversation.item.truncate` with the milliseconds heard,
   * or `output_audio_buffer.clear`). Without it the session sends `response.cancel` alone.
   */
  interrupt?(): void;
  /**
   * Start measuring the live levels of the microphone and the assistant (see `AudioLevels`).
   * Called only while someone watches: a transport creates its analysers on the first open
   * meter and releases them when the last one closes. The meter keeps working across
   * reconnects and microphone switches. Without it the session's meters read silence.
   */
  openAudioLevelMeter?(options: AudioLevelOptions): AudioLevelMeter;
  /**
   * Use this microphone (a `deviceId` from `enumerateDevices`), or the default one with `null`;
   * remembered across connects. While connected, the new microphone replaces the old one in
   * the running connection without reconnecting (mute state kept); the old tracks it opened
   * are stopped. Rejects with a `RealtimeTransportError` (`microphone_denied`,
   * `microphone_unavailable`) and keeps the old microphone when the new one cannot be opened.
   */
  setMicrophoneDevice?(deviceId: string | null): Promise<void>;
}
