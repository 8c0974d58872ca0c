import { describe, expectTypeOf, it } from 'vitest';
import type {
  ConnectionStatus,
  IdlePhase,
  InputAudioTimeoutTriggeredEvent,
  RealtimeError,
  SessionEvent,
  RealtimeSession,
  TranscriptItem,
} from '../../src/core/session/types.ts';
import type { RealtimeTransport } from '../../src/core/transport/RealtimeTransport.ts';
import type { RealtimeProviderProps } from '../../src/react/RealtimeProvider.tsx';
import { useConnectionState } from '../../src/react/useConnectionState.ts';
import { useIdleTimeout } from '../../src/react/useIdleTimeout.ts';
import { useRealtimeEvents } from '../../src/react/useRealtimeEvents.ts';
import { useRealtimeSession } from '../../src/react/useRealtimeSession.ts';
import { useRealtimeState } from '../../src/react/useRealtimeState.ts';
import { useTranscript } from '../../src/react/useTranscript.ts';

describe('useRealtimeEvents types', () => {
  it('types the handler by one event type', () => {
    useRealtimeEvents('input_audio_timeout_triggered', (e) => {
      expectTypeOf(e).toEqualTypeOf<InputAudioTimeoutTriggeredEvent>();
      expectTypeOf(e.itemId).toEqualTypeOf<string | null>();
      expectTypeOf(e.audioStartMs).toEqualTypeOf<number>();
      expectTypeOf(e.audioEndMs).toEqualTypeOf<number>();
      expectTypeOf(e.source).toEqualTypeOf<'server' | 'client'>();
    });
  });

  it('gives the union for a list of types', () => {
    useRealtimeEvents(['speech_started', 'speech_stopped'], (e) => {
      expectTypeOf(e.type).toEqualTypeOf<'speech_started' | 'speech_stopped'>();
      expectTypeOf(e.itemId).toEqualTypeOf<string>();
      if (e.type === 'speech_stopped') expectTypeOf(e.audioEndMs).toEqualTypeOf<number>();
    });
    const types = ['error', 'status_changed'] as const;
    useRealtimeEvents(types, (e) => {
      expectTypeOf(e.type).toEqualTypeOf<'error' | 'status_changed'>();
    });
  });

  it("gives every event for '*'", () => {
    useRealtimeEvents('*', (e) => {
      expectTypeOf(e).toEqualTypeOf<SessionEvent>();
    });
  });

  it('rejects an unknown event name', () => {
    // @ts-expect-error: not a session event type
    useRealtimeEvents('input_audio_buffer.timeout_triggered', () => {});
    // @ts-expect-error: not a session event type, even in a list
    useRealtimeEvents(['speech_started', 'speech_startd'], () => {});
  });

  it('rejects a handler of the wrong event', () => {
    // @ts-expect-error: speech_started has no audioEndMs
    useRealtimeEvents('speech_started', (e) => e.audioEndMs.toFixed());
  });
});

describe('state hook types', () => {
  it('types the returned values', () => {
    expectTypeOf(useConnectionState()).toEqualTypeOf<{ status: ConnectionStatus; error: RealtimeError | null }>();
    expectTypeOf(useIdleTimeout({ countdown: true }).phase).toEqualTypeOf<IdlePhase>();
    expectTypeOf(useIdleTimeout().remainingMs).toEqualTypeOf<number | null>();
    expectTypeOf(useIdleTimeout().stillHere).toEqualTypeOf<() => void>();
    expectTypeOf(useTranscript({ roles: ['user'] }).items).toEqualTypeOf<readonly TranscriptItem[]>();
    expectTypeOf(useRealtimeState((s) => s.muted)).toEqualTypeOf<boolean>();
    expectTypeOf(useRealtimeSession().sendText).parameter(0).toEqualTypeOf<string>();
    // @ts-expect-error: not a role
    useTranscript({ roles: ['robot'] });
    // @ts-expect-error: policy options are typed
    useIdleTimeout({ timeoutMs: '8000' });
  });
});

describe('RealtimeProvider props', () => {
  it('takes a session or the options to create one, not both', () => {
    const session = {} as RealtimeSession;
    const transport = {} as RealtimeTransport;
    expectTypeOf<{ session: RealtimeSession }>().toExtend<RealtimeProviderProps>();
    expectTypeOf<{ transport: RealtimeTransport; idle: { timeoutMs: number }; autoConnect: true }>().toExtend<RealtimeProviderProps>();
    // @ts-expect-error: a given session and a transport to create one are exclusive
    const both: RealtimeProviderProps = { session, transport };
    // @ts-expect-error: one of the two is needed
    const neither: RealtimeProviderProps = { autoConnect: true };
    void both;
    void neither;
  });
});
