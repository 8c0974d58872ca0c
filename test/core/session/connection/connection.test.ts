import { describe as group, expect, it, vi } from 'vitest';
import { createRealtimeSession } from '../../../../src/core/session/index.ts';
import type { RealtimeTransport } from '../../../../src/core/transport/RealtimeTransport.ts';
import { createMockTransport } from '../../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../../src/testing/createVirtualClock.ts';
import { response, setup, wire } from '../helpers.ts';

group('connect', () => {
  it('goes connecting -> connected, passes an AbortSignal, and returns the same promise twice', async () => {
    const h = setup();
    const connectSpy = vi.spyOn(h.transport, 'connect');
    const first = h.session.connect();
    expect(h.session.getState().status).toBe('connecting');
    expect(h.session.connect()).toBe(first);
    await first;
    expect(h.session.getState().status).toBe('connected');
    expect(connectSpy).toHaveBeenCalledTimes(1);
    expect(connectSpy.mock.calls[0]?.[0].signal).toBeInstanceOf(AbortSignal);
    expect(h.session.connect()).toBe(first);
    expect(h.take()).toEqual(['status_changed:connecting', 'status_changed:connected']);
  });

  it('sends no session.update without config or idle timeout, and the config with type realtime otherwise', async () => {
    const bare = setup();
    await bare.session.connect();
    expect(bare.transport.sent).toEqual([]);
    const configured = setup({ config: { instructions: 'Be brief.' } });
    await configured.session.connect();
    expect(configured.transport.sent).toEqual([
      { type: 'session.update', event_id: expect.any(String), session: { type: 'realtime', instructions: 'Be brief.' } },
    ]);
  });

  it('a failed connection: status error, error event, the promise rejects, and a retry works', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, connectError: new Error('401 Unauthorized') });
    const session = createRealtimeSession({ transport, clock });
    const names: string[] = [];
    session.on(['status_changed', 'error'], (e) => names.push(e.type === 'error' ? `error:${e.error.code}` : e.status));
    await expect(session.connect()).rejects.toThrow('401 Unauthorized');
    expect(names).toEqual(['connecting', 'error:connect_failed', 'error']);
    expect(session.getState()).toMatchObject({ status: 'error', error: { source: 'transport', code: 'connect_failed' } });
    expect(transport.listenerCount('message')).toBe(0);
    // A retry makes a new attempt (and clears the error once it starts).
    const again = session.connect();
    expect(session.getState().error).toBeNull();
    await expect(again).rejects.toThrow('401');
  });

  it('disconnect() during connecting aborts the attempt; the promise resolves, no error', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, connectDelayMs: 500 });
    const session = createRealtimeSession({ transport, clock });
    const promise = session.connect();
    session.disconnect();
    clock.advance(500);
    await expect(promise).resolves.toBeUndefined();
    expect(session.getState()).toMatchObject({ status: 'disconnected', error: null });
    expect(transport.connected).toBe(false);
  });
});

group('disconnect and close', () => {
  it('disconnect() is idempotent and unsubscribes from the transport', async () => {
    const h = setup({ idle: { timeoutMs: 5000 } });
    await h.session.connect();
    h.take();
    h.session.disconnect();
    h.session.disconnect();
    expect(h.take()).toEqual(['status_changed:disconnected', 'idle_changed:off']);
    expect(h.transport.calls.filter((c) => c.method === 'close')).toHaveLength(1);
    expect(h.transport.listenerCount('message')).toBe(0);
    expect(h.transport.listenerCount('close')).toBe(0);
    expect(h.clock.pending()).toBe(0);
  });

  it('a close with an error sets status error and keeps the reason', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(wire('response.created', { response: response('r1') }));
    h.take();
    h.transport.drop(new Error('ICE failed'));
    expect(h.take()).toEqual(['error:transport:dropped', 'status_changed:error']);
    expect(h.session.getState()).toMatchObject({
      status: 'error',
      responding: false,
      error: { source: 'transport', code: 'dropped', message: 'ICE failed' },
    });
    const statusEvent = h.events.find((e) => e.type === 'status_changed' && e.status === 'error');
    expect(statusEvent).toMatchObject({ previous: 'connected', error: { code: 'dropped' } });
  });

  it('a close without an error means disconnected', async () => {
    const h = setup();
    await h.session.connect();
    h.take();
    // The server hangs up cleanly: the transport emits close without an error.
    const transport: RealtimeTransport = h.transport;
    transport.close();
    expect(h.take()).toEqual(['status_changed:disconnected']);
    expect(h.session.getState().error).toBeNull();
  });

  it('sending while disconnected is an error event, never a throw', async () => {
    const h = setup();
    expect(() => h.session.sendText('hello')).not.toThrow();
    expect(h.take()).toEqual(['error:transport:not_connected']);
    expect(h.transport.sent).toEqual([]);
  });
});

