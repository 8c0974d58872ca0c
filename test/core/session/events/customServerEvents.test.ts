import { describe as group, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import * as zc from 'zod';
import { defineServerEvents } from '../../../../src/core/session/index.ts';
import { BETA_SERVER_EVENT_ALIASES } from '../../../../src/core/protocol/betaAliases.ts';
import { RealtimeConfigError } from '../../../../src/core/protocol/errors.ts';
import { SERVER_EVENT_TYPES } from '../../../../src/core/protocol/serverEvents.ts';
import type { BetaServerEventType } from '../../../../src/core/session/index.ts';
import { assistantItem, setup, userAudioItem, wire } from '../helpers.ts';

// A server event the kit does not know: the kind of event the seed's SDK could not type.
const SUMMARY = 'conversation.item.summary_ready';
const summarySchema = z.object({ event_id: z.string(), item_id: z.string(), summary: z.string() });
const serverEvents = defineServerEvents({ [SUMMARY]: summarySchema } as { [SUMMARY]: typeof summarySchema });

async function connected() {
  const h = setup({ serverEvents });
  await h.session.connect();
  h.emit(wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('u1', 'completed', 'Hi') }));
  h.take();
  return h;
}

group('custom server events', () => {
  it('a registered type arrives validated as its own session event, after its raw server_event', async () => {
    const h = await connected();
    const seen: unknown[] = [];
    h.session.on(SUMMARY as never, (event: unknown) => seen.push(event));
    const before = h.session.getState();
    h.emit(wire(SUMMARY, { item_id: 'u1', summary: 'The user said hi.', extra: 1 }));
    expect(h.take({ raw: true })).toEqual([`server_event:${SUMMARY}`, SUMMARY]);
    expect(seen).toEqual([{ type: SUMMARY, event_id: expect.any(String), item_id: 'u1', summary: 'The user said hi.' }]);
    // The raw pass-through keeps every field and says the kit itself does not know the type.
    expect(h.events.at(-2)).toMatchObject({ type: 'server_event', known: false, event: { type: SUMMARY, extra: 1 } });
    expect(h.session.getState()).toBe(before);
  });

  it("'*' subscribers see it; an unsubscribed handler does not", async () => {
    const h = await connected();
    const handler = vi.fn();
    const off = h.session.on(SUMMARY as never, handler);
    h.emit(wire(SUMMARY, { item_id: 'u1', summary: 'one' }));
    off();
    h.emit(wire(SUMMARY, { item_id: 'u1', summary: 'two' }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(h.take()).toEqual([SUMMARY, SUMMARY]); // the harness listens with '*'
  });

  it('the schema may leave `type` out or transform fields: `type` is still the wire type', async () => {
    const h = setup({
      serverEvents: defineServerEvents({
        'response.citation.added': zc.object({ url: zc.string().transform((url) => new URL(url)) }),
      }),
    });
    await h.session.connect();
    h.take();
    h.emit(wire('response.citation.added', { url: 'https://example.com/a' }));
    const event = h.events.find((e) => (e.type as string) === 'response.citation.added') as unknown as { type: string; url: URL };
    expect(event.type).toBe('response.citation.added');
    expect(event.url).toBeInstanceOf(URL);
    expect(event.url.pathname).toBe('/a');
  });

  it('an invalid payload is a protocol error naming the type and the failing fields; nothing else changes', async () => {
    const h = await connected();
    const handler = vi.fn();
    h.session.on(SUMMARY as never, handler);
    const before = h.session.getState();
    expect(() => h.emit(wire(SUMMARY, { item_id: 7 }))).not.toThrow();
    expect(h.take({ raw: true })).toEqual([`server_event:${SUMMARY}`, 'error:protocol:invalid_custom_server_event']);
    const error = h.events.at(-1) as { error: { message: string; cause: unknown } };
    expect(error.error.message).toMatch(new RegExp(`^${SUMMARY.replaceAll('.', '\\.')}: `));
    expect(error.error.message).toContain('item_id');
    expect(error.error.message).toContain('summary');
    expect(error.error.cause).toMatchObject({ type: SUMMARY, item_id: 7 });
    expect(handler).not.toHaveBeenCalled();
    expect(h.session.getState()).toBe(before);
    // The session goes on as before.
    h.emit(wire(SUMMARY, { item_id: 'u1', summary: 'ok' }));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('a schema that throws is reported as that type being invalid, not as a crash', async () => {
    const h = setup({
      serverEvents: defineServerEvents({
        'x.boom': z.object({}).check(() => {
          throw new Error('kaboom');
        }),
      }),
    });
    await h.session.connect();
    h.take();
    h.emit(wire('x.boom'));
    expect(h.take()).toEqual(['error:protocol:invalid_custom_server_event']);
    expect(h.events.at(-1)).toMatchObject({ error: { message: 'x.boom: its schema threw: kaboom' } });
  });

  it('unknown types that are not registered, malformed JSON and known events behave as before', async () => {
    const h = await connected();
    h.emit(wire('conversation.item.other_new_event', { item_id: 'u1' }));
    expect(h.take({ raw: true })).toEqual(['server_event:conversation.item.other_new_event']);
    h.emit(`{"type": "${SUMMARY}", `);
    expect(h.take({ raw: true })).toEqual(['error:protocol:malformed_json']);
    // A known event with an item of an unknown type stays a raw pass-through, never a custom event.
    h.emit(wire('conversation.item.added', { previous_item_id: 'u1', item: { id: 'x1', type: 'reasoning' } }));
    expect(h.take({ raw: true })).toEqual(['server_event:conversation.item.added']);
    h.emit(wire('conversation.item.added', { previous_item_id: 'u1', item: assistantItem('a1') }));
    expect(h.take()).toEqual(['history_added:a1:message:in_progress']);
    expect(h.session.getState().transcript.items.map((item) => item.id)).toEqual(['u1', 'a1']);
  });

  it('a registered type with no listener costs nothing observable', async () => {
    const h = setup({ serverEvents });
    await h.session.connect();
    expect(() => h.emit(wire(SUMMARY, { item_id: 'u1', summary: 's' }))).not.toThrow();
  });
});

group('the guard: the kit’s own events cannot be redefined', () => {
  const schema = z.object({});
  const refused = (type: string) => () => defineServerEvents({ [type]: schema } as never);

  it.each([...SERVER_EVENT_TYPES])('refuses the server event %s', (type) => {
    expect(refused(type)).toThrow(RealtimeConfigError);
  });

  it.each(Object.keys(BETA_SERVER_EVENT_ALIASES))('refuses the beta alias %s', (type) => {
    expect(refused(type)).toThrow(RealtimeConfigError);
  });

  it('refuses session event names and anything without a dot, with a clear message', () => {
    for (const type of ['speech_started', 'server_event', 'error', 'tool_call', '*', 'summary']) {
      expect(refused(type)).toThrow(RealtimeConfigError);
    }
    expect(refused('input_audio_buffer.timeout_triggered')).toThrow(
      'serverEvents["input_audio_buffer.timeout_triggered"]: is an event the kit already knows: it cannot be redefined',
    );
    expect(refused('speech_started')).toThrow('serverEvents["speech_started"]: is not a wire event type');
  });

  it('refuses a value that is not a zod schema', () => {
    expect(() => defineServerEvents({ 'x.y': { parse: () => ({}) } } as never)).toThrow('serverEvents["x.y"]: must be a zod 4 schema');
  });

  it('the type-level list of beta names matches the runtime one', () => {
    const names: Record<BetaServerEventType, true> = {
      'response.audio.delta': true,
      'response.audio.done': true,
      'response.audio_transcript.delta': true,
      'response.audio_transcript.done': true,
      'response.text.delta': true,
      'response.text.done': true,
      'conversation.item.created': true,
    };
    expect(Object.keys(names).sort()).toEqual(Object.keys(BETA_SERVER_EVENT_ALIASES).sort());
  });
});
