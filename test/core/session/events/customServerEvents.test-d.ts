import { expectTypeOf, test } from 'vitest';
import * as z from 'zod/mini';
import * as zc from 'zod';
import { createRealtimeSession, defineServerEvents } from '../../../../src/core/session/index.ts';
import type {
  CreateRealtimeSessionOptions,
  RealtimeSession,
  RealtimeSessionWithEvents,
  SessionEvent,
  SessionEventOf,
} from '../../../../src/core/session/index.ts';
import type { RealtimeTransport } from '../../../../src/core/transport/RealtimeTransport.ts';

declare const transport: RealtimeTransport;

const serverEvents = defineServerEvents({
  'conversation.item.summary_ready': z.object({ event_id: z.string(), item_id: z.string(), summary: z.string() }),
  // zod classic works as well, and a transform shapes what the handler gets.
  'response.citation.added': zc.object({ url: zc.string().transform((url) => new URL(url)) }),
});
type Summary = { event_id: string; item_id: string; summary: string; type: 'conversation.item.summary_ready' };

test('on() types a registered server event by its schema', () => {
  const session = createRealtimeSession({ transport, serverEvents });
  session.on('conversation.item.summary_ready', (event) => {
    expectTypeOf(event.type).toEqualTypeOf<'conversation.item.summary_ready'>();
    expectTypeOf(event.summary).toEqualTypeOf<string>();
    expectTypeOf(event.item_id).toEqualTypeOf<string>();
    expectTypeOf<Summary>().toMatchTypeOf<typeof event>();
  });
  session.on('response.citation.added', (event) => expectTypeOf(event.url).toEqualTypeOf<URL>());
  session.on(['conversation.item.summary_ready', 'speech_started'], (event) => {
    if (event.type === 'speech_started') expectTypeOf(event).toEqualTypeOf<SessionEventOf<'speech_started'>>();
    else expectTypeOf(event.summary).toEqualTypeOf<string>();
  });
  // '*' sees the registered events too.
  session.on('*', (event) => {
    expectTypeOf<SessionEvent>().toMatchTypeOf<typeof event>();
    if (event.type === 'conversation.item.summary_ready') expectTypeOf(event.summary).toEqualTypeOf<string>();
  });
  // The kit's events keep their types.
  session.on('speech_started', (event) => expectTypeOf(event).toEqualTypeOf<SessionEventOf<'speech_started'>>());
  // @ts-expect-error not registered
  session.on('conversation.item.other_event', () => {});
});

test('a session with custom events is still a RealtimeSession (provider, tools, helpers)', () => {
  const session = createRealtimeSession({ transport, serverEvents });
  expectTypeOf(session).toEqualTypeOf<RealtimeSessionWithEvents<typeof serverEvents.schemas>>();
  expectTypeOf(session).toMatchTypeOf<RealtimeSession>();
  const plain: RealtimeSession = session;
  plain.on('*', (event) => expectTypeOf(event).toEqualTypeOf<SessionEvent>());
  // Without custom events, nothing changes.
  expectTypeOf(createRealtimeSession({ transport })).toEqualTypeOf<RealtimeSession>();
  const options: CreateRealtimeSessionOptions = { transport, serverEvents };
  expectTypeOf(createRealtimeSession(options)).toEqualTypeOf<RealtimeSession>();
});

test("the kit's own events cannot be redefined", () => {
  defineServerEvents({
    // @ts-expect-error a server event the kit knows
    'input_audio_buffer.timeout_triggered': z.object({ item_id: z.string() }),
  });
  defineServerEvents({
    // @ts-expect-error a beta alias the kit knows
    'response.text.delta': z.object({}),
  });
  defineServerEvents({
    // @ts-expect-error a session event name (no dot: not a wire type)
    speech_started: z.object({}),
  });
  defineServerEvents({
    // @ts-expect-error the server's error event
    error: z.object({}),
  });
  // @ts-expect-error not a zod schema
  defineServerEvents({ 'x.y': { parse: () => ({}) } });
});

test('ReturnType<typeof createRealtimeSession> is still a plain RealtimeSession', () => {
  expectTypeOf<ReturnType<typeof createRealtimeSession>>().toEqualTypeOf<RealtimeSession>();
});
