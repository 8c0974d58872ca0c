import type { IdleState, IdleTimeoutSource, InputAudioTimeoutTriggeredEvent } from './idleTypes.ts';

/**
 * The idle policy as pure data and transitions: no timers, no clock reads (`now` is passed in),
 * so every rule can be tested by calling functions. `createIdleController` adds the timers.
 *
 * Vocabulary:
 * - busy: someone speaks, a response runs, a tool call waits for its output, or assistant
 *   audio still plays. The silence clock is paused while busy.
 * - a silence: a stretch of time where the clock runs. It starts when the session stops being
 *   busy (or when the user comes back), and a timeout in it restarts the clock for the next
 *   one without starting a new silence. Each silence is owned by the first source that fires
 *   in it: the other source's timeouts are ignored until the next silence starts.
 */

/** How the client clock runs: not at all, as the only source, or as a late backup of the server. */
export type ClientClockMode = 'off' | 'primary' | 'backup';

/**
 * How much later than the server the backup client clock fires in `auto` mode with server
 * VAD, so a server event that is merely late (network, the server's own playback estimate)
 * wins the race instead of being counted twice.
 *
 * @example
 * ```ts
 * const backupFiresAfter = policy.timeoutMs + SERVER_TIMEOUT_BACKUP_MARGIN_MS;
 * ```
 */
export const SERVER_TIMEOUT_BACKUP_MARGIN_MS = 2000;

export interface IdleMachineState {
  /** The effective timeout, or null when the policy is off. */
  readonly timeoutMs: number | null;
  readonly client: ClientClockMode;
  /** The server will send `timeout_triggered` (server VAD with `idle_timeout_ms`). */
  readonly server: boolean;
  readonly maxTimeouts: number | null;
  readonly endGraceMs: number;
  readonly connected: boolean;
  /** Clock time of the connection; client timeouts report audio times relative to it. */
  readonly connectedAt: number;
  readonly busy: boolean;
  /** Start of the running silence clock, or null while paused. */
  readonly silenceStartedAt: number | null;
  /** The source that fired first in the current silence, or null. */
  readonly owner: IdleTimeoutSource | null;
  readonly timeouts: number;
  readonly last: InputAudioTimeoutTriggeredEvent | null;
  readonly endsAt: number | null;
  readonly ended: boolean;
}

/** The configuration part of the machine. */
export type IdleMachineConfig = Pick<IdleMachineState, 'timeoutMs' | 'client' | 'server' | 'maxTimeouts' | 'endGraceMs'>;

/**
 * The machine before any connection.
 *
 * @example
 * ```ts
 * let idle = createIdleMachine({ timeoutMs: 8000, client: 'primary', server: false, maxTimeouts: 3, endGraceMs: 10000 });
 * idle = idleConnected(idle, true, 0);
 * idleClientDueAt(idle); // 8000
 * ```
 */
export function createIdleMachine(config: IdleMachineConfig): IdleMachineState {
  return {
    ...config,
    connected: false,
    connectedAt: 0,
    busy: false,
    silenceStartedAt: null,
    owner: null,
    timeouts: 0,
    last: null,
    endsAt: null,
    ended: false,
  };
}

function clockRuns(s: IdleMachineState): boolean {
  return (
    s.connected &&
    !s.ended &&
    !s.busy &&
    s.endsAt === null &&
    s.timeoutMs !== null &&
    (s.server || s.client !== 'off')
  );
}

type Draft = { -readonly [K in keyof IdleMachineState]: IdleMachineState[K] };

/**
 * A field-by-field copy to change before returning it. The busy transitions run several
 * times per turn, and V8 builds a literal of known shape much faster than `{ ...s, busy }`.
 */
function draftOf(s: IdleMachineState): Draft {
  return {
    timeoutMs: s.timeoutMs,
    client: s.client,
    server: s.server,
    maxTimeouts: s.maxTimeouts,
    endGraceMs: s.endGraceMs,
    connected: s.connected,
    connectedAt: s.connectedAt,
    busy: s.busy,
    silenceStartedAt: s.silenceStartedAt,
    owner: s.owner,
    timeouts: s.timeouts,
    last: s.last,
    endsAt: s.endsAt,
    ended: s.ended,
  };
}

