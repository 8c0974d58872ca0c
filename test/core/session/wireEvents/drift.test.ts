import { describe as group, expect, it } from 'vitest';
import { assistantItem, response, setup, wire } from '../helpers.ts';

const semanticVad = { type: 'realtime' as const, audio: { input: { turn_detection: { type: 'semantic_vad' as const } } } };

/** A session with a client idle clock of 8 s, connected, with a response running. */
async function respondingSession() {
  const h = setup({ config: semanticVad, idle: { timeoutMs: 8000 } });
  await h.session.connect();
  h.emit(wire('response.created', { response: response('r1') }));
  h.emit(wire('conversation.item.added', { previous_item_id: null, item: assistantItem('a1') }));
  h.take();
  return h;
}

// Servers add response statuses and item types over time. A `response.done` that this version
// cannot fully read must still end the response, or the idle clock never starts again.
group('server drift: events the idle policy depends on', () => {
  it('a response.done with a status this version does not know still ends the response', async () => {
    const h = await respondingSession();
    h.emit(wire('response.done', { response: response('r1', 'expired') }));
    expect(h.take({ raw: true })).toEqual(['server_event:response.done', 'error:protocol:invalid', 'response_done:expired', 'idle_changed:counting']);
    expect(h.session.getState().responding).toBe(false);
    // The idle clock runs again: 8 s of silence later the client timeout fires.
    h.clock.advance(8000);
    expect(h.take()).toContain('timeout:client:1');
  });

  it('a response.done carrying an output item of an unknown type ends the response, with no error', async () => {
    const h = await respondingSession();
    const before = h.session.getState().transcript;
    h.emit(wire('response.done', { response: response('r1', 'completed', { output: [{ id: 'x1', type: 'reasoning', summary: [] }] }) }));
    expect(h.take({ raw: true })).toEqual(['server_event:response.done', 'response_done:completed', 'idle_changed:counting']);
    expect(h.session.getState()).toMatchObject({ responding: false, transcript: before });
  });

  it('a cancelled response.done that cannot be fully read still marks its known items interrupted', async () => {
    const h = await respondingSession();
    const output = [assistantItem('a1', 'incomplete'), { id: 'x1', type: 'reasoning', status: 'incomplete' }];
    h.emit(wire('response.done', { response: response('r1', 'cancelled', { output, status_details: { type: 'cancelled', reason: 'turn_detected' } }) }));
    expect(h.take()).toEqual(['history_updated:a1:message:interrupted', 'response_done:cancelled:turn_detected', 'idle_changed:counting']);
    expect(h.session.getState().transcript.items.map((item) => [item.id, item.status])).toEqual([['a1', 'interrupted']]);
  });

  it('a response.created with a field of the wrong type still pauses the idle clock', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.take();
    h.emit(wire('response.created', { response: response('r1', 'in_progress', { usage: 'n/a' }) }));
    expect(h.take()).toEqual(['error:protocol:invalid', 'response_started', 'idle_changed:listening']);
    expect(h.session.getState().responding).toBe(true);
    h.clock.advance(20000);
    expect(h.take()).not.toContain('timeout:client:1');
  });

  it('an output_audio_buffer.stopped with a malformed response_id still ends the playback', async () => {
    const h = await respondingSession();
    h.emit(wire('output_audio_buffer.started', { response_id: 'r1' }));
    h.emit(wire('response.done', { response: response('r1', 'completed') }));
    expect(h.session.getState().assistantSpeaking).toBe(true);
    h.take();
    h.emit(wire('output_audio_buffer.stopped', { response_id: 42 }));
    expect(h.take()).toEqual(['error:protocol:invalid', 'audio_stopped', 'idle_changed:counting']);
    expect(h.session.getState().assistantSpeaking).toBe(false);
  });

  it('unreadable fields never reach the state: a salvaged response.done keeps no part of the bad payload', async () => {
    const h = await respondingSession();
    h.emit(wire('response.done', { response: { id: 7, status: { weird: true }, output: 'nope', status_details: 'x' } }));
    expect(h.take()).toEqual(['error:protocol:invalid', 'response_done:completed', 'idle_changed:counting']);
    const done = h.events.findLast((e) => e.type === 'response_done');
    expect(done).toEqual({ type: 'response_done', responseId: '', status: 'completed' });
  });

  it('a conversation.item.done with a content part of an unknown type ends the row, keeping its text', async () => {
    const h = await respondingSession();
    const ids = { response_id: 'r1', item_id: 'a1', output_index: 0, content_index: 0 };
    h.emit(wire('response.output_audio_transcript.delta', { ...ids, delta: 'Hi' }));
    h.take();
    const content = [{ type: 'output_audio', transcript: 'Hi' }, { type: 'hologram', frames: 3 }];
    h.emit(wire('conversation.item.done', { previous_item_id: null, item: { ...assistantItem('a1', 'completed'), content } }));
    expect(h.take({ raw: true })).toEqual(['server_event:conversation.item.done', 'history_updated:a1:message:completed']);
    expect(h.session.getState().transcript.get('a1')).toMatchObject({ text: 'Hi', status: 'completed' });
  });

  it('other known events that fail validation still change nothing', async () => {
    const h = await respondingSession();
    const before = h.session.getState();
    h.emit(wire('conversation.item.added', { previous_item_id: 'a1', item: { ...assistantItem('a2'), status: 7 } }));
    h.emit(wire('input_audio_buffer.speech_started', { item_id: 'u1' }));
    expect(h.take()).toEqual(['error:protocol:invalid', 'error:protocol:invalid']);
    expect(h.session.getState()).toBe(before);
  });
});

