import { parseClientEvent } from '../core/protocol/index.ts';
import type { ClientEvent } from '../core/protocol/index.ts';
import { systemClock, type Clock } from '../core/session/clock.ts';
import { RealtimeTransportError } from '../core/transport/RealtimeTransportError.ts';
import type {
  PlaybackEvent,
  PlaybackReporting,
  RealtimeTransport,
  TransportCloseInfo,
  TransportEventMap,
} from '../core/transport/RealtimeTransport.ts';
import type { AudioLevelMeter, AudioLevelOptions } from '../core/transport/audioLevels.ts';
import { createMockLevelMeters } from './audioLevels/createMockLevelMeters.ts';

/**
 * How an object given to {@link MockTransport.emit} reaches the session.
 *
 * @example
 * ```ts
 * const transport = createMockTransport({ delivery: 'object' }); // like a transport that parses for you
 * ```
 */
export type MockDelivery =
  /** As a JSON string, exactly what a WebSocket or WebRTC data channel delivers. */
  | 'json'
  /** As the object itself, like a transport that parses messages before handing them over. */
  | 'object';

/**
 * One call the session made on the mock transport, in the order it was made.
 *
 * @example
 * ```ts
 * session.setMuted(true);
 * expect(transport.calls.at(-1)).toEqual({ method: 'setMuted', muted: true });
 * ```
 */
export type MockTransportCall =
  | { method: 'connect' }
  | { method: 'send'; event: ClientEvent }
  | { method: 'close' }
  | { method: 'setMuted'; muted: boolean }
  | { method: 'interrupt' }
  | { method: 'setMicrophoneDevice'; deviceId: string | null };

/**
 * Options of {@link createMockTransport}.
 *
 * @example
 * ```ts
 * const transport = createMockTransport({ playbackReporting: 'transport', omit: ['interrupt'] });
 * ```
 */
export interface MockTransportOptions {
  /**
   * Milliseconds before `connect()` resolves (or rejects, with `connectError`), counted on
   * `clock`. Default 0: connected on the next microtask, like an instant handshake.
   */
  connectDelayMs?: number;
  /** Make `connect()` reject with this error, to test failed connections. */
  connectError?: Error;
  /**
   * How many `connect()` attempts fail with `connectError`: the first N, then connecting
   * succeeds (to test "fail, then reconnect"). Default: every attempt.
   */
  connectFailures?: number;
  /**
   * Clock that times `connectDelayMs` and the audio that level meters hear. Pass the session's
   * virtual clock in tests; `play()` uses it too when given no clock. Default: the system clock.
   */
  clock?: Clock;
  /**
   * What the mock tells the session about playback. Default `'server'`: like WebRTC, the
   * server's `output_audio_buffer.started/stopped` events (which the scenario builder emits)
   * say when assistant audio is heard. Use `'transport'` with {@link MockTransport.emitPlayback}.
   */
  playbackReporting?: PlaybackReporting;
  /** How `emit(object)` delivers objects. Default `'json'`. */
  delivery?: MockDelivery;
  /**
   * Optional transport methods to leave out. Without `interrupt` the session falls back to
   * sending `response.cancel` itself, so tests of that fallback omit it; without
   * `openAudioLevelMeter` the session's meters read silence; without `setMicrophoneDevice`
   * the session rejects a switch as `unsupported`.
   */
  omit?: readonly ('setMuted' | 'interrupt' | 'openAudioLevelMeter' | 'setMicrophoneDevice')[];
  /**
   * Make `setMicrophoneDevice(deviceId)` reject: return the error for a device id (for example a
   * `RealtimeTransportError` with code `microphone_denied`), or undefined to switch. For tests
   * and stories of a microphone picker's errors. Default: every switch succeeds.
   */
  microphoneDeviceError?: (deviceId: string | null) => Error | undefined;
}