/** {@link settle} for a draft nobody else holds yet: changed in place. */
function settleDraft(d: Draft, now: number): IdleMachineState {
  const runs = clockRuns(d);
  if (runs && d.silenceStartedAt === null) {
    d.silenceStartedAt = now;
    d.owner = null;
  } else if (!runs && d.silenceStartedAt !== null) {
    d.silenceStartedAt = null;
  }
  return d;
}

/** Start or stop the silence clock to match the state. A (re)start is a new silence. */
function settle(s: IdleMachineState, now: number): IdleMachineState {
  const runs = clockRuns(s);
  if ((runs && s.silenceStartedAt === null) || (!runs && s.silenceStartedAt !== null)) return settleDraft(draftOf(s), now);
  return s;
}

/**
 * Change the policy at runtime. A running clock restarts (a new silence) when the timeout
 * changes. Turning the timeout off forgets the timeouts counted so far (the phase is `off`). A
 * running end-of-session countdown follows the new limits: it stops when `maxTimeouts` no
 * longer calls for it, keeps its start but takes the new length when `endGraceMs` changes, and
 * starts when `maxTimeouts` comes down to the count already reached (only while connected:
 * nothing arms an end of session for a connection that is gone, and the count a disconnected
 * session still shows starts over on the next connection).
 */
export function idleConfigure(s: IdleMachineState, config: IdleMachineConfig, now: number): IdleMachineState {
  const changed =
    config.timeoutMs !== s.timeoutMs ||
    config.client !== s.client ||
    config.server !== s.server ||
    config.maxTimeouts !== s.maxTimeouts ||
    config.endGraceMs !== s.endGraceMs;
  if (!changed) return s;
  const next: Draft = { ...s, ...config };
  if (config.timeoutMs !== s.timeoutMs || config.server !== s.server || config.client !== s.client) {
    next.silenceStartedAt = null;
  }
  const limitReached = next.maxTimeouts !== null && next.timeouts > 0 && next.timeouts >= next.maxTimeouts;
  if (next.timeoutMs === null) {
    next.timeouts = 0;
    next.owner = null;
    next.endsAt = null;
  } else if (next.endsAt !== null && !limitReached) {
    next.endsAt = null;
  } else if (next.endsAt !== null && config.endGraceMs !== s.endGraceMs) {
    next.endsAt = next.endsAt - s.endGraceMs + config.endGraceMs;
  } else if (next.endsAt === null && limitReached && !next.ended && next.connected) {
    next.endsAt = now + next.endGraceMs;
  }
  return settle(next, now);
}

/** The transport connected (`true`: everything resets) or closed. */
export function idleConnected(s: IdleMachineState, connected: boolean, now: number): IdleMachineState {
  if (connected) {
    return settle(
      { ...s, connected: true, connectedAt: now, busy: false, silenceStartedAt: null, owner: null, timeouts: 0, last: null, endsAt: null, ended: false },
      now,
    );
  }
  if (!s.connected) return s;
  return settle({ ...s, connected: false, endsAt: null }, now);
}

/** Someone started or stopped being busy (see the vocabulary above). */
export function idleBusy(s: IdleMachineState, busy: boolean, now: number): IdleMachineState {
  if (busy === s.busy) return s;
  const next = draftOf(s);
  next.busy = busy;
  return settleDraft(next, now);
}

/**
 * The user is back: they spoke, typed, or pressed "I'm still here". The consecutive count
 * resets, a pending end of session is cancelled, and a running clock starts a fresh silence.
 * Assistant speech and re-prompts are not user activity and never get here.
 */
export function idleUserActive(s: IdleMachineState, now: number): IdleMachineState {
  if (s.ended) return s;
  if (s.timeouts === 0 && s.endsAt === null && s.silenceStartedAt === null) return s;
  const next = draftOf(s);
  if (s.silenceStartedAt !== null) {
    next.silenceStartedAt = now;
    next.owner = null;
  }
  next.timeouts = 0;
  next.endsAt = null;
  return settleDraft(next, now);
}

/** What a timeout source reports. Client timeouts fill in the rest from the machine. */
export type IdleTimeoutReport =
  | { source: 'server'; itemId: string; audioStartMs: number; audioEndMs: number; eventId?: string; inferred?: boolean }
  | { source: 'client' };

/**
 * A timeout fired. Returns the event to emit, or null when it must be ignored: the other
 * source already owns this silence, the client clock is not running (a stale timer), or the
 * session is not connected. The clock restarts for the next timeout unless `maxTimeouts` is
 * reached, which starts the grace countdown (`endsAt`).
 */
