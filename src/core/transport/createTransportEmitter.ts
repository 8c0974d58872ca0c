import type { TransportEventMap } from './RealtimeTransport.ts';

type Listener<K extends keyof TransportEventMap> = (payload: TransportEventMap[K]) => void;

/** The listener registry behind every transport's `on()`. */
export interface TransportEmitter {
  on<K extends keyof TransportEventMap>(type: K, listener: Listener<K>): () => void;
  emit<K extends keyof TransportEventMap>(type: K, payload: TransportEventMap[K]): void;
}

/**
 * A tiny typed event registry. A throwing listener must not stop the others, nor the
 * transport's own socket handler, so errors are rethrown asynchronously.
 *
 * @example
 * ```ts
 * const emitter = createTransportEmitter();
 * emitter.on('close', (info) => console.log(info.reason));
 * emitter.emit('close', { reason: 'socket_closed' });
 * ```
 */
export function createTransportEmitter(): TransportEmitter {
  const listeners = new Map<keyof TransportEventMap, Set<Listener<never>>>();
  return {
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener as Listener<never>);
      return () => {
        set.delete(listener as Listener<never>);
      };
    },
    emit(type, payload) {
      const set = listeners.get(type);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          (listener as Listener<typeof type>)(payload);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
