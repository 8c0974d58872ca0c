import { describe as group, expect, it } from 'vitest';
import { createEmitter } from '../../../../src/core/session/events/createEmitter.ts';
import { assistantItem, response, setup, userAudioItem, wire } from '../helpers.ts';

group('bad wire data', () => {
  it('malformed JSON becomes a protocol error event; nothing throws into the transport', async () => {
    const h = setup();
    await h.session.connect();
    const before = h.session.getState();
    h.take();
    expect(() => h.emit('{"type": "response.created", ')).not.toThrow();
    expect(h.take({ raw: true })).toEqual(['error:protocol:malformed_json']);
    expect(h.session.getState()).toBe(before);
  });

  it('a known event with missing fields: protocol error (code invalid), raw passed on, state unchanged', async () => {
    const h = setup();
    await h.session.connect();
    const before = h.session.getState();
    h.take();
    h.emit({ type: 'input_audio_buffer.speech_started', event_id: 'e1' });
    expect(h.take({ raw: true })).toEqual(['server_event:input_audio_buffer.speech_started', 'error:protocol:invalid']);
    expect(h.events.at(-1)).toMatchObject({ error: { message: expect.stringContaining('audio_start_ms') } });
    expect(h.session.getState()).toBe(before);
  });

  it('an item of a type the kit does not know passes through raw: no error, transcript unharmed', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('u1') }));
    h.take();
    h.emit(wire('conversation.item.added', { previous_item_id: 'u1', item: { id: 'x1', type: 'reasoning', summary: [] } }));
    expect(h.take({ raw: true })).toEqual(['server_event:conversation.item.added']);
    expect(h.events.at(-1)).toMatchObject({ type: 'server_event', known: false, event: { item: { type: 'reasoning' } } });
    // A later item that follows the unknown one still lands, after what the transcript knows.
    h.emit(wire('conversation.item.added', { previous_item_id: 'x1', item: assistantItem('a1') }));
    expect(h.session.getState().transcript.items.map((item) => item.id)).toEqual(['u1', 'a1']);
  });

  it('non-objects and objects without a type are protocol errors', async () => {
    const h = setup();
    await h.session.connect();
    h.take();
    h.emit('42', 'null', '[]', { hello: 'world' });
    expect(h.take({ raw: true })).toEqual([
      'error:protocol:invalid',
      'error:protocol:invalid',
      'error:protocol:invalid',
      'error:protocol:invalid',
    ]);
  });

  it('beta event names are normalized', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(wire('response.created', { response: response('r1') }));
    h.emit(wire('response.audio_transcript.delta', { response_id: 'r1', item_id: 'a1', output_index: 0, content_index: 0, delta: 'Hi' }));
    expect(h.session.getState().transcript.get('a1')?.text).toBe('Hi');
  });

  it("the server's error event becomes an error event and state.error", async () => {
    const h = setup();
    await h.session.connect();
    h.take();
    h.emit(wire('error', { error: { type: 'invalid_request_error', code: 'invalid_value', message: 'Bad voice', param: 'session.voice' } }));
    expect(h.take()).toEqual(['error:server:invalid_value']);
    expect(h.session.getState().error).toMatchObject({ source: 'server', code: 'invalid_value', message: 'Bad voice' });
    expect(h.session.getState().status).toBe('connected');
  });
});

group('handlers that throw', () => {
  it('a throwing handler is reported as a handler error; other handlers still run', async () => {
    const h = setup();
    await h.session.connect();
    const reached: string[] = [];
    h.session.on('speech_started', () => {
      throw new Error('boom');
    });
    h.session.on('speech_started', () => reached.push('second'));
    h.take();
    expect(() => h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 0, item_id: 'u1' }))).not.toThrow();
    expect(reached).toEqual(['second']);
    expect(h.take()).toEqual(['speech_started', 'error:handler:handler_error']);
    expect(h.events.at(-1)).toMatchObject({ error: { message: expect.stringContaining('boom') } });
    expect(h.session.getState().userSpeaking).toBe(true);
  });

  it('an error handler that throws does not loop forever', async () => {
    const h = setup();
    await h.session.connect();
    let calls = 0;
    h.session.on('error', () => {
      calls++;
      throw new Error('error handler broken');
    });
    h.take();
    h.emit('not json');
    // The protocol error, then one report of the broken handler; its own failure is dropped.
    expect(h.take()).toEqual(['error:protocol:malformed_json', 'error:handler:handler_error']);
    expect(calls).toBe(2);
  });

  it('a throwing state listener is reported and does not break the session', async () => {
    const h = setup();
    h.session.subscribe(() => {
      throw new Error('listener broken');
    });
    await expect(h.session.connect()).resolves.toBeUndefined();
    expect(h.session.getState().status).toBe('connected');
    expect(h.take().filter((n) => n.startsWith('error'))).toEqual(['error:handler:listener_error', 'error:handler:listener_error']);
  });

  it('events reach handlers in emission order even when a handler causes more events', async () => {
    const h = setup();
    await h.session.connect();
    const order: string[] = [];
    h.session.on('*', (e) => {
      if (e.type !== 'server_event') order.push(e.type);
    });
    // A handler that acts on the session while events of one message are still being delivered.
    h.session.on('speech_started', () => h.session.setMuted(true));
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 0, item_id: 'u1' }));
    expect(order).toEqual(['speech_started', 'muted_changed']);
  });

  it("a list that holds '*' next to other types delivers each event once", () => {
    const seen: string[] = [];
    const emitter = createEmitter<{ type: 'a' } | { type: 'b' }>(() => null);
    const off = emitter.on(['a', '*'], (event) => seen.push(event.type));
    emitter.emit({ type: 'a' });
    emitter.emit({ type: 'b' });
    expect(seen).toEqual(['a', 'b']);
    off();
    emitter.emit({ type: 'a' });
    expect(seen).toEqual(['a', 'b']);
  });

  it('unsubscribe stops delivery; a list of types subscribes to each once', () => {
    type Ev = { type: 'a' } | { type: 'b' } | { type: 'error'; error: unknown };
    const emitter = createEmitter<Ev>((error) => ({ type: 'error', error }));
    const got: string[] = [];
    const off = emitter.on(['a', 'b', 'a'], (e) => got.push(e.type));
    emitter.emit({ type: 'a' });
    emitter.emit({ type: 'b' });
    off();
    emitter.emit({ type: 'a' });
    expect(got).toEqual(['a', 'b']);
    expect(emitter.wants('a')).toBe(false);
  });
});
