import { OpenAIRealtimeWebSocket } from '@openai/agents-realtime';

type Listener = (event: { data: string }) => void;

/**
 * `@openai/agents-realtime`'s WebSocket transport on a fake socket (its `createWebSocket`
 * option), connected, with one listener on its `*` event as an app would have. Returns a
 * function that delivers one message the way a real socket does (`{ data }`).
 */
export async function createAgentsRealtimePipeline(): Promise<(data: string) => void> {
  const listeners: Record<string, Listener[]> = {};
  const socket = {
    readyState: 1,
    addEventListener: (type: string, listener: Listener) => (listeners[type] ??= []).push(listener),
    removeEventListener: () => {},
    send: () => {},
    close: () => {},
  };
  const transport = new OpenAIRealtimeWebSocket({
    createWebSocket: async () => socket as never,
    skipOpenEventListeners: true,
  });
  transport.on('*', () => {});
  await transport.connect({ apiKey: 'ek_bench', model: 'gpt-realtime' });
  const onMessage = listeners.message ?? [];
  if (onMessage.length === 0) throw new Error('agents-realtime did not listen to the fake socket');
  return (data: string) => {
    for (const listener of onMessage) listener({ data });
  };
}
