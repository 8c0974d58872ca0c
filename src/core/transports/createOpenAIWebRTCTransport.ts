import type { ClientEvent } from '../protocol/index.ts';
import { validateTimerDurations } from '../protocol/timerDuration.ts';
import { apiErrorMessage } from '../openaiApi/apiErrorMessage.ts';
import { createMicrophoneSource } from './audio/createMicrophoneSource.ts';
import type { MicrophoneSlot } from './audio/createMicrophoneSwitcher.ts';
import { openAudioLevelMeterLazily, setMicrophoneDeviceLazily, type TransportAudio } from './audio/lazyAudioFeatures.ts';
import { createTransportEmitter } from '../transport/createTransportEmitter.ts';
import { createTransportLifecycle } from './createTransportLifecycle.ts';
import type { MediaDevicesLike } from './audio/getMicrophoneStream.ts';
import { parseWireMessage } from './parseWireMessage.ts';
import { trackConversationResponses, type ConversationResponses } from './trackConversationResponses.ts';
import { RealtimeTransportError } from '../transport/RealtimeTransportError.ts';
import { redactError, redactSecrets } from '../openaiApi/redactSecrets.ts';
import { resolveClientSecret, type ClientSecretSource } from './resolveClientSecret.ts';
import type { RealtimeTransport } from '../transport/RealtimeTransport.ts';

/** Options of {@link createOpenAIWebRTCTransport}, which has an example. Only `getClientSecret` is required. */
export interface OpenAIWebRTCTransportOptions {
  /** Returns an ephemeral key (`ek_...`), usually fetched from your backend. */
  getClientSecret: ClientSecretSource;
  /** Sent as `?model=`; optional because the ephemeral key's session already names one. */
  model?: string;
  /** API origin. Default `https://api.openai.com`; the emulator prints its own. */
  baseUrl?: string;
  /**
   * Microphone stream to send. Default: `getUserMedia` (its tracks are stopped on close; a given
   * stream's are not). `setMicrophoneDevice(id)` replaces it with that device (this stream is
   * left running); `setMicrophoneDevice(null)` goes back to it.
   */
  mediaStream?: MediaStream;
  /** Where the assistant's audio plays. Default: a detached `<audio autoplay>` created on connect. */
  audioElement?: HTMLAudioElement;
  /**
   * Accept a standard `sk-` key where it is refused: anywhere but a server runtime (a page, a
   * worker, React Native), where anyone can read it. For a local experiment, or an edge runtime
   * that looks like a worker. See `resolveClientSecret`.
   */
  dangerouslyAllowApiKeyInBrowser?: boolean;
  /** How long a `disconnected` ICE state may last before it counts as a drop. Default 5000 ms. */
  disconnectTimeoutMs?: number;
  /** Give up connecting after this long. Default 15000 ms. */
  connectTimeoutMs?: number;
  /**
   * How long to let ICE gathering run before posting the offer. Default 300 ms: candidates found
   * by then travel in the offer; later ones are discovered by the connectivity checks anyway.
   */
  iceGatheringTimeoutMs?: number;
  /** Injection points for tests and unusual runtimes. Default: the browser globals. */
  RTCPeerConnection?: typeof RTCPeerConnection;
  /** Only for `openAudioLevelMeter`: the context its analysers run in, created while a meter is open. */
  AudioContext?: typeof AudioContext;
  fetch?: typeof fetch;
  mediaDevices?: MediaDevicesLike;
  rtcConfiguration?: RTCConfiguration;
}

/**
 * The WebRTC transport; `callId` is the `Location` of the call once connected.
 *
 * `openAudioLevelMeter` measures the local microphone track and the remote stream in an
 * AudioContext of its own, created when the first meter reads audio and closed when the last
 * meter closes (or on `close()`). `setMicrophoneDevice` swaps the audio sender's track
 * (`replaceTrack`: no new offer, no reconnect).
 */