/**
 * A {@link RealtimeTransport} driven by the test: see {@link createMockTransport}.
 *
 * @example
 * ```ts
 * const transport: MockTransport = createMockTransport();
 * await session.connect();
 * session.sendText('Hello');
 * expect(transport.sentOfType('conversation.item.create')).toHaveLength(1);
 * ```
 */
export interface MockTransport extends RealtimeTransport {
  readonly playbackReporting: PlaybackReporting;
  /** The `clock` option: what `play()` times steps with when given no clock. */
  readonly clock: Clock | undefined;
  /** True between a successful `connect()` and `close()` or `drop()`. */
  readonly connected: boolean;
  /** Last value passed to `setMuted`. */
  readonly muted: boolean;
  /** The microphone of the last successful `setMicrophoneDevice` (null: the default one). */
  readonly microphoneDeviceId: string | null;
  /** Every client event the session sent, in order. */
  readonly sent: ClientEvent[];
  /** Every call the session made on the transport, in order. */
  readonly calls: MockTransportCall[];
  /**
   * Sent events that are not valid client events, with why (they are still recorded in `sent`,
   * as a real socket would still send them). Assert it stays empty to catch a session sending
   * something the server would answer with an `error`.
   */
  readonly invalidSent: { event: ClientEvent; message: string }[];
  /** The sent client events of one type, typed by it. */
  sentOfType<T extends ClientEvent['type']>(type: T): Extract<ClientEvent, { type: T }>[];
  /**
   * Deliver one server message to `'message'` listeners, as a server would send it: a string
   * is delivered untouched (so malformed JSON can be tested); an object is delivered as a JSON
   * string unless `delivery` (option or argument) is `'object'`.
   * Returns false, delivering nothing, when not connected: a closed socket hears no server.
   */
  emit(data: string | object, options?: { delivery?: MockDelivery }): boolean;
  /**
   * Report assistant playback to `'playback'` listeners (for `playbackReporting: 'transport'`).
   * Like `emit`, returns false, delivering nothing, when not connected.
   */
  emitPlayback(event: PlaybackEvent): boolean;
  /**
   * The connection goes away without being asked: `'close'` listeners get `{ error, reason: 'dropped' }`.
   * Does nothing when already closed (a transport emits `close` once per connection).
   */
  drop(error?: Error): void;
  /**
   * Hear every client event the session sends, as it is sent (after it is recorded in `sent`).
   * What `play()` uses to wait for the app's answers (tool outputs, `response.create`, approvals).
   * Returns the unsubscribe function.
   *
   * @example
   * ```ts
   * const off = transport.onSent((event) => {
   *   if (event.type === 'response.create') console.log('the app asked for a response');
   * });
   * off();
   * ```
   */
  onSent(listener: (event: ClientEvent) => void): () => void;
  /** Number of listeners of one transport event, to check that a session unsubscribed. */
  listenerCount(type: keyof TransportEventMap): number;
  /** Forget recorded `sent` events, `calls` and `invalidSent` (listeners and connection stay). */
  clearRecords(): void;
  /**
   * Live levels of what the mock delivers (present unless `omit`ted), for visualizers in tests
   * and stories; the session's `openAudioLevels` uses it.
   *
   * - `output`: measured from the real PCM16 of the `response.output_audio.delta` (and beta
   *   `response.audio.delta`) messages it delivers, played from when output audio starts being
   *   heard (`output_audio_buffer.started`, or a `started` playback event; with neither, as it
   *   arrives) at 24 samples per millisecond of `clock`, and silent after
   *   `output_audio_buffer.stopped/cleared`, a `stopped`/`interrupted` playback event,
   *   `interrupt()` or a close.
   * - `input`: there is no microphone, so between `input_audio_buffer.speech_started` and
   *   `speech_stopped` it measures a synthetic voice (about 190 Hz, four syllables a second);
   *   0 while muted.
   * - Measured as the OpenAI transports' analysers measure, so a story moves like a real call:
   *   the level is the RMS of the last 21 ms heard (512 samples) on the shared curve
   *   (`rmsToAudioLevel`: -60..-10 dBFS, so speech reads about 0.5..0.9); bands are log-spaced
   *   from 80 Hz to 8 kHz, each the mean decibels of its spectrum bins on a -100..-30 dB scale.
   *
   * Nothing is decoded or queued while no meter is open, so a meter opened in the middle of an
   * answer hears its audio from the next delta (an answer without deltas, or an utterance, from
   * the next one).
   */
  openAudioLevelMeter?(options: AudioLevelOptions): AudioLevelMeter;
}

