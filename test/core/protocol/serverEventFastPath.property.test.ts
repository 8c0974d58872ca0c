/**
 * The fast path of `parseServerEvent` (serverEventFastPath.ts, fastItemChecks.ts) must agree
 * with zod: for every fast-pathed type, random mutations of a valid event (fields removed,
 * replaced by values of the wrong type, null, extra fields, at any depth) are accepted by the
 * hand-written check exactly when the zod schema accepts them (but for the rare shapes the item
 * checks leave to zod), and zod's output then equals the object the fast path returns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServerEvent, type ServerEventType } from '../../../src/core/protocol/index.ts';
import { FAST_PATH_TYPES, fastCheckFor } from '../../../src/core/protocol/serverEventFastPath.ts';
import { serverEventSchemaFor } from '../../../src/core/protocol/serverEvents.ts';
import { betaServerEventFixtures, fixtureItems, serverEventFixtures } from '../../fixtures/wireEvents.ts';

type Json = Record<string, unknown>;

/** More valid starting points than one fixture per type: every item and content part kind. */
function examplesOf(type: ServerEventType): Json[] {
  const fixture = serverEventFixtures[type] as Json;
  const examples = [fixture];
  const items = [
    ...Object.values(fixtureItems),
    { id: 'item_out', type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}', status: 'completed' },
    {
      id: 'item_text',
      type: 'message',
      role: 'system',
      object: 'realtime.item',
      content: [
        { type: 'input_text', text: 'Hi' },
        { type: 'output_text', text: 'Hello' },
        { type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'auto' },
        { type: 'output_audio', transcript: null, audio: 'AAAA' },
      ],
    },
    // Null in every field the official types mark optional (openai-python: Optional[...] = None).
    {
      id: 'item_nulls',
      type: 'message',
      role: 'assistant',
      object: null,
      status: null,
      content: [
        { type: 'output_text', text: null },
        { type: 'output_audio', transcript: null, audio: null },
        { type: 'input_image', image_url: null, detail: null },
      ],
    },
    { id: null, type: 'function_call', object: null, status: null, call_id: null, name: 'f', arguments: '{}' },
  ];
  if ('item' in fixture) for (const item of items) examples.push({ ...fixture, item });
  if ('response' in fixture) {
    examples.push({
      ...fixture,
      response: {
        ...(fixture.response as Json),
        output: items,
        status: 'failed',
        status_details: { type: 'failed', error: { type: 'server_error', code: null, message: 'boom' } },
        max_output_tokens: 4096,
      },
    });
  }
  if ('response' in fixture) {
    examples.push({
      ...fixture,
      response: {
        id: null,
        object: null,
        status: null,
        status_details: { type: null, reason: null, error: { type: null, code: null, message: null } },
        output: null,
        usage: { total_tokens: null, input_tokens: null, output_tokens: null, input_token_details: null, output_token_details: null },
        conversation_id: null,
        output_modalities: null,
        max_output_tokens: null,
        metadata: null,
      },
    });
  }
  if ('part' in fixture) examples.push({ ...fixture, part: { type: null, text: null, transcript: null, audio: null } });
  if (type === 'conversation.item.input_audio_transcription.delta') examples.push({ ...fixture, content_index: null, delta: null });
  if (type === 'response.function_call_arguments.done') examples.push({ ...fixture, name: null });
  if (type === 'rate_limits.updated') {
    examples.push({ ...fixture, rate_limits: [] });
    examples.push({ ...fixture, rate_limits: [{ name: null, limit: null, remaining: null, reset_seconds: null }] });
  }
  return examples;
}

/** Values of every JSON type, the enum members the schemas know, and values JSON cannot carry. */
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, true, false, 0, -0, 1, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY,
    '', 'x', 'inf', 'user', 'assistant', 'system', 'in_progress', 'completed', 'incomplete', 'cancelled', 'failed',
    'message', 'function_call', 'function_call_output', 'mcp_call', 'item_reference',
    'input_text', 'input_audio', 'input_image', 'output_text', 'output_audio',
    [], ['audio'], [1], [null], {}, { type: 'output_text', text: 'Hi' }, { type: 'input_audio', transcript: null },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const fieldName = fc.oneof(
  fc.constantFrom('id', 'type', 'text', 'transcript', 'audio', 'status', 'role', 'content', 'delta', 'usage', 'extra'),
  fc.string({ maxLength: 8 }).filter((key) => key !== '__proto__'),
);