export interface OpenAIWebRTCTransport extends RealtimeTransport {
  readonly callId: string | null;
  /** The live peer connection, for stats; null before connect and after close. */
  readonly peerConnection: RTCPeerConnection | null;
}

const DEFAULT_BASE_URL = 'https://api.openai.com';

/**
 * Connect to the Realtime API over WebRTC: the microphone goes out as a media track, the
 * assistant's audio comes back as one and plays in an audio element, and events travel on the
 * `oai-events` data channel. The server reports playback itself (`output_audio_buffer.*`).
 *
 * Nothing touches browser globals until `connect()`, so creating it during SSR is safe.
 *
 * @example
 * ```ts
 * const transport = createOpenAIWebRTCTransport({
 *   getClientSecret: async () => (await fetch('/api/realtime-token')).text(),
 * });
 * const session = createRealtimeSession({ transport, idle: { timeoutMs: 8000 } });
 * await session.connect();
 * ```
 */
export function createOpenAIWebRTCTransport(options: OpenAIWebRTCTransportOptions): OpenAIWebRTCTransport {
  // A config mistake throws here, at creation, not as a connect that times out after 1 ms.
  validateTimerDurations({
    connectTimeoutMs: options.connectTimeoutMs,
    disconnectTimeoutMs: options.disconnectTimeoutMs,
    iceGatheringTimeoutMs: options.iceGatheringTimeoutMs,
  });
  const emitter = createTransportEmitter();
  const microphone = createMicrophoneSource(options);
  const lifecycle = createTransportLifecycle(emitter);
  // The connection of the current attempt; each connect() builds its own, so a stale attempt
  // that wakes up late cannot touch a newer one.
  let link: RtcLink | null = null;

  // WebRTC plays through a media element and needs no AudioContext; metering alone opens one
  // (undefined: not tried since the last connect; null: refused, the meters read silence).
  let metering: AudioContext | null | undefined;
  const audio: TransportAudio = {
    microphone,
    meters: 0,
    link: () => link,
    context() {
      if (metering === undefined) {
        try {
          metering = new (options.AudioContext ?? AudioContext)();
          // Outside a user gesture this may stay pending; connect() resumes it again.
          void metering.resume().catch(() => undefined);
        } catch {
          metering = null; // no Web Audio, too many contexts, or a policy refusing them
        }
      }
      return metering;
    },
    idle() {
      void metering?.close().catch(() => undefined);
      metering = undefined;
    },
  };

  const connect = ({ signal }: { signal: AbortSignal }): Promise<void> =>
    lifecycle.connect(
      signal,
      { timeoutMs: options.connectTimeoutMs ?? 15000, label: 'WebRTC connect failed' },
      async (attempt) => {
        const Peer = options.RTCPeerConnection ?? globalThis.RTCPeerConnection;
        const doFetch = options.fetch ?? globalThis.fetch?.bind(globalThis);
        if (!Peer || !doFetch) {
          throw new RealtimeTransportError('unsupported', 'WebRTC needs RTCPeerConnection and fetch (a browser).');
        }
        const mine: RtcLink = {
          pc: null,
          channel: null,
          callId: null,
          responses: trackConversationResponses(),
          audioPlaying: false,
          microphone: null,
          remoteStream: null,
        };
        link = mine;
        // Inside the user gesture that called connect(), before any await: the moment Safari lets
        // a context start. A meter already open gets its context now rather than after the prompt.
        metering ||= undefined;
        if (audio.meters) void audio.context!()?.resume().catch(() => undefined);
        attempt.hold(() => {
          if (link === mine) link = null;
        });

        const key = await resolveClientSecret(options.getClientSecret, {
          dangerouslyAllowApiKeyInBrowser: options.dangerouslyAllowApiKeyInBrowser,
        });
        attempt.check();
        const lease = await microphone.acquire();
        // A switch replaces the sender's track (no new offer, no reconnect).
        const slot: MicrophoneSlot = { lease, ended: false, sender: null };
        // A switch may have swapped the lease by the time the connection ends: release that one.
        attempt.hold(() => {
          slot.ended = true;
          slot.lease.release();
        });
        attempt.check();
        mine.microphone = slot;
        const stream = lease.stream;

        const peer = new Peer(options.rtcConfiguration);
        mine.pc = peer;
        let disconnectTimer: ReturnType<typeof setTimeout> | null = null;
        attempt.hold(() => {
          if (disconnectTimer) clearTimeout(disconnectTimer);
          peer.onconnectionstatechange = peer.oniceconnectionstatechange = peer.ontrack = null;
          peer.close();
        });
        const ownElement = !options.audioElement && typeof document !== 'undefined';
        const audioElement = options.audioElement ?? (ownElement ? document.createElement('audio') : null);
        if (audioElement) {
          audioElement.autoplay = true;
          attempt.hold(() => {
            audioElement.pause?.();
            audioElement.srcObject = null;
            if (ownElement) audioElement.remove?.();
          });
        }
        peer.ontrack = (event) => {
          const remote = (mine.remoteStream = event.streams[0] ?? new MediaStream([event.track]));
          if (!audioElement) return;
          // Chrome feeds a remote stream to Web Audio (the meters) only while a media element plays it too.
          audioElement.srcObject = remote;
          // Autoplay may be refused without a user gesture; the session still works, silently.
          void audioElement.play?.()?.catch?.(() => undefined);
        };
        const track = stream.getAudioTracks()[0];
        if (track) slot.sender = peer.addTrack(track, stream);
        else peer.addTransceiver('audio', { direction: 'recvonly' });

        const dc = peer.createDataChannel('oai-events');
        mine.channel = dc;
        attempt.hold(() => {
          dc.onopen = dc.onclose = dc.onmessage = dc.onerror = null;
          try {
            dc.close();
          } catch {
            // already closed
          }
        });
        const open = new Promise<void>((resolve) => {
          dc.onopen = () => resolve();
        });
        // Before the channel opens these fail connect() at once; afterwards they are a drop.
        dc.onclose = () => lifecycle.lost(attempt, 'data_channel_closed', 'The oai-events data channel closed.');
        dc.onerror = () => {
          if (dc.readyState !== 'open') {
            lifecycle.lost(attempt, 'data_channel_closed', 'The oai-events data channel failed to open.');
          }
        };
        dc.onmessage = (event: MessageEvent) => {
          const message = parseWireMessage(event.data);
          if (typeof message === 'object') observe(mine, message as { type?: unknown; response?: unknown });
          emitter.emit('message', message);
        };
        peer.onconnectionstatechange = () => {
          const state = peer.connectionState;
          if (state === 'failed') lifecycle.lost(attempt, 'ice_failed', 'The WebRTC connection failed (ICE).');
          else if (state === 'closed') lifecycle.lost(attempt, 'peer_closed', 'The peer connection closed.');
          else if (state === 'disconnected') {
            // "disconnected" often heals by itself within seconds (a Wi-Fi hiccup); wait before giving up.
            disconnectTimer ??= setTimeout(() => {
              disconnectTimer = null;
              if (peer.connectionState === 'disconnected') {
                lifecycle.lost(attempt, 'ice_disconnected', 'The WebRTC connection was lost.');
              }
            }, options.disconnectTimeoutMs ?? 5000);
          } else if (disconnectTimer) {
            clearTimeout(disconnectTimer);
            disconnectTimer = null;
          }
        };

        await peer.setLocalDescription(await peer.createOffer());
        attempt.check();
        await waitForIceGathering(peer, options.iceGatheringTimeoutMs ?? 300);
        attempt.check();

        const url = new URL('/v1/realtime/calls', options.baseUrl ?? DEFAULT_BASE_URL);
        if (options.model) url.searchParams.set('model', options.model);
        let response: Response;
        try {
          // The attempt's signal: aborted by the caller, by close() and by the connect deadline.
          response = await doFetch(url.toString(), {
            method: 'POST',
            body: peer.localDescription?.sdp ?? '',
            headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/sdp' },
            signal: attempt.signal,
          });
        } catch (error) {
          attempt.check();
          // A fetch (or a wrapper around it) may quote the Authorization header it was given.
          throw new RealtimeTransportError('connect_failed', `Could not reach ${url.origin}: ${redactSecrets(String(error), [key])}`, {
            cause: redactError(error, [key]),
          });
        }
        if (!response.ok) {
          const body = await response.text().catch(() => '');
          throw new RealtimeTransportError(
            response.status === 401 || response.status === 403 ? 'unauthorized' : 'connect_failed',
            `The SDP exchange failed with HTTP ${response.status}: ${apiErrorMessage(body)}`,
            { status: response.status },
          );
        }
        const answer = await response.text();
        attempt.check();
        mine.callId = callIdFrom(response.headers.get('Location'));
        await peer.setRemoteDescription({ type: 'answer', sdp: answer });
        attempt.check();
        await open;
      },
    );

  const observe = (mine: RtcLink, event: { type?: unknown; response?: unknown }) => {
    const type = event.type;
    if (type === 'response.created' || type === 'response.done') mine.responses.observe(event);
    else if (type === 'output_audio_buffer.started') mine.audioPlaying = true;
    else if (type === 'output_audio_buffer.stopped' || type === 'output_audio_buffer.cleared') mine.audioPlaying = false;
  };

  const send = (event: ClientEvent) => {
    const channel = lifecycle.state === 'open' ? link?.channel : null;
    if (!channel || channel.readyState !== 'open') {
      throw new RealtimeTransportError('not_connected', `Cannot send ${event.type}: the data channel is not open.`);
    }
    channel.send(JSON.stringify(event));
  };

  return {
    playbackReporting: 'server',
    get callId() {
      return link?.callId ?? null;
    },
    get peerConnection() {
      return link?.pc ?? null;
    },
    connect,
    send,
    close() {
      lifecycle.close();
      audio.engine?.release();
      audio.idle!();
    },
    on: emitter.on,
    // Apps (and the end-to-end checks) reach these through session.openAudioLevels({ bands }) /
    // useAudioLevels and session.setMicrophoneDevice(deviceId); see docs/connect.md.
    openAudioLevelMeter: (levelOptions) => openAudioLevelMeterLazily(audio, levelOptions),
    setMicrophoneDevice: (deviceId) => setMicrophoneDeviceLazily(audio, deviceId),
    setMuted: microphone.setMuted,
    interrupt() {
      const current = link;
      if (!current?.channel || current.channel.readyState !== 'open' || lifecycle.state !== 'open') return;
      if (current.responses.running()) send({ type: 'response.cancel' });
      // The server keeps playing audio it already generated after response.done; clear stops it.
      if (current.audioPlaying) send({ type: 'output_audio_buffer.clear' });
    },
  };
}

/** What one connection holds, and what interrupt() needs to know about it. */
interface RtcLink {
  pc: RTCPeerConnection | null;
  channel: RTCDataChannel | null;
  callId: string | null;
  // A cancel only while a response runs, a clear only while the server plays audio; anything
  // else earns an error event from the API.
  responses: ConversationResponses;
  audioPlaying: boolean;
  /** The microphone being sent (what the input meter measures, what a switch replaces). */
  microphone: MicrophoneSlot | null;
  /** The assistant's audio as `ontrack` gave it (what the output meter measures). */
  remoteStream: MediaStream | null;
}

function waitForIceGathering(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  // There is no trickle ICE over the HTTP exchange, so candidates gathered before the POST are
  // the only ones the answerer is told about; host candidates arrive almost at once, and the
  // peer learns any other address from our connectivity checks, so the wait stays short.
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const previous = pc.onicegatheringstatechange;
    function done() {
      clearTimeout(timer);
      pc.onicegatheringstatechange = previous;
      resolve();
    }
    pc.onicegatheringstatechange = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
  });
}

function callIdFrom(location: string | null): string | null {
  if (!location) return null;
  return location.split('/').filter(Boolean).pop() ?? null;
}