export function idleTimeout(
  s: IdleMachineState,
  report: IdleTimeoutReport,
  now: number,
): { state: IdleMachineState; event: InputAudioTimeoutTriggeredEvent | null } {
  const ignored = { state: s, event: null };
  // Off (the app turned it off, or never asked): a server timeout still in flight is not counted.
  if (!s.connected || s.ended || s.timeoutMs === null) return ignored;
  if (s.owner !== null && s.owner !== report.source) return ignored;
  if (report.source === 'client' && s.silenceStartedAt === null) return ignored;
  const count = s.timeouts + 1;
  let event: InputAudioTimeoutTriggeredEvent;
  if (report.source === 'server') {
    const audioMs = report.audioEndMs - report.audioStartMs;
    event = {
      type: 'input_audio_timeout_triggered',
      itemId: report.itemId,
      audioStartMs: report.audioStartMs,
      audioEndMs: report.audioEndMs,
      // The silent audio the server committed; the configured timeout if the wire says nothing useful.
      idleMs: audioMs > 0 ? audioMs : (s.timeoutMs ?? 0),
      source: 'server',
      count,
      ...(report.eventId !== undefined ? { eventId: report.eventId } : {}),
      ...(report.inferred ? { inferred: true } : {}),
    };
  } else {
    const started = s.silenceStartedAt as number;
    event = {
      type: 'input_audio_timeout_triggered',
      itemId: null,
      audioStartMs: started - s.connectedAt,
      audioEndMs: now - s.connectedAt,
      idleMs: now - started,
      source: 'client',
      count,
    };
  }
  const escalate = s.maxTimeouts !== null && count >= s.maxTimeouts && s.endsAt === null;
  const state = settle(
    {
      ...s,
      timeouts: count,
      last: event,
      owner: report.source,
      // Same silence, next timeout: the clock restarts now, the owner stays.
      silenceStartedAt: s.silenceStartedAt === null ? null : now,
      endsAt: escalate ? now + s.endGraceMs : s.endsAt,
    },
    now,
  );
  return { state, event };
}

/** The grace countdown ran out: the session ends. */
export function idleGraceElapsed(s: IdleMachineState, now: number): IdleMachineState {
  if (s.endsAt === null || now < s.endsAt || s.ended) return s;
  return settle({ ...s, ended: true, endsAt: null }, now);
}

/** When the client clock fires next (clock time), or null. */
export function idleClientDueAt(s: IdleMachineState): number | null {
  if (s.silenceStartedAt === null || s.timeoutMs === null || s.client === 'off' || s.owner === 'server') return null;
  return s.silenceStartedAt + s.timeoutMs + (s.client === 'backup' ? SERVER_TIMEOUT_BACKUP_MARGIN_MS : 0);
}

/**
 * The public view of the machine. `previous` is returned unchanged when nothing visible
 * changed, so subscribers and `idle_changed` fire only for real changes.
 */
export function idleView(s: IdleMachineState, previous: IdleState | null): IdleState {
  let phase: IdleState['phase'];
  if (s.ended) phase = 'ended';
  else if (!s.connected || s.timeoutMs === null) phase = 'off';
  else if (s.endsAt !== null) phase = 'ending';
  else if (s.timeouts > 0) phase = 'timed_out';
  else if (s.silenceStartedAt !== null) phase = 'counting';
  else phase = 'listening';
  // Once the backup client clock owns a silence, the next timeout can only be its own, later one.
  const margin = s.owner === 'client' && s.client === 'backup' ? SERVER_TIMEOUT_BACKUP_MARGIN_MS : 0;
  const deadline =
    phase !== 'off' && phase !== 'ended' && s.silenceStartedAt !== null && s.timeoutMs !== null
      ? s.silenceStartedAt + s.timeoutMs + margin
      : null;
  if (
    previous &&
    previous.phase === phase &&
    previous.timeouts === s.timeouts &&
    previous.last === s.last &&
    previous.deadline === deadline &&
    previous.endsAt === s.endsAt &&
    previous.timeoutMs === s.timeoutMs
  ) {
    return previous;
  }
  return { phase, timeouts: s.timeouts, last: s.last, deadline, endsAt: s.endsAt, timeoutMs: s.timeoutMs };
}