// Shapes today's servers send that a request type would not suggest.
group('server shapes: what the real API echoes', () => {
  it('a session.updated whose transcription has null language and prompt is applied, with its idle timeout', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.take();
    const session = {
      type: 'realtime',
      id: 'sess_1',
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: { model: 'gpt-4o-mini-transcribe', language: null, prompt: null },
          turn_detection: { type: 'server_vad', idle_timeout_ms: 10000 },
        },
        output: { format: { type: 'audio/pcmu' }, voice: 'marin' },
      },
    };
    h.emit(wire('session.updated', { session }));
    expect(h.take({ raw: true })).toContain('session_updated');
    expect(h.session.getState().session?.audio?.input?.transcription).toEqual({ model: 'gpt-4o-mini-transcribe', language: null, prompt: null });
    expect(h.session.getState().idle.timeoutMs).toBe(10000);
  });

  it('a function_call_arguments.done without a name takes the name its item was added with', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(
      wire('response.created', { response: response('r1') }),
      wire('conversation.item.added', {
        previous_item_id: null,
        item: { id: 'fc1', type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '', status: 'in_progress' },
      }),
    );
    h.take();
    h.emit(wire('response.function_call_arguments.done', { response_id: 'r1', item_id: 'fc1', output_index: 0, call_id: 'call_1', arguments: '{}' }));
    expect(h.take()).toEqual(['history_updated:fc1:tool_call:completed', 'tool_call']);
    expect(h.events.at(-1)).toMatchObject({ type: 'tool_call', name: 'get_weather', callId: 'call_1', arguments: '{}' });
  });
});

group('transcript: a reply the server cut short', () => {
  it('a response.done with status incomplete (token limit) marks its incomplete items cut short, not interrupted', async () => {
    const h = await respondingSession();
    h.emit(wire('conversation.item.done', { previous_item_id: null, item: assistantItem('a1', 'incomplete', 'The first thr') }));
    h.take();
    const details = { type: 'incomplete', reason: 'max_output_tokens' };
    h.emit(wire('response.done', { response: response('r1', 'incomplete', { output: [assistantItem('a1', 'incomplete', 'The first thr')], status_details: details }) }));
    expect(h.take()).toEqual(['history_updated:a1:message:incomplete', 'response_done:incomplete:max_output_tokens', 'idle_changed:counting']);
    expect(h.session.getState().transcript.get('a1')).toMatchObject({ status: 'incomplete', text: 'The first thr' });
    // A late retrieval of the item does not turn it back into an interruption.
    h.emit(wire('conversation.item.retrieved', { item: assistantItem('a1', 'incomplete', 'The first thr') }));
    expect(h.session.getState().transcript.get('a1')?.status).toBe('incomplete');
  });
});
