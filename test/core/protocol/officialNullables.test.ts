/**
 * What the official types accept must parse. The official Python types (openai-python,
 * `types/realtime`, generated from the OpenAPI spec) declare every optional field
 * `Optional[...] = None`, so a null there is valid wire data meaning "not set"; the Node types
 * (`openai/resources/realtime/realtime.d.ts`) mark the same fields optional. Each case below
 * takes a spec-shaped fixture and sets one such field to null. Sessions of other official
 * endpoints (translation) and the GA spec's transcription-session events are never errors.
 */
import { describe, expect, it } from 'vitest';
import { parseServerEvent, type ServerEventType } from '../../../src/core/protocol/index.ts';
import { fastCheckFor } from '../../../src/core/protocol/serverEventFastPath.ts';
import { serverEventFixtures } from '../../fixtures/wireEvents.ts';

type Json = Record<string, unknown>;

function withNull(type: ServerEventType, path: (string | number)[]): Json {
  const event = structuredClone(serverEventFixtures[type]) as Json;
  let node: Json = event;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  node[path[path.length - 1]!] = null;
  return event;
}

// [event type, path of the field set to null]: fields the official types mark optional.
const NULLABLE_FIELDS: [ServerEventType, (string | number)[]][] = [
  ['session.updated', ['session', 'model']],
  ['session.updated', ['session', 'instructions']],
  ['session.updated', ['session', 'output_modalities']],
  ['session.updated', ['session', 'tool_choice']],
  ['session.updated', ['session', 'audio', 'output', 'voice']],
  ['session.updated', ['session', 'audio', 'input', 'turn_detection', 'threshold']],
  ['conversation.item.added', ['item', 'status']],
  ['conversation.item.added', ['item', 'object']],
  ['conversation.item.done', ['item', 'content', 0, 'transcript']],
  ['conversation.item.input_audio_transcription.delta', ['delta']],
  ['conversation.item.input_audio_transcription.delta', ['content_index']],
  ['conversation.item.input_audio_transcription.failed', ['error', 'message']],
  ['rate_limits.updated', ['rate_limits', 0, 'name']],
  ['rate_limits.updated', ['rate_limits', 0, 'reset_seconds']],
  ['response.content_part.added', ['part', 'text']],
  ['response.content_part.done', ['part', 'audio']],
  ['response.created', ['response', 'status_details']],
  ['response.created', ['response', 'output']],
  ['response.created', ['response', 'max_output_tokens']],
  ['response.done', ['response', 'usage', 'total_tokens']],
  ['response.output_item.done', ['item', 'status']],
  ['conversation.item.retrieved', ['item', 'id']],
  ['response.function_call_arguments.done', ['name']],
  ['conversation.created', ['conversation', 'object']],
];

describe('null where the official types make a field optional', () => {
  it.each(NULLABLE_FIELDS)('%s with %j null is a valid event', (type, path) => {
    const event = withNull(type, path);
    const result = parseServerEvent(JSON.stringify(event));
    expect(result).toMatchObject({ ok: true });
    // The hand-written fast path, where there is one, agrees.
    const fast = fastCheckFor(type);
    if (fast) expect(fast(event)).toBe(true);
  });

  it('a reported session reads a null optional field as not set, keeping the session readable', () => {
    const result = parseServerEvent(withNull('session.updated', ['session', 'model']));
    expect(result.ok).toBe(true);
    if (result.ok && result.event.type === 'session.updated') {
      expect(result.event.session.model).toBeUndefined();
      expect(result.event.session.id).toBe('sess_CEKKqYh1XGxFUhIVQXKUa');
    }
  });

  // openai-python types/realtime/realtime_function_tool.py: description, name and parameters are
  // Optional[...] = None; mcp tools (realtime_tools_config_union.py) likewise for their options.
  it('a reported session whose tools hold null in their optional fields is valid, read as not set', () => {
    const session = {
      ...(serverEventFixtures['session.updated'].session as Json),
      tools: [
        { type: 'function', name: 'get_weather', description: null, parameters: null },
        { type: 'mcp', server_label: 'docs', server_url: 'https://example.com/mcp', allowed_tools: null, headers: null, require_approval: null, server_description: null },
      ],
    };
    const result = parseServerEvent(JSON.stringify({ ...serverEventFixtures['session.updated'], session }));
    expect(result).toMatchObject({ ok: true });
    if (result.ok && result.event.type === 'session.updated') {
      expect(result.event.session.tools?.[0]).toMatchObject({ type: 'function', name: 'get_weather' });
      expect(result.event.session.tools?.[0]?.description).toBeUndefined();
    }
  });

  it('a null that means "off" stays null (turn detection, idle timeout)', () => {
    const result = parseServerEvent(withNull('session.updated', ['session', 'audio', 'input', 'turn_detection']));
    expect(result.ok).toBe(true);
    if (result.ok && result.event.type === 'session.updated') expect(result.event.session.audio?.input?.turn_detection).toBeNull();
  });

  it('a wrong type is still invalid (null is not a free pass)', () => {
    const event = structuredClone(serverEventFixtures['rate_limits.updated']) as Json;
    (event.rate_limits as Json[])[0]!.name = 42;
    expect(parseServerEvent(event)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('sessions the kit does not model, and transcription sessions', () => {
  // openai SDK realtime.d.ts, RealtimeTranslationSessionCreatedEvent / RealtimeTranslationSession.
  const translationSession = {
    id: 'sess_translation_1',
    type: 'translation',
    model: 'gpt-realtime-translate',
    expires_at: 1763986800,
    audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' }, noise_reduction: null }, output: { language: 'fr' } },
  };

  it.each(['session.created', 'session.updated'])('%s of a translation session passes through as unknown, not invalid', (type) => {
    const result = parseServerEvent(JSON.stringify({ type, event_id: 'event_t1', session: translationSession }));
    expect(result).toMatchObject({ ok: false, reason: 'unknown_type' });
    if (!result.ok) expect(result.message).toContain('"translation"');
  });

  it('a transcription session reported by session.created is typed', () => {
    const session = { ...(serverEventFixtures['session.created'].session as Json), type: 'transcription' };
    expect(parseServerEvent({ ...serverEventFixtures['session.created'], session })).toMatchObject({ ok: true });
  });

  it.each(['transcription_session.created', 'transcription_session.updated'] as const)('%s is a typed event, returned as sent', (type) => {
    const fixture = serverEventFixtures[type];
    const result = parseServerEvent(JSON.stringify(fixture));
    expect(result).toEqual({ ok: true, event: fixture });
  });
});
