import { describe, expect, it } from 'vitest';
import {
  CLIENT_EVENT_TYPES,
  clientEventSchema,
  MAX_APPEND_AUDIO_BASE64_CHARS,
  parseClientEvent,
  type ClientEventType,
} from '../../../src/core/protocol/index.ts';
import { clientEventFixtures } from '../../fixtures/wireEvents.ts';

const entries = Object.entries(clientEventFixtures) as [ClientEventType, Record<string, unknown>][];

describe('client events', () => {
  it('has one schema per client event in PROTOCOL.md', () => {
    expect([...CLIENT_EVENT_TYPES].sort()).toEqual(
      [
        'session.update',
        'input_audio_buffer.append',
        'input_audio_buffer.commit',
        'input_audio_buffer.clear',
        'conversation.item.create',
        'conversation.item.retrieve',
        'conversation.item.truncate',
        'conversation.item.delete',
        'response.create',
        'response.cancel',
        'output_audio_buffer.clear',
      ].sort(),
    );
  });

  it.each(entries)('accepts a valid %s, as an object and as JSON text', (_type, fixture) => {
    expect(clientEventSchema.safeParse(fixture).success).toBe(true);
    expect(parseClientEvent(fixture)).toEqual({ ok: true, event: fixture });
    expect(parseClientEvent(JSON.stringify(fixture))).toEqual({ ok: true, event: fixture });
  });

  it.each(entries)('accepts %s with or without event_id', (_type, fixture) => {
    const { event_id: _omitted, ...withoutId } = fixture;
    expect(parseClientEvent(withoutId).ok).toBe(true);
    expect(parseClientEvent({ ...withoutId, event_id: 'evt_custom' }).ok).toBe(true);
    expect(parseClientEvent({ ...withoutId, event_id: 7 }).ok).toBe(false);
  });

  it.each([
    [{ type: 'conversation.item.truncate', item_id: 'i', content_index: 0, audio_end_ms: -5 }, 'audio_end_ms'],
    [{ type: 'conversation.item.truncate', item_id: 'i', content_index: 0 }, 'audio_end_ms'],
    [{ type: 'conversation.item.retrieve' }, 'item_id'],
    [{ type: 'conversation.item.delete', item_id: 3 }, 'item_id'],
    [{ type: 'input_audio_buffer.append' }, 'audio'],
    [{ type: 'conversation.item.create', item: { type: 'message', role: 'robot', content: [] } }, 'item.role'],
    [{ type: 'response.create', response: { output_modalities: ['smell'] } }, 'response.output_modalities[0]'],
    [
      { type: 'session.update', session: { audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 3000 } } } } },
      'session.audio.input.turn_detection.idle_timeout_ms',
    ],
    [
      { type: 'session.update', session: { audio: { input: { turn_detection: { type: 'semantic_vad', idle_timeout_ms: 9000 } } } } },
      'session.audio.input.turn_detection.idle_timeout_ms',
    ],
  ])('rejects %j, naming %s', (event, path) => {
    const result = parseClientEvent(event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(`${event.type}: ${path}: `);
    expect(result.raw).toBe(event);
  });

  it('says why an idle timeout in session.update is wrong', () => {
    const result = parseClientEvent({
      type: 'session.update',
      session: { audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 3000 } } } },
    });
    expect(!result.ok && result.message).toContain('between 5000 and 30000 ms, or null to turn it off; got 3000');
  });

  it('caps append at 15 MiB of audio', () => {
    expect(MAX_APPEND_AUDIO_BASE64_CHARS).toBe(20971520);
    const atLimit = 'A'.repeat(MAX_APPEND_AUDIO_BASE64_CHARS);
    expect(parseClientEvent({ type: 'input_audio_buffer.append', audio: atLimit }).ok).toBe(true);
    const over = parseClientEvent({ type: 'input_audio_buffer.append', audio: `${atLimit}AAAA` });
    expect(!over.ok && over.message).toMatch(/15 MiB/);
  });

  it.each([
    ['unknown type', { type: 'response.explode' }, /unknown client event type "response.explode"/],
    ['server event type', { type: 'response.done', event_id: 'e' }, /unknown client event type/],
    ['missing type', {}, /type/],
    ['null', null, /JSON object/],
    ['number', 3, /JSON object/],
    ['array', [], /JSON object/],
    ['malformed JSON', '{"type":', /malformed JSON/],
  ])('rejects %s without throwing', (_label, input, message) => {
    const result = parseClientEvent(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('never throws for hostile objects', () => {
    const hostile = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('boom');
      },
    });
    const result = parseClientEvent(hostile);
    expect(!result.ok && result.message).toContain('boom');
  });
});