type Listener<K extends keyof TransportEventMap> = (payload: TransportEventMap[K]) => void;

/**
 * Create an in-memory {@link RealtimeTransport} for tests and stories: it connects at once,
 * records what the session sends, and lets the test play the server.
 *
 * @example
 * ```ts
 * const transport = createMockTransport();
 * const session = createRealtimeSession({ transport, idle: { timeoutMs: 8000 } });
 * await session.connect();
 *
 * transport.emit({
 *   type: 'input_audio_buffer.timeout_triggered',
 *   event_id: 'event_1', audio_start_ms: 13216, audio_end_ms: 19232, item_id: 'item_1',
 * });
 * expect(session.getState().idle.timeouts).toBe(1);
 * expect(transport.sentOfType('session.update')).toHaveLength(1);
 *
 * transport.drop(new Error('network down')); // the session sees an unexpected close
 * ```
 *
 * @example A connection that fails after 200 ms on a virtual clock
 * ```ts
 * const clock = createVirtualClock(0);
 * const transport = createMockTransport({ clock, connectDelayMs: 200, connectError: new Error('401') });
 * ```
 *
 * @example Levels of a scenario's answer, and a microphone that cannot be opened
 * ```ts
 * const clock = createVirtualClock(0);
 * const transport = createMockTransport({
 *   clock,
 *   microphoneDeviceError: (id) => (id === 'usb-mic' ? new RealtimeTransportError('microphone_unavailable', 'In use') : undefined),
 * });
 * const session = createRealtimeSession({ transport, clock });
 * await session.connect();
 * const meter = session.openAudioLevels({ bands: 8 });
 * play(scenario().assistantSays('Hello there!').build(), { transport, clock });
 * clock.advance(600);
 * const levels = createAudioLevels(8);
 * meter.read(levels); // levels.output > 0 while the answer plays
 * meter.close();
 * await session.setMicrophoneDevice('usb-mic').catch(() => undefined); // rejects, error event
 * ```
 */
