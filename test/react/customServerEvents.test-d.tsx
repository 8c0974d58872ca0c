import { expectTypeOf, test } from 'vitest';
import * as z from 'zod/mini';
import { createRealtimeSession, defineServerEvents } from '../../src/core/session/index.ts';
import type { RealtimeSession, SessionEvent, SessionEventOf, ServerEventsOf } from '../../src/core/session/types.ts';
import type { RealtimeTransport } from '../../src/core/transport/RealtimeTransport.ts';
import { RealtimeProvider } from '../../src/react/RealtimeProvider.tsx';
import { useRealtimeEvents } from '../../src/react/useRealtimeEvents.ts';

declare const transport: RealtimeTransport;
const serverEvents = defineServerEvents({
  'conversation.item.summary_ready': z.object({ item_id: z.string(), summary: z.string() }),
});
const session = createRealtimeSession({ transport, serverEvents });

test('useRealtimeEvents infers the custom events from an explicit session', () => {
  useRealtimeEvents(
    'conversation.item.summary_ready',
    (event) => {
      expectTypeOf(event.type).toEqualTypeOf<'conversation.item.summary_ready'>();
      expectTypeOf(event.summary).toEqualTypeOf<string>();
    },
    { session },
  );
  useRealtimeEvents(
    ['conversation.item.summary_ready', 'speech_started'],
    (event) => {
      if (event.type === 'speech_started') expectTypeOf(event).toEqualTypeOf<SessionEventOf<'speech_started'>>();
      else expectTypeOf(event.item_id).toEqualTypeOf<string>();
    },
    { session },
  );
  useRealtimeEvents('*', (event) => {
    if (event.type === 'conversation.item.summary_ready') expectTypeOf(event.summary).toEqualTypeOf<string>();
  }, { session });
  // @ts-expect-error not registered on this session
  useRealtimeEvents('conversation.item.other_event', () => {}, { session });
});

test('without custom events nothing changes', () => {
  const plain: RealtimeSession = createRealtimeSession({ transport });
  useRealtimeEvents('*', (event) => expectTypeOf(event).toEqualTypeOf<SessionEvent>(), { session: plain });
  useRealtimeEvents('*', (event) => expectTypeOf(event).toEqualTypeOf<SessionEvent>());
  // @ts-expect-error the provider's session has no custom events until they are registered
  useRealtimeEvents('conversation.item.summary_ready', () => {});
});

test('the provider takes the session, or the definitions as its serverEvents option', () => {
  expectTypeOf(<RealtimeProvider session={session} />).not.toBeAny();
  expectTypeOf(<RealtimeProvider transport={transport} serverEvents={serverEvents} />).not.toBeAny();
});

test('what Register gives the provider’s session (the types behind the augmentation)', () => {
  type AppEvents = ServerEventsOf<{ serverEvents: typeof serverEvents }>;
  expectTypeOf<AppEvents>().toEqualTypeOf<typeof serverEvents.schemas>();
  // With the app's events registered, the hook's M defaults to them: the same as passing them.
  useRealtimeEvents<'conversation.item.summary_ready', AppEvents>('conversation.item.summary_ready', (event) => {
    expectTypeOf(event.summary).toEqualTypeOf<string>();
  });
});

test('a handler whose parameter the app annotated with a kit event type compiles without a session (nothing is inferred from it)', () => {
  // The packed-package consumer writes it this way; inferring the custom events from the
  // annotation made every name a custom event and the kit's event type no longer fit.
  useRealtimeEvents('input_audio_timeout_triggered', (event: SessionEventOf<'input_audio_timeout_triggered'>) => {
    expectTypeOf(event.audioEndMs).toEqualTypeOf<number>();
  });
  useRealtimeEvents(['speech_started', 'speech_stopped'], (event: SessionEventOf<'speech_started' | 'speech_stopped'>) => {
    expectTypeOf(event.itemId).toEqualTypeOf<string>();
  });
});
