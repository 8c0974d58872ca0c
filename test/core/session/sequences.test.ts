import { describe as group, expect, it } from 'vitest';
import { assistantItem, assistantTurn, AUDIO_100MS, response, setup, userAudioItem, wire } from './helpers.ts';

/** PROTOCOL.md sequence A up to the user's item: speech, commit, the silent-transcript user item. */
function userTurn(itemId: string, previousItemId: string | null, startMs: number) {
  return [
    wire('input_audio_buffer.speech_started', { audio_start_ms: startMs, item_id: itemId }),
    wire('input_audio_buffer.speech_stopped', { audio_end_ms: startMs + 1200, item_id: itemId }),
    wire('input_audio_buffer.committed', { item_id: itemId, previous_item_id: previousItemId }),
    wire('conversation.item.added', { previous_item_id: previousItemId, item: userAudioItem(itemId, 'in_progress') }),
    wire('conversation.item.done', { previous_item_id: previousItemId, item: userAudioItem(itemId) }),
  ];
}

group('PROTOCOL.md sequence A: the user speaks, the model answers', () => {
  it('emits the exact session events, with the user transcript landing after the assistant started', async () => {
    const h = setup({ idle: { timeoutMs: 8000 }, transport: { playbackReporting: 'none' } });
    await h.session.connect();
    expect(h.take()).toEqual(['status_changed:connecting', 'status_changed:connected', 'idle_changed:counting']);

    h.emit(...userTurn('item_u1', null, 500));
    expect(h.take()).toEqual([
      'speech_started',
      'idle_changed:listening',
      'speech_stopped',
      'idle_changed:counting',
      'history_added:item_u1:message:in_progress',
      'history_updated:item_u1:message:completed',
    ]);

    const turn = assistantTurn('resp_1', 'item_a1', 'item_u1', ['Hi ', 'there', '!'], 10);
    // The user's transcription arrives while the assistant streams (after its first delta).
    const firstDelta = turn.findIndex((e) => e.type === 'response.output_audio_transcript.delta');
    turn.splice(
      firstDelta + 1,
      0,
      wire('conversation.item.input_audio_transcription.delta', { item_id: 'item_u1', content_index: 0, delta: 'Hello' }),
      wire('conversation.item.input_audio_transcription.completed', {
        item_id: 'item_u1',
        content_index: 0,
        transcript: 'Hello?',
        usage: { type: 'duration', seconds: 1 },
      }),
    );
    h.emit(...turn);
    expect(h.take()).toEqual([
      'response_started',
      'idle_changed:listening',
      'history_added:item_a1:message:in_progress',
      'transcript_delta:assistant:item_a1',
      'transcript_delta:user:item_u1',
      'transcript_done:user:item_u1',
      'history_updated:item_u1:message:completed',
      'audio_started',
      'transcript_delta:assistant:item_a1',
      'transcript_delta:assistant:item_a1',
      'transcript_done:assistant:item_a1',
      'history_updated:item_a1:message:completed',
      'response_done:completed',
    ]);
    const state = h.session.getState();
    expect(state.transcript.items.map((i) => [i.id, i.role, i.text, i.status])).toEqual([
      ['item_u1', 'user', 'Hello?', 'completed'],
      ['item_a1', 'assistant', 'Hi there!', 'completed'],
    ]);
    // 10 chunks of 100 ms: the assistant is still "playing" after response.done.
    expect(state.responding).toBe(false);
    expect(state.assistantSpeaking).toBe(true);
    expect(state.idle.phase).toBe('listening');

    h.clock.advance(999);
    expect(h.take()).toEqual([]);
    h.clock.advance(1);
    expect(h.take()).toEqual(['audio_stopped', 'idle_changed:counting']);
    expect(h.session.getState().idle.deadline).toBe(h.clock.now() + 8000);
  });

  it('passes every wire message on as server_event, known or not', async () => {
    const h = setup();
    await h.session.connect();
    h.take({ raw: true });
    h.emit(...userTurn('item_u1', null, 0), wire('conversation.item.some_future_event', { x: 1 }));
    expect(h.take({ raw: true }).filter((name) => name.startsWith('server_event'))).toEqual([
      'server_event:input_audio_buffer.speech_started',
      'server_event:input_audio_buffer.speech_stopped',
      'server_event:input_audio_buffer.committed',
      'server_event:conversation.item.added',
      'server_event:conversation.item.done',
      'server_event:conversation.item.some_future_event',
    ]);
    const last = h.events.at(-1);
    expect(last).toMatchObject({ type: 'server_event', known: false, event: { type: 'conversation.item.some_future_event', x: 1 } });
    expect(h.events.some((e) => e.type === 'error')).toBe(false);
  });
});

