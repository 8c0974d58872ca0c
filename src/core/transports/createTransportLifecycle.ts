import type { TransportEmitter } from '../transport/createTransportEmitter.ts';
import { RealtimeTransportError } from '../transport/RealtimeTransportError.ts';
import { withTimeout } from './withTimeout.ts';

/**
 * One `connect()` call. Everything it creates is registered with `hold`, so a failure (or a
 * stale attempt waking up after `close()`) releases only what this attempt created, never the
 * resources of a newer attempt.
 */
export interface ConnectAttempt {
  /**
   * Aborted when the caller's signal aborts, `close()` is called, the connect deadline passes or
   * the attempt fails. Pass it to `fetch`; its `reason` is the error `connect()` rejects with.
   */
  readonly signal: AbortSignal;
  /** True while this attempt is connecting or is the open connection. */
  readonly current: boolean;
  /** Throw the error this attempt was stopped with, if it was. */
  check(): void;
  /** Register a release, run in reverse order when the attempt fails or its connection ends (at once if that already happened). */
  hold(release: () => void): void;
}

/** The open/closed bookkeeping of one transport: one attempt or one connection at a time. */
export interface TransportLifecycle {
  /** `connecting` from the `connect()` call until it settles, `open` until a close or a drop. */
  readonly state: 'idle' | 'connecting' | 'open';
  /**
   * Run one connect attempt under one deadline (`timeoutMs` for the whole of `open`). Refuses
   * synchronously (a rejected promise, code `connect_failed`) while another attempt runs or a
   * connection is open. `label` names a foreign error in the `connect_failed` message.
   */
  connect(
    signal: AbortSignal,
    options: { timeoutMs: number; label: string },
    open: (attempt: ConnectAttempt) => Promise<void>,
  ): Promise<void>;
  /**
   * The connection of `attempt` went away by itself. While connecting, the attempt fails with
   * `connect_failed` (no `close` event); once open, everything is released and `close` is emitted
   * with the reason and a `connection_lost` error; for a stale attempt, nothing happens.
   */
  lost(attempt: ConnectAttempt, reason: string, message: string): void;
  /** The caller closes: a pending connect rejects at once with `aborted`; an open connection emits `close` without an error. */
  close(): void;
}

interface Attempt extends ConnectAttempt {
  readonly stopError: RealtimeTransportError | null;
  stop(error: RealtimeTransportError): void;
  release(): void;
}

/**
 * The connecting and closing rules the OpenAI transports share: one attempt at a time, each
 * with its own resources; `close` is emitted once per opened connection, with an error only when
 * nobody asked for it, and only after everything is released, so a listener that reconnects at
 * once finds the transport free.
 *
 * @example
 * ```ts
 * const lifecycle = createTransportLifecycle(emitter);
 * const connect = ({ signal }) =>
 *   lifecycle.connect(signal, { timeoutMs: 15000, label: 'WebSocket connect failed' }, async (attempt) => {
 *     const socket = new WebSocket(url);
 *     attempt.hold(() => socket.close());
 *     socket.onclose = () => lifecycle.lost(attempt, 'socket_closed', 'The socket closed.');
 *   });
 * ```
 */
export function createTransportLifecycle(emitter: TransportEmitter): TransportLifecycle {
  let connecting: Attempt | null = null;
  let open: Attempt | null = null;

  const createAttempt = (): Attempt => {
    const controller = new AbortController();
    const releases: Array<() => void> = [];
    let stopError: RealtimeTransportError | null = null;
    let released = false;
    const run = (release: () => void) => {
      try {
        release();
      } catch {
        // One failing release must not keep the others from running.
      }
    };
    const attempt: Attempt = {
      signal: controller.signal,
      get current() {
        return attempt === connecting || attempt === open;
      },
      get stopError() {
        return stopError;
      },
      check() {
        if (stopError) throw stopError;
      },
      hold(release) {
        if (released) run(release);
        else releases.push(release);
      },
      stop(error) {
        if (stopError) return;
        stopError = error;
        controller.abort(error);
      },
      release() {
        released = true;
        while (releases.length > 0) run(releases.pop() as () => void);
      },
    };
    return attempt;
  };

  return {
    get state() {
      return connecting ? 'connecting' : open ? 'open' : 'idle';
    },
    async connect(signal, { timeoutMs, label }, openConnection) {
      // Synchronous, before any await: a second concurrent connect() is refused, not run twice.
      if (connecting) {
        throw new RealtimeTransportError(
          'connect_failed',
          'connect() is already in progress on this transport; wait for it or call close() first.',
        );
      }
      if (open) throw new RealtimeTransportError('connect_failed', 'This transport is already connected; call close() first.');
      if (signal.aborted) throw new RealtimeTransportError('aborted', 'Connecting was aborted.');
      const attempt = createAttempt();
      connecting = attempt;
      const onAbort = () => attempt.stop(new RealtimeTransportError('aborted', 'Connecting was aborted.'));
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        await withTimeout(openConnection(attempt), timeoutMs, attempt.signal, () => {
          const error = new RealtimeTransportError('connect_failed', `Timed out after ${timeoutMs} ms while connecting.`);
          attempt.stop(error);
          return error;
        });
        attempt.check();
      } catch (error) {
        const failure =
          attempt.stopError ??
          (error instanceof RealtimeTransportError
            ? error
            : new RealtimeTransportError('connect_failed', `${label}: ${String(error)}`, { cause: error }));
        attempt.stop(failure);
        if (connecting === attempt) connecting = null;
        attempt.release();
        throw failure;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
      connecting = null;
      open = attempt;
    },
    lost(attempt, reason, message) {
      if (attempt === connecting) {
        // Not open yet: the pending connect() rejects with this, and no close event is emitted.
        (attempt as Attempt).stop(new RealtimeTransportError('connect_failed', message));
        return;
      }
      if (attempt !== open) return;
      open = null;
      const error = new RealtimeTransportError('connection_lost', message);
      (attempt as Attempt).stop(error);
      (attempt as Attempt).release();
      emitter.emit('close', { reason, error });
    },
    close() {
      const pending = connecting;
      const current = open;
      connecting = null;
      open = null;
      if (pending) {
        pending.stop(new RealtimeTransportError('aborted', 'Connecting was aborted: close() was called.'));
        pending.release();
      }
      if (current) {
        current.stop(new RealtimeTransportError('aborted', 'The connection was closed.'));
        current.release();
        emitter.emit('close', {});
      }
    },
  };
}