/** Every place in `value` (path from the root) that holds an object or array, and every leaf. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((element, i) => pathsOf(element, [...path, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, element] of Object.entries(value)) pathsOf(element, [...path, key], out);
  }
  return out;
}

interface Mutation {
  at: number;
  kind: 'remove' | 'replace' | 'add';
  key: string;
  value: unknown;
}

const mutation = fc.record<Mutation>({
  at: fc.nat(),
  kind: fc.constantFrom('remove', 'replace', 'add'),
  key: fieldName,
  value: anyValue,
});

function mutate(event: Json, mutations: readonly Mutation[]): Json {
  const copy = structuredClone(event);
  for (const mutation of mutations) {
    // A fresh copy of the value too: the pool's objects are shared between runs.
    const m = { ...mutation, value: structuredClone(mutation.value) };
    // The top-level `type` picks the route (and so the check): it is never the check's to judge.
    const paths = pathsOf(copy).filter((path) => !(path.length === 1 && path[0] === 'type'));
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      if (m.kind === 'add' && m.key !== 'type') copy[m.key] = m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Json)[key], copy) as Json | unknown[];
    const key = path[path.length - 1]!;
    if (m.kind === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
    } else if (m.kind === 'replace') {
      (parent as Json)[key] = m.value;
    } else {
      const target = (parent as Json)[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Json)[m.key] = m.value;
      else if (Array.isArray(target)) target.push(m.value);
    }
  }
  return copy;
}

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const FAST_ITEM_TYPES: unknown[] = ['message', 'function_call', 'function_call_output'];

/**
 * What the item checks leave to zod by design (rare on the wire): item kinds other than
 * messages and function calls, and a response's `metadata` object. There the check must say
 * no, whatever zod says.
 */
function leftToZod(event: Json): boolean {
  const isOtherItem = (item: unknown) => isRecord(item) && !FAST_ITEM_TYPES.includes(item.type);
  if ('item' in event && isOtherItem(event.item)) return true;
  const response = event.response;
  if (!isRecord(response)) return false;
  if (response.metadata !== undefined && response.metadata !== null) return true;
  return Array.isArray(response.output) && response.output.some(isOtherItem);
}

describe('the fast path of parseServerEvent', () => {
  it('covers the busiest event types, each with a check and a zod schema', () => {
    expect(FAST_PATH_TYPES).toEqual(
      expect.arrayContaining([
        'response.output_audio.delta',
        'response.output_audio_transcript.delta',
        'response.output_text.delta',
        'response.function_call_arguments.delta',
        'conversation.item.input_audio_transcription.delta',
      ]),
    );
    for (const type of FAST_PATH_TYPES) expect(serverEventSchemaFor(type)).toBeDefined();
  });

  it.each(FAST_PATH_TYPES)('accepts every valid example of %s and returns the object itself', (type) => {
    const check = fastCheckFor(type)!;
    for (const example of examplesOf(type)) {
      expect(check(example)).toBe(true);
      const result = parseServerEvent(example);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.event).toBe(example);
      expect(parseServerEvent(JSON.stringify(example))).toEqual({ ok: true, event: example });
    }
  });

  it.each(FAST_PATH_TYPES)('agrees with zod on mutations of %s', (type) => {
    const check = fastCheckFor(type)!;
    const schema = serverEventSchemaFor(type)!;
    fc.assert(
      fc.property(fc.constantFrom(...examplesOf(type)), fc.array(mutation, { minLength: 1, maxLength: 3 }), (example, mutations) => {
        const event = mutate(example, mutations);
        const zod = schema.safeParse(event);
        expect(check(event)).toBe(zod.success && !leftToZod(event));
        if (zod.success) expect(event).toEqual(zod.data);
        // And through the public entry: the same verdict, with zod's message when invalid.
        const result = parseServerEvent(event);
        expect(result.ok).toBe(zod.success);
        if (!result.ok) expect(result.message).toMatch(new RegExp(`^${type.replace(/\./g, '\\.')}: `));
      }),
      { numRuns: 400 },
    );
  });

  it('still returns zod\'s precise message for an invalid event of a fast-pathed type', () => {
    const { item_id: _omitted, ...rest } = serverEventFixtures['response.output_audio.delta'];
    const result = parseServerEvent(JSON.stringify(rest));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (!result.ok) expect(result.message).toBe('response.output_audio.delta: item_id: Invalid input: expected string, received undefined');
  });

  it('validates objects that are not plain (class instances) with zod, which copies them', () => {
    class Delta {
      constructor(readonly fields: Json) {
        Object.assign(this, fields);
      }
    }
    const plain = serverEventFixtures['response.output_audio.delta'] as Json;
    const instance = new Delta(plain);
    const result = parseServerEvent(instance);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.event).not.toBe(instance);
      expect(Object.getPrototypeOf(result.event)).toBe(Object.prototype);
    }
  });

  it('takes beta names through the fast path after renaming', () => {
    for (const { event, gaType } of Object.values(betaServerEventFixtures)) {
      if (!FAST_PATH_TYPES.includes(gaType as ServerEventType)) continue;
      const result = parseServerEvent(JSON.stringify(event));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.event.type).toBe(gaType);
    }
  });
});
