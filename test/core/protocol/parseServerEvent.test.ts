import { describe, expect, it } from 'vitest';
import { BETA_SERVER_EVENT_ALIASES, isServerEventType, parseServerEvent } from '../../../src/core/protocol/index.ts';
import {
  betaResponseDone,
  betaServerEventFixtures,
  betaSessionCreated,
  fixtureItems,
  serverEventFixtures,
} from '../../fixtures/wireEvents.ts';

describe('parseServerEvent', () => {
  it('accepts JSON text and already parsed objects alike', () => {
    const fixture = serverEventFixtures['input_audio_buffer.speech_started'];
    expect(parseServerEvent(JSON.stringify(fixture))).toEqual({ ok: true, event: fixture });
    expect(parseServerEvent(fixture)).toEqual({ ok: true, event: fixture });
  });

  it('reads text frames delivered as bytes (Node WebSocket libraries do that)', () => {
    const fixture = serverEventFixtures['input_audio_buffer.timeout_triggered'];
    const bytes = new TextEncoder().encode(JSON.stringify(fixture));
    expect(parseServerEvent(bytes)).toEqual({ ok: true, event: fixture });
    expect(parseServerEvent(bytes.buffer)).toEqual({ ok: true, event: fixture });
    expect(parseServerEvent(Buffer.from(JSON.stringify(fixture)))).toEqual({ ok: true, event: fixture });
    const broken = parseServerEvent(new TextEncoder().encode('{"type":'));
    expect(!broken.ok && broken.reason).toBe('malformed_json');
  });

  it('keeps fields that servers add later, at the top and nested', () => {
    const result = parseServerEvent({
      ...serverEventFixtures['response.output_item.done'],
      obfuscation: 'x7Q',
      item: { ...fixtureItems.assistantItemDone, future_field: { a: 1 } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toHaveProperty('obfuscation', 'x7Q');
    expect(result.event).toHaveProperty(['item', 'future_field'], { a: 1 });
  });

  it('does not change the object it was given', () => {
    const input = structuredClone(betaServerEventFixtures['conversation.item.created']!.event);
    const before = structuredClone(input);
    parseServerEvent(input);
    expect(input).toEqual(before);
  });

  describe('beta names', () => {
    it('covers every alias with a fixture', () => {
      expect(Object.keys(betaServerEventFixtures).sort()).toEqual(Object.keys(BETA_SERVER_EVENT_ALIASES).sort());
    });

    it.each(Object.entries(betaServerEventFixtures))('normalizes %s to its GA name', (betaType, { gaType, event }) => {
      expect(BETA_SERVER_EVENT_ALIASES[betaType]).toBe(gaType);
      const result = parseServerEvent(JSON.stringify(event));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.event.type).toBe(gaType);
      const { type: _beta, ...fields } = event;
      expect(result.event).toMatchObject(fields.item ? { event_id: fields.event_id } : fields);
    });

    it('rewrites beta content part types of assistant items', () => {
      const result = parseServerEvent(betaServerEventFixtures['conversation.item.created']!.event);
      if (!result.ok || result.event.type !== 'conversation.item.added') throw new Error('not parsed');
      const item = result.event.item;
      if (item.type !== 'message') throw new Error('expected a message');
      expect(item.content).toEqual([
        { type: 'output_audio', transcript: 'Hello there.' },
        { type: 'output_text', text: 'Hello there.' },
      ]);
    });

    it('rewrites beta items inside response.output and output_item events', () => {
      const done = parseServerEvent(betaResponseDone);
      if (!done.ok || done.event.type !== 'response.done') throw new Error(done.ok ? 'wrong type' : done.message);
      const output = done.event.response.output?.[0];
      expect(output?.type === 'message' && output.content[0]?.type).toBe('output_audio');

      const itemDone = parseServerEvent({
        type: 'response.output_item.done',
        event_id: 'event_beta_8',
        response_id: 'resp_beta_1',
        output_index: 0,
        item: betaResponseDone.response.output[0],
      });
      if (!itemDone.ok || itemDone.event.type !== 'response.output_item.done') throw new Error('not parsed');
      expect(itemDone.event.item.type === 'message' && itemDone.event.item.content[0]?.type).toBe('output_audio');
    });

    it('leaves user items alone: input_text/input_audio are the same in beta and GA', () => {
      const result = parseServerEvent({
        type: 'conversation.item.created',
        event_id: 'event_beta_9',
        item: { id: 'u1', type: 'message', role: 'user', content: [{ type: 'input_audio', transcript: null }] },
      });
      if (!result.ok || result.event.type !== 'conversation.item.added') throw new Error('not parsed');
      expect(result.event.item).toEqual({
        id: 'u1',
        type: 'message',
        role: 'user',
        content: [{ type: 'input_audio', transcript: null }],
      });
    });

    it('moves a beta session to the GA shape', () => {
      const result = parseServerEvent(JSON.stringify(betaSessionCreated));
      if (!result.ok || result.event.type !== 'session.created') throw new Error(result.ok ? 'wrong type' : result.message);
      const session = result.event.session;
      expect(session.output_modalities).toEqual(['text', 'audio']);
      expect(session.max_output_tokens).toBe('inf');
      expect(session.audio?.input?.turn_detection).toEqual(betaSessionCreated.session.turn_detection);
      expect(session.audio?.input?.format).toEqual({ type: 'audio/pcm', rate: 24000 });
      expect(session.audio?.input?.transcription).toEqual({ model: 'whisper-1' });
      expect(session.audio?.output).toEqual({ voice: 'alloy', format: { type: 'audio/pcmu' } });
      expect(session).not.toHaveProperty('turn_detection');
      expect(session).not.toHaveProperty('voice');
      expect(session).toHaveProperty('temperature', 0.8);
    });

    it('reports the GA name in messages for an invalid beta event, and keeps the raw beta event', () => {
      const { item_id: _omitted, ...rest } = betaServerEventFixtures['response.audio.delta']!.event;
      const result = parseServerEvent(rest);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toBe('invalid');
      expect(result.message).toMatch(/^response\.output_audio\.delta: item_id: .*expected string/);
      expect(result.raw).toBe(rest);
    });
  });

  describe('failures', () => {
    it('passes unknown types through as unknown_type with the raw object', () => {
      const raw = JSON.stringify({ type: 'response.reasoning.delta', event_id: 'e1', delta: 'hmm' });
      const result = parseServerEvent(raw);
      expect(result).toEqual({
        ok: false,
        reason: 'unknown_type',
        raw: { type: 'response.reasoning.delta', event_id: 'e1', delta: 'hmm' },
        message: expect.stringContaining('response.reasoning.delta'),
      });
    });

    it('passes a known event carrying an item of an unknown type through as unknown_type', () => {
      const input = {
        type: 'conversation.item.added',
        event_id: 'e1',
        previous_item_id: null,
        item: { id: 'item_1', type: 'reasoning', summary: [] },
      };
      const result = parseServerEvent(JSON.stringify(input));
      expect(result).toEqual({
        ok: false,
        reason: 'unknown_type',
        raw: input,
        message: 'conversation.item.added: unknown item.type "reasoning"; passed through as a raw server event',
      });
    });

    it('passes a message with a content part of an unknown type through as unknown_type', () => {
      const item = { id: 'item_1', type: 'message', role: 'assistant', content: [{ type: 'output_video' }] };
      const result = parseServerEvent({ type: 'response.output_item.done', event_id: 'e1', response_id: 'r1', output_index: 0, item });
      expect(!result.ok && result.reason).toBe('unknown_type');
      expect(!result.ok && result.message).toContain('item.content[0].type "output_video"');
    });

    it('keeps an item with a missing type, or a known item with wrong fields, invalid', () => {
      const missingType = parseServerEvent({ type: 'conversation.item.added', event_id: 'e1', item: { id: 'item_1' } });
      expect(!missingType.ok && missingType.reason).toBe('invalid');
      const noContent = parseServerEvent({
        type: 'conversation.item.added',
        event_id: 'e1',
        item: { id: 'item_1', type: 'reasoning_v2', role: 'x' },
        previous_item_id: 5,
      });
      // An unknown item type next to another fault (previous_item_id is not a string) is invalid.
      expect(!noContent.ok && noContent.reason).toBe('invalid');
    });

    it('keeps the very object it was given as raw', () => {
      const input = { type: 'something.new' };
      const result = parseServerEvent(input);
      expect(!result.ok && result.raw).toBe(input);
    });

    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treats the type %s as unknown', (type) => {
      const result = parseServerEvent(`{"type":${JSON.stringify(type)}}`);
      expect(!result.ok && result.reason).toBe('unknown_type');
      expect(isServerEventType(type)).toBe(false);
      expect(BETA_SERVER_EVENT_ALIASES[type]).toBeUndefined();
    });

    it.each(['', '{', 'not json', '{"type":"error",}', '\u0000'])('reports malformed JSON for %j', (text) => {
      const result = parseServerEvent(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toBe('malformed_json');
      expect(result.raw).toBe(text);
      expect(result.message).toMatch(/^malformed JSON/);
    });

    it('explains an invalid known event with the path and the problem', () => {
      const { item_id: _omitted, ...rest } = serverEventFixtures['response.output_audio.delta'];
      const result = parseServerEvent(JSON.stringify(rest));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toBe('invalid');
      expect(result.message).toMatch(/^response\.output_audio\.delta: item_id: .*expected string/);
      expect(result.raw).toEqual(rest);
    });

    it('names nested paths', () => {
      const result = parseServerEvent({
        ...serverEventFixtures['conversation.item.added'],
        item: { type: 'message', role: 'user', content: [{ type: 'input_audio', transcript: 42 }] },
      });
      expect(!result.ok && result.message).toMatch(/^conversation\.item\.added: item\.content\[0\]\.transcript: /);
    });

    it.each([
      ['null', null],
      ['a number', 42],
      ['a boolean', true],
      ['an array', [1, 2]],
      ['an object without type', { event_id: 'e' }],
      ['a numeric type', { type: 7 }],
      ['JSON null', 'null'],
      ['a JSON number', '12'],
      ['a JSON string', '"response.done"'],
      ['a JSON array', '[{"type":"error"}]'],
    ])('returns invalid, never throws, for %s', (_label, input) => {
      const result = parseServerEvent(input as string | object);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toBe('invalid');
    });

    it('survives cyclic objects, throwing getters and hostile proxies', () => {
      const cyclic: Record<string, unknown> = { ...serverEventFixtures['input_audio_buffer.cleared'] };
      cyclic.self = cyclic;
      expect(parseServerEvent(cyclic).ok).toBe(true);

      const cyclicItem: Record<string, unknown> = { ...fixtureItems.silentUserItem };
      cyclicItem.parent = cyclicItem;
      expect(parseServerEvent({ ...serverEventFixtures['conversation.item.added'], item: cyclicItem }).ok).toBe(true);

      const throwingGetter = {
        type: 'input_audio_buffer.speech_started',
        event_id: 'e',
        audio_start_ms: 0,
        get item_id(): string {
          throw new Error('boom');
        },
      };
      const getterResult = parseServerEvent(throwingGetter);
      expect(getterResult.ok).toBe(false);
      expect(!getterResult.ok && getterResult.message).toContain('boom');

      const throwingType = Object.defineProperty({}, 'type', {
        get() {
          throw new Error('no type for you');
        },
      });
      expect(parseServerEvent(throwingType).ok).toBe(false);

      const proxy = new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          ownKeys() {
            throw new Error('trap');
          },
        },
      );
      expect(parseServerEvent(proxy).ok).toBe(false);

      const throwsNonError = Object.defineProperty({}, 'type', {
        get() {
          throw Object.create(null);
        },
      });
      expect(parseServerEvent(throwsNonError).ok).toBe(false);
    });

    it('handles deeply nested JSON without throwing', () => {
      const deep = '['.repeat(100000) + ']'.repeat(100000);
      expect(() => parseServerEvent(deep)).not.toThrow();
    });
  });
});
