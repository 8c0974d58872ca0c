import type { ClientEvent } from '../protocol/index.ts';
import { validateTimerDurations } from '../protocol/timerDuration.ts';
import { base64ToBytes, bytesToBase64 } from './audio/base64.ts';
import { createAudioPlayer, type AudioPlayer } from './audio/createAudioPlayer.ts';
import { createMicrophoneCapture, type MicrophoneCapture } from './audio/createMicrophoneCapture.ts';
import { createMicrophoneSource } from './audio/createMicrophoneSource.ts';
import type { MicrophoneSlot } from './audio/createMicrophoneSwitcher.ts';
import { openAudioLevelMeterLazily, setMicrophoneDeviceLazily, type TransportAudio } from './audio/lazyAudioFeatures.ts';
import { createTransportEmitter } from '../transport/createTransportEmitter.ts';
import { createTransportLifecycle, type ConnectAttempt } from './createTransportLifecycle.ts';
import type { MediaDevicesLike } from './audio/getMicrophoneStream.ts';
import { parseWireMessage } from './parseWireMessage.ts';
import { trackConversationResponses, type ConversationResponses } from './trackConversationResponses.ts';
import { bytesToPcm16, pcm16ToBytes } from './audio/pcm16.ts';
import { RealtimeTransportError } from '../transport/RealtimeTransportError.ts';
import { redactSecrets } from '../openaiApi/redactSecrets.ts';
import { resolveClientSecret, type ClientSecretSource } from './resolveClientSecret.ts';
import type { RealtimeTransport } from '../transport/RealtimeTransport.ts';

/** Options of {@link createOpenAIWebSocketTransport}, which has an example. Only `getClientSecret` is required. */
export interface OpenAIWebSocketTransportOptions {
  /** Returns an ephemeral key (`ek_...`), usually fetched from your backend. */
  getClientSecret: ClientSecretSource;
  /** Sent as `?model=`. Default `gpt-realtime`. */
  model?: string;
  /** WebSocket endpoint. Default `wss://api.openai.com/v1/realtime`; the emulator prints its own. */
  url?: string;
  /**
   * Microphone stream to capture. Default: `getUserMedia` (its tracks are stopped on close; a given
   * stream's are not). `setMicrophoneDevice(id)` replaces it with that device (this stream is
   * left running); `setMicrophoneDevice(null)` goes back to it.
   */
  mediaStream?: MediaStream;
  /** Capture and send the microphone. Default true; false for text-only or push-your-own-audio use. */
  microphone?: boolean;
  /** Play the assistant's audio. Default true. */
  playback?: boolean;
  /** Audio per `input_audio_buffer.append`. Default 40 ms. */
  chunkMs?: number;
  /**
   * Where the microphone worklet file is served (`react-realtime-kit/micCaptureProcessor.js`,
   * copied or emitted by your build). Default: the file that ships next to the kit, as your
   * bundler resolves it, with a `blob:` fallback. Give it when a Content-Security-Policy
   * allows neither (see docs/connect.md).
   */
  workletUrl?: string | URL;
  /**
   * Accept a standard `sk-` key where it is refused: anywhere but a server runtime (a page, a
   * worker, React Native), where anyone can read it. For a local experiment, or an edge runtime
   * that looks like a worker. See `resolveClientSecret`.
   */
  dangerouslyAllowApiKeyInBrowser?: boolean;
  /** Give up connecting after this long. Default 15000 ms. */
  connectTimeoutMs?: number;
  /** Injection points for tests and unusual runtimes. Default: the browser globals. */
  WebSocket?: typeof WebSocket;
  AudioContext?: typeof AudioContext;
  mediaDevices?: MediaDevicesLike;
}

/**
 * The WebSocket transport. `openAudioLevelMeter` measures in the connection's own AudioContext:
 * the captured microphone stream and the player's output, as heard. `setMicrophoneDevice`
 * rewires the running capture to the new stream on the same socket.
 */
export type OpenAIWebSocketTransport = RealtimeTransport;

const DEFAULT_URL = 'wss://api.openai.com/v1/realtime';
const AUDIO_DELTA = new Set(['response.output_audio.delta', 'response.audio.delta']);
const AUDIO_DONE = new Set(['response.output_audio.done', 'response.audio.done']);

interface WireEvent {
  type?: string;
  [key: string]: unknown;
}

