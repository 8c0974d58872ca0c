import type { TransportEmitter } from './createTransportEmitter.ts';
import { RealtimeTransportError } from './RealtimeTransportError.ts';

/** What a transport holds while connecting or connected. */
export interface TransportResources {
  /** True while anything is held (a socket, a peer connection). */
  holding(): boolean;
  /** Let go of everything held; safe to call more than once. */
  release(): void;
}

/** The open/closed bookkeeping of one transport. */
export interface TransportLifecycle {
  /** True after a close, a drop or a failed connect: a pending connect step must stop. */
  readonly closed: boolean;
  /** A connect attempt begins. */
  opening(): void;
  /** The connect attempt succeeded. */
  opened(): void;
  /** The connect attempt failed: release, and return the error to throw (`label` names a foreign one). */
  failed(error: unknown, label: string): RealtimeTransportError;
  /** The connection went away by itself: release, then emit `close` with the reason and an error. */
  lost(reason: string, message: string): void;
  /** The caller closes: release, then emit `close` without an error if anything was open. */
  close(): void;
}

/**
 * The closing rules the OpenAI transports share: `close` is emitted once per connection, with
 * an error only when nobody asked for it, and only after everything is released, so a listener
 * that reconnects at once finds the transport free.
 *
 * @example
 * ```ts
 * const lifecycle = createTransportLifecycle(emitter, { holding: () => socket !== null, release });
 * socket.onclose = () => lifecycle.lost('socket_closed', 'The socket closed.');
 * ```
 */
export function createTransportLifecycle(emitter: TransportEmitter, resources: TransportResources): TransportLifecycle {
  let closed = false;
  let connected = false;
  return {
    get closed() {
      return closed;
    },
    opening() {
      closed = false;
    },
    opened() {
      connected = true;
    },
    failed(error, label) {
      closed = true;
      resources.release();
      return error instanceof RealtimeTransportError
        ? error
        : new RealtimeTransportError('connect_failed', `${label}: ${String(error)}`, { cause: error });
    },
    lost(reason, message) {
      if (closed) return;
      closed = true;
      connected = false;
      resources.release();
      emitter.emit('close', { reason, error: new RealtimeTransportError('connection_lost', message) });
    },
    close() {
      if (closed && !resources.holding()) return;
      const wasOpen = connected || resources.holding();
      closed = true;
      connected = false;
      resources.release();
      if (wasOpen) emitter.emit('close', {});
    },
  };
}