export function createMockTransport(options: MockTransportOptions = {}): MockTransport {
  const listeners: { [K in keyof TransportEventMap]: Set<Listener<K>> } = {
    message: new Set(),
    close: new Set(),
    playback: new Set(),
  };
  const sent: ClientEvent[] = [];
  const calls: MockTransportCall[] = [];
  const invalidSent: { event: ClientEvent; message: string }[] = [];
  const sentListeners = new Set<(event: ClientEvent) => void>();
  let connected = false;
  let muted = false;
  let microphoneDeviceId: string | null = null;
  const levels = createMockLevelMeters({ clock: options.clock ?? systemClock, muted: () => muted });
  let attempts = 0;
  /** Aborts the pending `connect()` attempts: `close()` wins over them. */
  const pendingConnects = new Set<AbortController>();

  function dispatch<K extends keyof TransportEventMap>(type: K, payload: TransportEventMap[K]): void {
    // Copy first: a listener may unsubscribe (or subscribe) while we iterate.
    for (const listener of [...listeners[type]]) listener(payload);
  }

  function closeWith(info: TransportCloseInfo): void {
    if (!connected) return;
    connected = false;
    levels.closed();
    dispatch('close', info);
  }

  function wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(abortReason(signal));
      const clock = options.clock;
      const onAbort = () => {
        if (clock) clock.clearTimeout(handle);
        else globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
        reject(abortReason(signal));
      };
      const done = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const handle: unknown = clock ? clock.setTimeout(done, ms) : globalThis.setTimeout(done, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  const transport: MockTransport = {
    playbackReporting: options.playbackReporting ?? 'server',
    clock: options.clock,
    get connected() {
      return connected;
    },
    get muted() {
      return muted;
    },
    get microphoneDeviceId() {
      return microphoneDeviceId;
    },
    sent,
    calls,
    invalidSent,

    async connect({ signal: callerSignal }) {
      calls.push({ method: 'connect' });
      const attempt = ++attempts;
      // The attempt's own signal: aborted by the caller, or by close() while it is pending.
      const controller = new AbortController();
      pendingConnects.add(controller);
      const onCallerAbort = () => controller.abort(abortReason(callerSignal));
      if (callerSignal.aborted) onCallerAbort();
      else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      const signal = controller.signal;
      try {
        const delay = options.connectDelayMs ?? 0;
        if (delay > 0) await wait(delay, signal);
        else await Promise.resolve();
        if (signal.aborted) throw abortReason(signal);
        const failures = options.connectFailures ?? Infinity;
        if (options.connectError && attempt <= failures) throw options.connectError;
        connected = true;
      } finally {
        callerSignal.removeEventListener('abort', onCallerAbort);
        pendingConnects.delete(controller);
      }
    },

    send(event) {
      if (!connected) throw new Error(`MockTransport: cannot send "${event.type}" while not connected`);
      calls.push({ method: 'send', event });
      sent.push(event);
      const checked = parseClientEvent(event);
      if (!checked.ok) invalidSent.push({ event, message: checked.message });
      for (const listener of [...sentListeners]) listener(event);
    },

    close() {
      calls.push({ method: 'close' });
      for (const pending of pendingConnects) pending.abort(new RealtimeTransportError('aborted', 'Connecting was aborted: close() was called.'));
      pendingConnects.clear();
      closeWith({});
    },

    on(type, listener) {
      const set = listeners[type] as Set<typeof listener>;
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },

    sentOfType<T extends ClientEvent['type']>(type: T) {
      return sent.filter((event): event is Extract<ClientEvent, { type: T }> => event.type === type);
    },

    emit(data, emitOptions) {
      if (!connected) return false;
      // Level meters hear what is delivered; with none open, the mock does no work for them.
      if (levels.open > 0) levels.observeMessage(data);
      const delivery = emitOptions?.delivery ?? options.delivery ?? 'json';
      dispatch('message', typeof data === 'string' || delivery === 'object' ? data : JSON.stringify(data));
      return true;
    },

    emitPlayback(event) {
      if (!connected) return false;
      if (levels.open > 0) levels.observePlayback(event);
      dispatch('playback', event);
      return true;
    },

    drop(error = new Error('Connection lost')) {
      closeWith({ error, reason: 'dropped' });
    },

    onSent(listener) {
      sentListeners.add(listener);
      return () => {
        sentListeners.delete(listener);
      };
    },

    listenerCount(type) {
      return listeners[type].size;
    },

    clearRecords() {
      sent.length = 0;
      calls.length = 0;
      invalidSent.length = 0;
    },
  };

  const omitted = new Set(options.omit ?? []);
  if (!omitted.has('setMuted')) {
    transport.setMuted = (value: boolean) => {
      calls.push({ method: 'setMuted', muted: value });
      muted = value;
    };
  }
  if (!omitted.has('interrupt')) {
    transport.interrupt = () => {
      calls.push({ method: 'interrupt' });
      levels.interrupted();
    };
  }
  if (!omitted.has('openAudioLevelMeter')) transport.openAudioLevelMeter = (meterOptions) => levels.openMeter(meterOptions);
  if (!omitted.has('setMicrophoneDevice')) {
    transport.setMicrophoneDevice = (deviceId: string | null) => {
      calls.push({ method: 'setMicrophoneDevice', deviceId });
      const error = options.microphoneDeviceError?.(deviceId);
      if (error) return Promise.reject(error);
      microphoneDeviceId = deviceId;
      return Promise.resolve();
    };
  }
  return transport;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The connection attempt was aborted', 'AbortError');
}
