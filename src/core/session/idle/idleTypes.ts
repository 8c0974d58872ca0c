// Idle timeout: the policy an app sets, the state a UI shows, and the event of one silence.

/**
 * Who detected a silence: the server (`input_audio_buffer.timeout_triggered`) or the kit's
 * client clock (semantic VAD, no VAD, or a dropped server event). See docs/idle-timeout.md.
 *
 * @example
 * ```ts
 * session.on('input_audio_timeout_triggered', (e) => log(e.source === 'server' ? e.itemId : 'client clock'));
 * ```
 */
export type IdleTimeoutSource = 'server' | 'client';

/**
 * - `off`: no idle policy (no timeout configured) or not connected.
 * - `listening`: the policy is on but the silence clock is paused (someone speaks, a response
 *   or tool call runs, assistant audio still plays).
 * - `counting`: the silence clock runs; `deadline` says when it fires.
 * - `timed_out`: at least one timeout fired and the user has not come back yet (the clock may
 *   be running again for the next one: see `deadline`).
 * - `ending`: `maxTimeouts` reached; the session ends at `endsAt` unless the user comes back.
 * - `ended`: the policy ended the session.
 *
 * @example
 * ```ts
 * const showBanner = (phase: IdlePhase) => phase === 'timed_out' || phase === 'ending';
 * ```
 */
export type IdlePhase = 'off' | 'listening' | 'counting' | 'timed_out' | 'ending' | 'ended';

/**
 * The idle part of the session state. Deadlines are times of the session's clock, so a
 * countdown computes `endsAt - session.clock.now()` without the state changing every second.
 *
 * @example
 * ```ts
 * const { phase, endsAt } = session.getState().idle;
 * if (phase === 'ending' && endsAt !== null) startCountdown(endsAt - session.clock.now());
 * ```
 */
export interface IdleState {
  phase: IdlePhase;
  /** Consecutive timeouts without the user speaking or typing. */
  timeouts: number;
  /** The last timeout event, or null. */
  last: InputAudioTimeoutTriggeredEvent | null;
  /** Clock time (ms, from the session clock) at which the silence clock fires, or null. */
  deadline: number | null;
  /** Clock time at which the session will be ended in phase `ending`, or null. */
  endsAt: number | null;
  /** The effective idle timeout in ms, or null when off. */
  timeoutMs: number | null;
}

/**
 * When the client-side silence clock runs (see the table in docs/idle-timeout.md).
 *
 * @example
 * ```ts
 * createRealtimeSession({ transport, idle: { timeoutMs: 8000, clientFallback: 'always' } });
 * ```
 */
export type ClientFallbackMode =
  /** Only where the server will not send the event (semantic VAD, no VAD), and as a late backup otherwise. */
  | 'auto'
  /** Always run the client clock as well; the first of the two to fire wins for one silence. */
  | 'always'
  /** Trust the server alone. */
  | 'never';

/**
 * The idle policy. Defaults (`DEFAULT_IDLE_POLICY`): `timeoutMs: null` (off),
 * `clientFallback: 'auto'`, `maxTimeouts: 3`, `endGraceMs: 20000`.
 *
 * @example
 * ```ts
 * const policy: Partial<IdlePolicy> = { timeoutMs: 8000, maxTimeouts: 2, endGraceMs: 15000 };
 * createRealtimeSession({ transport, idle: policy });
 * ```
 */
export interface IdlePolicy {
  /** Silence (ms) before a timeout: sent as `idle_timeout_ms` (5000..30000), or null for off. */
  timeoutMs: number | null;
  clientFallback: ClientFallbackMode;
  /** End the session after this many consecutive timeouts. `null` = never. */
  maxTimeouts: number | null;
  /** Grace period (ms) between the last timeout and the end of the session. */
  endGraceMs: number;
}

/**
 * The user went quiet: the session event for `input_audio_buffer.timeout_triggered` (source
 * `server`) or the client clock (source `client`). Keeps every field of the wire event.
 *
 * @example
 * ```ts
 * session.on('input_audio_timeout_triggered', ({ count, idleMs, source }) => {
 *   analytics.track('idle', { count, idleMs, source });
 * });
 * ```
 */
export interface InputAudioTimeoutTriggeredEvent {
  type: 'input_audio_timeout_triggered';
  /** The silent user item the server committed; null for a client-detected timeout. */
  itemId: string | null;
  audioStartMs: number;
  audioEndMs: number;
  /** Length of the silence that triggered it. */
  idleMs: number;
  source: IdleTimeoutSource;
  /** Consecutive timeouts without the user speaking, this one included. */
  count: number;
  /** The wire `event_id`, for server timeouts. */
  eventId?: string;
  /**
   * True when the `timeout_triggered` event itself never arrived and the kit recognised the
   * server's timeout by its trace: a commit of audio in which nobody spoke, while the server's
   * idle clock was armed. `audioStartMs`/`audioEndMs` are then estimates (ms since connect).
   */
  inferred?: boolean;
}