/**
 * Connect to the Realtime API over a WebSocket, with the browser's audio handled by the kit:
 * the microphone is captured by an AudioWorklet and sent as PCM16 24 kHz
 * `input_audio_buffer.append`; `response.output_audio.delta` is played gaplessly. Because the
 * transport plays the audio, it knows what was heard: `interrupt()` (and a user barging in)
 * sends `conversation.item.truncate` with the milliseconds actually played, and the end of
 * playback is reported through `playback` events, which start the session's idle clock.
 *
 * The key travels in the subprotocols (`openai-insecure-api-key.<ek_...>`), the only way a
 * browser WebSocket can carry it: use short-lived ephemeral keys.
 *
 * @example
 * ```ts
 * const transport = createOpenAIWebSocketTransport({
 *   getClientSecret: async () => (await fetch('/api/realtime-token')).text(),
 * });
 * const session = createRealtimeSession({ transport, idle: { timeoutMs: 8000 } });
 * await session.connect();
 * ```
 */
export function createOpenAIWebSocketTransport(options: OpenAIWebSocketTransportOptions): OpenAIWebSocketTransport {
  // A config mistake throws here, at creation, not as a connect that times out after 1 ms.
  validateTimerDurations({ connectTimeoutMs: options.connectTimeoutMs });
  const emitter = createTransportEmitter();
  const microphone = createMicrophoneSource(options);
  const lifecycle = createTransportLifecycle(emitter);
  // The connection of the current attempt; each connect() builds its own (socket, player and
  // per-connection flags), so a stale attempt cannot touch a newer one and nothing leaks across.
  let link: WsLink | null = null;
  const audio: TransportAudio = {
    microphone,
    meters: 0,
    link: () => link,
  };

  const sendOn = (mine: WsLink | null, event: object) => {
    const socket = mine?.socket;
    if (!socket || socket.readyState !== 1) {
      throw new RealtimeTransportError(
        'not_connected',
        `Cannot send ${(event as WireEvent).type ?? 'event'}: the socket is not open.`,
      );
    }
    socket.send(JSON.stringify(event));
  };

  const cutPlayback = (mine: WsLink, sendCancel: boolean) => {
    const cut = mine.player?.stop() ?? null;
    if (sendCancel && mine.responses.running()) sendOn(mine, { type: 'response.cancel' });
    // An item is truncated once, at the milliseconds heard when it was cut (sequence C); its
    // later deltas (already in flight when the server cancelled) are not played.
    if (cut && !mine.cutItems.has(cut.itemId)) {
      mine.cutItems.add(cut.itemId);
      if (mine.cutItems.size > 16) mine.cutItems.delete(mine.cutItems.values().next().value as string);
      // An out-of-band response's item is in no conversation: there is nothing to truncate.
      if (!mine.responses.isOutOfBand(cut.responseId)) {
        sendOn(mine, {
          type: 'conversation.item.truncate',
          item_id: cut.itemId,
          content_index: cut.contentIndex,
          audio_end_ms: cut.playedMs,
        });
      }
      emitter.emit('playback', {
        type: 'interrupted',
        itemId: cut.itemId,
        ...(cut.responseId === undefined ? {} : { responseId: cut.responseId }),
        playedMs: cut.playedMs,
      });
    }
  };

  // Audio bookkeeping happens before the message is handed on, so a listener that reacts to
  // an event (for example by interrupting) sees the player in the matching state.
  const observe = (mine: WsLink, event: WireEvent) => {
    const type = event.type ?? '';
    if (AUDIO_DELTA.has(type)) {
      const cutAlready = typeof event.item_id === 'string' && mine.cutItems.has(event.item_id);
      if (mine.player && !cutAlready && typeof event.delta === 'string' && typeof event.item_id === 'string') {
        const responseId = typeof event.response_id === 'string' ? event.response_id : undefined;
        mine.player.enqueue(
          {
            itemId: event.item_id,
            contentIndex: typeof event.content_index === 'number' ? event.content_index : 0,
            ...(responseId === undefined ? {} : { responseId }),
          },
          bytesToPcm16(base64ToBytes(event.delta)),
        );
      }
    } else if (AUDIO_DONE.has(type)) {
      mine.player?.markDone(typeof event.response_id === 'string' ? event.response_id : undefined);
    } else if (type === 'response.created') {
      mine.responses.observe(event);
    } else if (type === 'response.done') {
      mine.responses.observe(event);
      const response = event.response as { id?: string } | undefined;
      mine.player?.markDone(response?.id);
    } else if (type === 'input_audio_buffer.speech_started') {
      // The server cancels the response itself (interrupt_response); the client's part is to
      // stop playing and tell the server how much was heard, so the history matches.
      if (mine.interruptOnSpeech && mine.player?.isPlaying()) cutPlayback(mine, false);
    } else if (type === 'session.created' || type === 'session.updated') {
      mine.interruptOnSpeech = readInterruptResponse(event.session) ?? mine.interruptOnSpeech;
    }
  };

  const connect = ({ signal }: { signal: AbortSignal }): Promise<void> =>
    lifecycle.connect(
      signal,
      { timeoutMs: options.connectTimeoutMs ?? 15000, label: 'WebSocket connect failed' },
      async (attempt) => {
        const Socket = options.WebSocket ?? globalThis.WebSocket;
        if (!Socket) throw new RealtimeTransportError('unsupported', 'No WebSocket implementation is available here.');
        const wantMicrophone = options.microphone ?? true;
        const wantPlayback = options.playback ?? true;
        const mine: WsLink = {
          socket: null,
          player: null,
          responses: trackConversationResponses(),
          interruptOnSpeech: true,
          cutItems: new Set(),
          context: null,
          microphone: null,
          capture: null,
        };
        link = mine;
        attempt.hold(() => {
          if (link === mine) link = null;
        });

        // The AudioContext is created and resumed here, synchronously inside connect() and
        // before any await: iOS Safari (and other autoplay policies) only let a context start
        // within the user gesture that called connect(); after the key fetch or the microphone
        // prompt the gesture is gone and the context would stay suspended (no sound, no capture).
        let context: AudioContext | null = null;
        if (wantMicrophone || wantPlayback) {
          const Context = options.AudioContext ?? globalThis.AudioContext;
          if (!Context) throw new RealtimeTransportError('unsupported', 'Audio needs the Web Audio API (AudioContext).');
          const created = new Context();
          context = created;
          mine.context = created;
          attempt.hold(() => {
            if (created.state !== 'closed') void created.close().catch(() => undefined);
          });
          // Not awaited: without a user gesture resume() stays pending until one happens.
          void created.resume().catch(() => undefined);
        }

        const key = await resolveClientSecret(options.getClientSecret, {
          dangerouslyAllowApiKeyInBrowser: options.dangerouslyAllowApiKeyInBrowser,
        });
        attempt.check();
        let slot: MicrophoneSlot | null = null;
        if (wantMicrophone) {
          const lease = await microphone.acquire();
          const mic: MicrophoneSlot = {
            lease,
            ended: false,
            // Before the capture starts there is nothing to rewire: it starts on the slot's lease.
            use: (stream) => mine.capture?.setStream(stream),
          };
          slot = mic;
          // A switch may have swapped the lease by the time the connection ends: release that one.
          attempt.hold(() => {
            mic.ended = true;
            mic.lease.release();
          });
          attempt.check();
          mine.microphone = mic;
        }
        if (context && wantPlayback) {
          const player = createAudioPlayer(context, {
            onStarted: (source) =>
              emitter.emit('playback', { type: 'started', itemId: source.itemId, ...responseIdOf(source) }),
            onStopped: (source, playedMs) =>
              emitter.emit('playback', { type: 'stopped', itemId: source.itemId, ...responseIdOf(source), playedMs }),
          });
          mine.player = player;
          attempt.hold(() => player.stop());
        }

        const url = new URL(options.url ?? DEFAULT_URL);
        if (!url.searchParams.has('model')) url.searchParams.set('model', options.model ?? 'gpt-realtime');
        const socket = new Socket(url.toString(), ['realtime', `openai-insecure-api-key.${key}`]);
        mine.socket = socket;
        attempt.hold(() => {
          socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
          if (socket.readyState === 0 || socket.readyState === 1) socket.close(1000);
        });
        await openSocket(socket, mine, attempt);
        attempt.check();

        if (context && slot) {
          const mic = slot;
          const captured = mic.lease.stream;
          const capture = await createMicrophoneCapture(context, captured, {
            chunkMs: options.chunkMs ?? 40,
            ...(options.workletUrl === undefined ? {} : { workletUrl: options.workletUrl }),
            onChunk: (pcm) => {
              if (socket.readyState !== 1) return;
              // Muted still sends, silence at the same cadence: server VAD must hear the end of a
              // sentence the user muted in the middle of, as it does over WebRTC (a disabled track).
              const audio = microphone.muted ? new Int16Array(pcm.length) : pcm;
              sendOn(mine, { type: 'input_audio_buffer.append', audio: bytesToBase64(pcm16ToBytes(audio)) });
            },
          });
          attempt.hold(() => capture.stop());
          attempt.check();
          mine.capture = capture;
          // Switched while the worklet loaded: capture the stream the switch put in place.
          if (mic.lease.stream !== captured) capture.setStream(mic.lease.stream);
        }
      },
    );

  // Resolves on the first server event that is not an error (session.created); a bad key gets
  // an error event and a close instead, which rejects with `unauthorized`. A close after that is
  // a drop: it fails a connect still in progress (the worklet loading) or ends the connection.
  const openSocket = (ws: WebSocket, mine: WsLink, attempt: ConnectAttempt) => {
    let starting = true;
    let firstError: WireEvent | null = null;
    return new Promise<void>((resolve, reject) => {
      ws.onmessage = (message: MessageEvent) => {
        const parsed = parseWireMessage(message.data);
        const event = typeof parsed === 'object' ? (parsed as WireEvent) : null;
        if (starting) {
          if (event?.type === 'error') firstError = event;
          else {
            starting = false;
            resolve();
          }
        }
        if (event) observe(mine, event);
        emitter.emit('message', parsed);
      };
      ws.onerror = () => undefined;
      ws.onclose = (close: CloseEvent) => {
        // The other side may echo the key it refused: neither its reason nor its message is trusted.
        const detail = redactSecrets(`code ${close.code}${close.reason ? `, ${close.reason}` : ''}`);
        if (starting) {
          starting = false;
          const error = (firstError?.error ?? null) as { code?: string; message?: string } | null;
          const auth = error?.code === 'invalid_api_key' || close.code === 4001 || close.code === 1008;
          reject(
            new RealtimeTransportError(
              auth ? 'unauthorized' : 'connect_failed',
              error?.message ? redactSecrets(error.message) : `The socket closed before the session started (${detail}).`,
            ),
          );
          return;
        }
        lifecycle.lost(attempt, 'socket_closed', `The socket closed (${detail}).`);
      };
    });
  };

  return {
    playbackReporting: options.playback === false ? 'none' : 'transport',
    connect,
    send(event: ClientEvent) {
      sendOn(lifecycle.state === 'open' ? link : null, event);
    },
    close() {
      lifecycle.close();
      audio.engine?.release();
    },
    on: emitter.on,
    // Apps (and the end-to-end checks) reach these through session.openAudioLevels({ bands }) /
    // useAudioLevels and session.setMicrophoneDevice(deviceId); see docs/connect.md.
    openAudioLevelMeter: (levelOptions) => openAudioLevelMeterLazily(audio, levelOptions),
    setMicrophoneDevice: (deviceId) => setMicrophoneDeviceLazily(audio, deviceId),
    setMuted: microphone.setMuted,
    interrupt() {
      const mine = link;
      if (!mine?.socket || mine.socket.readyState !== 1 || lifecycle.state !== 'open') return;
      cutPlayback(mine, true);
    },
  };
}