group('PROTOCOL.md sequence B: idle timeout', () => {
  it('turns the server timeout into the typed event, an idle marker and a re-prompt', async () => {
    const h = setup({ idle: { timeoutMs: 6000, maxTimeouts: 3 } }); // mock reports playback like WebRTC
    await h.session.connect();
    h.emit(...userTurn('item_u1', null, 0));
    h.emit(
      wire('response.created', { response: response('resp_1') }),
      wire('conversation.item.added', { previous_item_id: 'item_u1', item: assistantItem('item_a1') }),
      wire('output_audio_buffer.started', { response_id: 'resp_1' }),
      wire('response.done', { response: response('resp_1', 'completed') }),
    );
    h.clock.advance(3000);
    h.emit(wire('output_audio_buffer.stopped', { response_id: 'resp_1' }));
    h.take();
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', deadline: h.clock.now() + 6000 });

    h.clock.advance(6000);
    h.emit(
      wire('input_audio_buffer.timeout_triggered', { audio_start_ms: 13216, audio_end_ms: 19232, item_id: 'item_idle' }),
      wire('input_audio_buffer.committed', { item_id: 'item_idle', previous_item_id: 'item_a1' }),
      wire('conversation.item.added', { previous_item_id: 'item_a1', item: userAudioItem('item_idle', 'in_progress') }),
      wire('conversation.item.done', { previous_item_id: 'item_a1', item: userAudioItem('item_idle') }),
      ...assistantTurn('resp_2', 'item_a2', 'item_idle', ['Are you ', 'still there?'], 0),
    );
    expect(h.take()).toEqual([
      'timeout:server:1',
      'idle_changed:timed_out',
      'history_added:item_idle:idle_timeout:in_progress',
      'history_updated:item_idle:idle_timeout:completed',
      'response_started',
      'idle_changed:timed_out',
      'history_added:item_a2:message:in_progress',
      'transcript_delta:assistant:item_a2',
      'transcript_delta:assistant:item_a2',
      'transcript_done:assistant:item_a2',
      'history_updated:item_a2:message:completed',
      'response_done:completed',
      'idle_changed:timed_out',
    ]);
    const timeout = h.events.find((e) => e.type === 'input_audio_timeout_triggered');
    expect(timeout).toEqual({
      type: 'input_audio_timeout_triggered',
      itemId: 'item_idle',
      audioStartMs: 13216,
      audioEndMs: 19232,
      idleMs: 6016,
      source: 'server',
      count: 1,
      eventId: expect.any(String),
    });
    const marker = h.session.getState().transcript.get('item_idle');
    expect(marker).toMatchObject({
      kind: 'idle_timeout',
      role: 'user',
      text: '',
      idle: { audioStartMs: 13216, audioEndMs: 19232, idleMs: 6016, source: 'server' },
    });
    expect(h.session.getState().idle).toMatchObject({ phase: 'timed_out', timeouts: 1, last: timeout });
  });
});

group('PROTOCOL.md sequence C: interruption', () => {
  it('marks the assistant item interrupted and stops playback (WebSocket, estimated playback)', async () => {
    const h = setup({ transport: { playbackReporting: 'none' } });
    await h.session.connect();
    h.emit(...userTurn('item_u1', null, 0));
    const ids = { response_id: 'resp_1', item_id: 'item_a1', output_index: 0, content_index: 0 };
    h.emit(
      wire('response.created', { response: response('resp_1') }),
      wire('conversation.item.added', { previous_item_id: 'item_u1', item: assistantItem('item_a1') }),
      wire('response.output_audio_transcript.delta', { ...ids, delta: 'Let me tell you a long' }),
      wire('response.output_audio.delta', { ...ids, delta: AUDIO_100MS }),
    );
    h.take();
    h.clock.advance(50);
    h.emit(
      wire('input_audio_buffer.speech_started', { audio_start_ms: 3000, item_id: 'item_u2' }),
      wire('conversation.item.done', { previous_item_id: 'item_u1', item: assistantItem('item_a1', 'incomplete', 'Let me tell you a long') }),
      wire('response.done', {
        response: response('resp_1', 'cancelled', {
          status_details: { type: 'cancelled', reason: 'turn_detected' },
          output: [assistantItem('item_a1', 'incomplete', 'Let me tell you a long')],
        }),
      }),
      wire('conversation.item.truncated', { item_id: 'item_a1', content_index: 0, audio_end_ms: 50 }),
    );
    expect(h.take()).toEqual([
      'speech_started',
      'history_updated:item_a1:message:interrupted',
      'audio_interrupted',
      'response_done:cancelled:turn_detected',
    ]);
    const state = h.session.getState();
    expect(state.transcript.get('item_a1')?.status).toBe('interrupted');
    expect(state.assistantSpeaking).toBe(false);
    expect(state.userSpeaking).toBe(true);
    expect(state.responding).toBe(false);
  });

  it('reports WebRTC output_audio_buffer.cleared as audio_interrupted', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(
      wire('response.created', { response: response('resp_1') }),
      wire('output_audio_buffer.started', { response_id: 'resp_1' }),
    );
    expect(h.session.getState().assistantSpeaking).toBe(true);
    h.take();
    h.emit(
      wire('input_audio_buffer.speech_started', { audio_start_ms: 3000, item_id: 'item_u2' }),
      wire('response.done', {
        response: response('resp_1', 'cancelled', { status_details: { type: 'cancelled', reason: 'turn_detected' } }),
      }),
      wire('output_audio_buffer.cleared', { response_id: 'resp_1' }),
    );
    expect(h.take()).toEqual(['speech_started', 'response_done:cancelled:turn_detected', 'audio_interrupted']);
    expect(h.events.at(-1)).toMatchObject({ type: 'audio_interrupted', responseId: 'resp_1' });
  });
});
