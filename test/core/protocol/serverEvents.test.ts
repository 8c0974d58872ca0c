import { describe, expect, it } from 'vitest';
import {
  parseServerEvent,
  SERVER_EVENT_TYPES,
  serverEventSchema,
  serverEventSchemaFor,
  type ServerEventType,
} from '../../../src/core/protocol/index.ts';
import { serverEventFixtures, timeoutTriggeredSpecExample } from '../../fixtures/wireEvents.ts';

const fixtureEntries = Object.entries(serverEventFixtures) as [ServerEventType, Record<string, unknown>][];

describe('server event schemas', () => {
  it('has one schema per GA event type in PROTOCOL.md, and a fixture for each', () => {
    expect(new Set(SERVER_EVENT_TYPES).size).toBe(SERVER_EVENT_TYPES.length);
    expect([...SERVER_EVENT_TYPES].sort()).toEqual(Object.keys(serverEventFixtures).sort());
    for (const type of [
      'input_audio_buffer.timeout_triggered',
      'input_audio_buffer.dtmf_event_received',
      'conversation.item.input_audio_transcription.segment',
      'response.mcp_call_arguments.delta',
      'mcp_list_tools.failed',
      'rate_limits.updated',
      'error',
      'output_audio_buffer.cleared',
    ]) {
      expect(SERVER_EVENT_TYPES).toContain(type);
    }
    // Beta names are never members: they are normalized before validation.
    expect(SERVER_EVENT_TYPES).not.toContain('response.audio.delta');
    expect(SERVER_EVENT_TYPES).not.toContain('conversation.item.created');
  });

  it.each(fixtureEntries)('parses %s from its spec-shaped fixture, through the union and parseServerEvent', (type, fixture) => {
    const viaUnion = serverEventSchema.safeParse(fixture);
    expect(viaUnion.success, viaUnion.error?.message).toBe(true);
    const result = parseServerEvent(JSON.stringify(fixture));
    expect(result).toEqual({ ok: true, event: fixture });
    if (result.ok) expect(result.event.type).toBe(type);
  });

  it('reads the spec example of input_audio_buffer.timeout_triggered', () => {
    const result = parseServerEvent(JSON.stringify(timeoutTriggeredSpecExample));
    expect(result.ok).toBe(true);
    if (!result.ok || result.event.type !== 'input_audio_buffer.timeout_triggered') throw new Error('not parsed');
    expect(result.event.audio_start_ms).toBe(13216);
    expect(result.event.audio_end_ms).toBe(19232);
    expect(result.event.item_id).toBe('item_CEKKrWH0GiwN0ET97NUZc');
    expect(result.event.event_id).toBe('event_CEKKrf1KTGvemCPyiJTJ2');
  });

  it.each(['event_id', 'audio_start_ms', 'audio_end_ms', 'item_id'] as const)(
    'requires %s on input_audio_buffer.timeout_triggered',
    (field) => {
      const { [field]: _omitted, ...rest } = timeoutTriggeredSpecExample;
      const result = parseServerEvent(rest);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('invalid');
        expect(result.message).toContain(`input_audio_buffer.timeout_triggered: ${field}:`);
      }
    },
  );

  it('rejects non-integer milliseconds on the timeout event', () => {
    const result = parseServerEvent({ ...timeoutTriggeredSpecExample, audio_end_ms: 19232.5 });
    expect(result.ok).toBe(false);
  });

  it('requires event_id on every event except dtmf', () => {
    for (const [type, fixture] of fixtureEntries) {
      const { event_id: _omitted, ...rest } = fixture;
      const result = parseServerEvent(rest);
      expect(result.ok, type).toBe(type === 'input_audio_buffer.dtmf_event_received');
    }
  });

  it('types the fields the kit reads', () => {
    const done = parseServerEvent(serverEventFixtures['response.done']);
    if (!done.ok || done.event.type !== 'response.done') throw new Error('not parsed');
    expect(done.event.response.status).toBe('cancelled');
    expect(done.event.response.status_details?.reason).toBe('turn_detected');
    const item = done.event.response.output?.[0];
    expect(item?.type === 'message' && item.status).toBe('incomplete');

    const added = parseServerEvent(serverEventFixtures['conversation.item.added']);
    if (!added.ok || added.event.type !== 'conversation.item.added') throw new Error('not parsed');
    const userItem = added.event.item;
    if (userItem.type !== 'message') throw new Error('expected a message');
    expect(userItem.role).toBe('user');
    expect(userItem.content[0]).toEqual({ type: 'input_audio', transcript: null });
  });

  it('looks up one member schema per type', () => {
    expect(serverEventSchemaFor('response.output_audio.delta')?.shape.type.def.values).toEqual(['response.output_audio.delta']);
    expect(serverEventSchemaFor('response.audio.delta')).toBeUndefined();
    expect(serverEventSchemaFor('__proto__')).toBeUndefined();
  });
});