/** What one connection holds and knows. */
interface WsLink {
  socket: WebSocket | null;
  player: AudioPlayer | null;
  /** The conversation's running responses: interrupt() sends response.cancel only while one runs. */
  responses: ConversationResponses;
  /** The session's turn detection interrupts responses on speech (`interrupt_response`). */
  interruptOnSpeech: boolean;
  /** Items already cut and truncated (the most recent few): their late deltas are dropped. */
  cutItems: Set<string>;
  /** This connection's AudioContext (capture, playback and the meters' analysers). */
  context: AudioContext | null;
  /** The microphone being captured (what the input meter measures, what a switch replaces). */
  microphone: MicrophoneSlot | null;
  /** The running capture, once the socket is open; a switch rewires it to the new stream. */
  capture: MicrophoneCapture | null;
}

function responseIdOf(source: { responseId?: string }): { responseId?: string } {
  return source.responseId === undefined ? {} : { responseId: source.responseId };
}

function readInterruptResponse(session: unknown): boolean | undefined {
  const s = session as
    | {
        audio?: { input?: { turn_detection?: { interrupt_response?: boolean } | null } };
        turn_detection?: { interrupt_response?: boolean } | null;
      }
    | undefined;
  const detection = s?.audio?.input?.turn_detection ?? s?.turn_detection;
  if (detection === null) return false;
  return detection?.interrupt_response ?? (detection ? true : undefined);
}
