import type { RealtimeTransport, TransportEventMap } from '../src/core/transport/RealtimeTransport.ts';

/**
 * The thinnest possible transport: it hands each message straight to the session's listener,
 * so the bench measures the kit's path (parse, validate, state, events) and nothing of a mock.
 */
export function createBenchTransport(): RealtimeTransport & { deliver(data: string): void } {
  let onMessage: (data: string | object) => void = () => {};
  return {
    playbackReporting: 'server',
    connect: () => Promise.resolve(),
    send: () => {},
    close: () => {},
    on<K extends keyof TransportEventMap>(type: K, listener: (payload: TransportEventMap[K]) => void) {
      if (type === 'message') onMessage = listener as (data: string | object) => void;
      return () => {};
    },
    deliver: (data: string) => onMessage(data),
  };
}
