import { describe, expectTypeOf, it } from 'vitest';
import type {
  ClientEvent,
  ClientEventOf,
  ContentPart,
  ConversationItem,
  ParseServerEventResult,
  ServerEvent,
  ServerEventOf,
  ServerEventType,
  SessionConfig,
  TurnDetection,
} from '../../../src/core/protocol/index.ts';
import { getTurnDetection, parseServerEvent } from '../../../src/core/protocol/index.ts';

describe('protocol types', () => {
  it('narrows server events by type', () => {
    type Timeout = ServerEventOf<'input_audio_buffer.timeout_triggered'>;
    expectTypeOf<Timeout['audio_start_ms']>().toEqualTypeOf<number>();
    expectTypeOf<Timeout['audio_end_ms']>().toEqualTypeOf<number>();
    expectTypeOf<Timeout['item_id']>().toEqualTypeOf<string>();
    expectTypeOf<Timeout['event_id']>().toEqualTypeOf<string>();
    expectTypeOf<ServerEventOf<'input_audio_buffer.dtmf_event_received'>['event_id']>().toEqualTypeOf<
      string | undefined
    >();
    expectTypeOf<'response.output_audio.delta'>().toExtend<ServerEventType>();
    expectTypeOf<'response.audio.delta'>().not.toExtend<ServerEventType>();
  });

  it('types the parse result', () => {
    expectTypeOf(parseServerEvent).returns.toEqualTypeOf<ParseServerEventResult>();
    const result = parseServerEvent('{}');
    if (result.ok) expectTypeOf(result.event).toEqualTypeOf<ServerEvent>();
    else expectTypeOf(result.reason).toEqualTypeOf<'malformed_json' | 'unknown_type' | 'invalid'>();
  });

  it('narrows items and content parts', () => {
    const item = {} as ConversationItem;
    if (item.type === 'message') {
      expectTypeOf(item.role).toEqualTypeOf<'user' | 'assistant' | 'system'>();
      expectTypeOf(item.content).toEqualTypeOf<ContentPart[]>();
    }
    if (item.type === 'function_call') expectTypeOf(item.arguments).toEqualTypeOf<string>();
    const part = {} as ContentPart;
    if (part.type === 'input_audio') expectTypeOf(part.transcript).toEqualTypeOf<string | null | undefined>();
  });

  it('types turn detection and client events', () => {
    expectTypeOf(getTurnDetection).returns.toEqualTypeOf<TurnDetection | null | undefined>();
    const td = {} as TurnDetection;
    if (td.type === 'server_vad') expectTypeOf(td.idle_timeout_ms).toEqualTypeOf<number | null | undefined>();
    expectTypeOf<ClientEventOf<'session.update'>['session']>().toEqualTypeOf<SessionConfig>();
    expectTypeOf<{ type: 'input_audio_buffer.clear' }>().toExtend<ClientEvent>();
  });
});

describe('reported session', () => {
  it('has the SessionConfig type, so session state can store it directly', () => {
    expectTypeOf<ServerEventOf<'session.updated'>['session']>().toEqualTypeOf<SessionConfig>();
    expectTypeOf<ServerEventOf<'session.created'>['session']>().toEqualTypeOf<SessionConfig>();
  });
});