group('actions', () => {
  it('sendText sends the user message and asks for a response', async () => {
    const h = setup();
    await h.session.connect();
    h.session.sendText('What time is it?');
    expect(h.transport.sent).toEqual([
      {
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What time is it?' }] },
      },
      { type: 'response.create' },
    ]);
  });

  it('sendText while a conversation response runs adds the message now and asks for its answer once that response is done, once', async () => {
    const h = setup();
    await h.session.connect();
    h.transport.emit(wire('response.created', { response: response('resp_1') }));
    h.session.sendText('Actually, make it Tuesday');
    h.session.sendText('At noon');
    const types = () => h.transport.sent.map((event) => event.type);
    // The server would refuse a second active response: no response.create yet.
    expect(types()).toEqual(['conversation.item.create', 'conversation.item.create']);
    expect(h.session.getState().agentState).toBe('thinking');
    h.transport.emit(wire('response.done', { response: response('resp_1', 'completed') }));
    expect(types()).toEqual(['conversation.item.create', 'conversation.item.create', 'response.create']);
    expect(h.session.getState().agentState).toBe('thinking');
    h.transport.emit(wire('response.created', { response: response('resp_2') }));
    h.transport.emit(wire('response.done', { response: response('resp_2', 'completed') }));
    expect(types()).toEqual(['conversation.item.create', 'conversation.item.create', 'response.create']);
    expect(h.session.getState().agentState).toBe('listening');
  });

  it('sendText twice before the first answer started: the second waits for that response (the server counts it active)', async () => {
    const h = setup();
    await h.session.connect();
    h.transport.clearRecords();
    h.session.sendText('Book a table');
    h.session.sendText('For two');
    const types = () => h.transport.sent.map((event) => event.type);
    expect(types()).toEqual(['conversation.item.create', 'response.create', 'conversation.item.create']);
    h.transport.emit(wire('response.created', { response: response('resp_1') }));
    h.transport.emit(wire('response.done', { response: response('resp_1', 'completed') }));
    expect(types()).toEqual(['conversation.item.create', 'response.create', 'conversation.item.create', 'response.create']);
  });

  it('sendText during an out-of-band response asks for its answer at once', async () => {
    const h = setup();
    await h.session.connect();
    h.transport.emit(wire('response.created', { response: response('resp_oob', 'in_progress', { conversation_id: null }) }));
    h.session.sendText('Hello?');
    expect(h.transport.sent.map((event) => event.type)).toEqual(['conversation.item.create', 'response.create']);
  });

  it('a disconnect drops the deferred response.create', async () => {
    const h = setup();
    await h.session.connect();
    h.transport.emit(wire('response.created', { response: response('resp_1') }));
    h.session.sendText('Hello?');
    h.transport.drop();
    await h.session.connect();
    h.transport.clearRecords();
    h.transport.emit(wire('response.done', { response: response('resp_1', 'completed') }));
    expect(h.transport.sent).toEqual([]);
    expect(h.session.getState().agentState).toBe('listening');
  });

  it('sendEvent validates: an invalid event is an error event and is not sent', async () => {
    const h = setup();
    await h.session.connect();
    h.take();
    h.session.sendEvent({ type: 'conversation.item.truncate', item_id: 'a1', content_index: 0, audio_end_ms: -5 });
    h.session.sendEvent({ type: 'no.such.event' } as never);
    expect(h.transport.sent).toEqual([]);
    expect(h.take()).toEqual(['error:config:invalid_client_event', 'error:config:invalid_client_event']);
    expect(h.events.at(-1)).toMatchObject({ error: { message: expect.stringContaining('no.such.event') } });
    h.session.sendEvent({ type: 'input_audio_buffer.commit' });
    expect(h.transport.sent).toEqual([{ type: 'input_audio_buffer.commit' }]);
  });

  it('interrupt() uses the transport when it can, else response.cancel; emits audio_interrupted', async () => {
    const withInterrupt = setup();
    await withInterrupt.session.connect();
    withInterrupt.emit(wire('response.created', { response: response('r1') }), wire('output_audio_buffer.started', { response_id: 'r1' }));
    withInterrupt.take();
    withInterrupt.session.interrupt();
    expect(withInterrupt.transport.calls.at(-1)).toEqual({ method: 'interrupt' });
    expect(withInterrupt.take()).toEqual(['audio_interrupted']);
    expect(withInterrupt.session.getState().assistantSpeaking).toBe(false);

    const without = setup({ transport: { omit: ['interrupt'] } });
    await without.session.connect();
    without.emit(wire('response.created', { response: response('r1') }), wire('output_audio_buffer.started', { response_id: 'r1' }));
    without.take();
    without.session.interrupt();
    expect(without.transport.sent.map((e) => e.type)).toEqual(['response.cancel', 'output_audio_buffer.clear']);
    expect(without.take()).toEqual(['audio_interrupted']);
  });

  it('interrupt() with nothing playing sends nothing and emits nothing', async () => {
    const h = setup({ transport: { omit: ['interrupt'] } });
    await h.session.connect();
    h.take();
    h.session.interrupt();
    expect(h.transport.sent).toEqual([]);
    expect(h.take()).toEqual([]);
  });

  it('setMuted() tells the transport, updates state, emits muted_changed once', async () => {
    const h = setup();
    await h.session.connect();
    h.take();
    h.session.setMuted(true);
    h.session.setMuted(true);
    expect(h.transport.muted).toBe(true);
    expect(h.session.getState().muted).toBe(true);
    expect(h.take()).toEqual(['muted_changed']);
  });

  it('subscribe() gets the new and previous state; unchanged state is not published', async () => {
    const h = setup();
    const seen: [string, string][] = [];
    const unsubscribe = h.session.subscribe((state, previous) => seen.push([previous.status, state.status]));
    await h.session.connect();
    h.emit(wire('rate_limits.updated', { rate_limits: [] }));
    unsubscribe();
    h.session.disconnect();
    expect(seen).toEqual([
      ['idle', 'connecting'],
      ['connecting', 'connected'],
    ]);
  });

  it('state is updated before the events of a message reach handlers', async () => {
    const h = setup();
    await h.session.connect();
    const seen: boolean[] = [];
    h.session.on('speech_started', () => seen.push(h.session.getState().userSpeaking));
    h.session.on('server_event', () => seen.push(h.session.getState().userSpeaking));
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 0, item_id: 'u1' }));
    expect(seen).toEqual([true, true]);
  });

  it('clock is exposed so countdowns read the same time as deadlines', () => {
    const h = setup();
    expect(h.session.clock).toBe(h.session.clock);
    expect(h.session.clock.now()).toBe(h.clock.now());
  });
});
