import { createRealtimeSession } from '../../../src/core/session/index.ts';
import type {
  CreateRealtimeSessionOptions,
  RealtimeSession,
  SessionEvent,
} from '../../../src/core/session/index.ts';
import { createMockTransport, type MockTransportOptions } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';

let counter = 0;
/** A wire event with a fresh `event_id`. */
export function wire<T extends string>(type: T, fields: Record<string, unknown> = {}): { type: T; event_id: string } & Record<string, unknown> {
  return { type, event_id: `event_${++counter}`, ...fields };
}

export const userAudioItem = (id: string, status = 'completed', transcript: string | null = null) => ({
  id,
  object: 'realtime.item',
  type: 'message',
  role: 'user',
  status,
  content: [{ type: 'input_audio', transcript }],
});

export const assistantItem = (id: string, status = 'in_progress', transcript = '') => ({
  id,
  object: 'realtime.item',
  type: 'message',
  role: 'assistant',
  status,
  content: status === 'in_progress' ? [] : [{ type: 'output_audio', transcript }],
});

export const response = (id: string, status = 'in_progress', extra: Record<string, unknown> = {}) => ({
  id,
  object: 'realtime.response',
  status,
  output: [],
  ...extra,
});

/** 100 ms of PCM16 24 kHz audio (4800 bytes) as base64. */
export const AUDIO_100MS = Buffer.alloc(4800).toString('base64');

/** The wire events of one assistant answer (PROTOCOL.md sequence A, from `response.created`). */
export function assistantTurn(responseId: string, itemId: string, previousItemId: string, words: string[], audioChunks = 10) {
  const ids = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 };
  const text = words.join('');
  const out: Record<string, unknown>[] = [
    wire('response.created', { response: response(responseId) }),
    wire('response.output_item.added', { response_id: responseId, output_index: 0, item: assistantItem(itemId) }),
    wire('conversation.item.added', { previous_item_id: previousItemId, item: assistantItem(itemId) }),
    wire('response.content_part.added', { ...ids, part: { type: 'audio', transcript: '' } }),
  ];
  for (let i = 0; i < Math.max(words.length, audioChunks); i++) {
    if (i < words.length) out.push(wire('response.output_audio_transcript.delta', { ...ids, delta: words[i] }));
    if (i < audioChunks) out.push(wire('response.output_audio.delta', { ...ids, delta: AUDIO_100MS }));
  }
  out.push(
    wire('response.output_audio.done', ids),
    wire('response.output_audio_transcript.done', { ...ids, transcript: text }),
    wire('response.content_part.done', { ...ids, part: { type: 'audio', transcript: text } }),
    wire('conversation.item.done', { previous_item_id: previousItemId, item: assistantItem(itemId, 'completed', text) }),
    wire('response.output_item.done', { response_id: responseId, output_index: 0, item: assistantItem(itemId, 'completed', text) }),
    wire('response.done', { response: response(responseId, 'completed', { output: [assistantItem(itemId, 'completed', text)] }) }),
    wire('rate_limits.updated', { rate_limits: [{ name: 'tokens', limit: 1000, remaining: 900, reset_seconds: 1 }] }),
  );
  return out;
}

/** A compact, readable name for a session event, for exact sequence assertions. */
export function describe(event: SessionEvent): string {
  switch (event.type) {
    case 'status_changed':
      return `status_changed:${event.status}`;
    case 'idle_changed':
      return `idle_changed:${event.idle.phase}`;
    case 'history_added':
    case 'history_updated':
      return `${event.type}:${event.item.id}:${event.item.kind}:${event.item.status}`;
    case 'transcript_delta':
    case 'transcript_done':
      return `${event.type}:${event.role}:${event.itemId}`;
    case 'input_audio_timeout_triggered':
      return `timeout:${event.source}:${event.count}`;
    case 'response_done':
      return `response_done:${event.status}${event.reason ? `:${event.reason}` : ''}`;
    case 'error':
      return `error:${event.error.source}:${event.error.code}`;
    case 'server_event':
      return `server_event:${event.event.type}`;
    default:
      return event.type;
  }
}

export interface Harness {
  session: RealtimeSession;
  transport: ReturnType<typeof createMockTransport>;
  clock: ReturnType<typeof createVirtualClock>;
  events: SessionEvent[];
  /** Event names since the last call (server_event excluded unless asked). */
  take(options?: { raw?: boolean }): string[];
  emit(...messages: (string | object)[]): void;
}

export function setup(
  options: Omit<CreateRealtimeSessionOptions, 'transport' | 'clock'> & { transport?: MockTransportOptions } = {},
): Harness {
  const clock = createVirtualClock(1000);
  const transport = createMockTransport({ clock, ...options.transport });
  const { transport: _ignored, ...sessionOptions } = options;
  const session = createRealtimeSession({ ...sessionOptions, transport, clock });
  const events: SessionEvent[] = [];
  let seen = 0;
  session.on('*', (event) => events.push(event));
  return {
    session,
    transport,
    clock,
    events,
    take({ raw = false } = {}) {
      const fresh = events.slice(seen);
      seen = events.length;
      return fresh.filter((e) => raw || e.type !== 'server_event').map(describe);
    },
    emit(...messages) {
      for (const message of messages) transport.emit(message);
    },
  };
}
