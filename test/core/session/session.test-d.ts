import { expectTypeOf, test } from 'vitest';
import type {
  IdlePhase,
  InputAudioTimeoutTriggeredEvent,
  RealtimeSession,
  SessionEvent,
  SessionEventOf,
  TranscriptItem,
} from '../../../src/core/session/index.ts';

declare const session: RealtimeSession;

test('on() types the handler by the names given', () => {
  session.on('input_audio_timeout_triggered', (event) => {
    expectTypeOf(event).toEqualTypeOf<InputAudioTimeoutTriggeredEvent>();
    expectTypeOf(event.source).toEqualTypeOf<'server' | 'client'>();
    expectTypeOf(event.itemId).toEqualTypeOf<string | null>();
  });
  session.on(['speech_started', 'speech_stopped'], (event) => {
    expectTypeOf(event).toEqualTypeOf<SessionEventOf<'speech_started'> | SessionEventOf<'speech_stopped'>>();
  });
  session.on('*', (event) => expectTypeOf(event).toEqualTypeOf<SessionEvent>());
  expectTypeOf(session.on('error', () => {})).toEqualTypeOf<() => void>();
  // @ts-expect-error not an event name
  session.on('no_such_event', () => {});
});

test('state is typed for UIs', () => {
  const state = session.getState();
  expectTypeOf(state.idle.phase).toEqualTypeOf<IdlePhase>();
  expectTypeOf(state.transcript.at(0)).toEqualTypeOf<TranscriptItem | undefined>();
  expectTypeOf(state.transcript.items).toEqualTypeOf<readonly TranscriptItem[]>();
  // @ts-expect-error rows are immutable
  state.transcript.items[0]!.text = 'x';
});
