import { describe as group, expect, it } from 'vitest';
import {
  addTranscriptItem,
  createTranscriptState,
  replaceTranscriptItem,
} from '../../../../src/core/session/transcript/createTranscriptState.ts';
import type { TranscriptItem, TranscriptState } from '../../../../src/core/session/index.ts';
import { appendTranscriptDelta } from '../../../../src/core/session/transcript/transcriptReducer.ts';
import { assistantItem, response, setup, userAudioItem, wire } from '../helpers.ts';

const row = (id: string, previousItemId: string | null = null, text = ''): TranscriptItem => ({
  id,
  role: 'user',
  kind: 'message',
  text,
  status: 'completed',
  previousItemId,
});

const ids = (t: TranscriptState) => t.items.map((i) => i.id);

/** Internal trie nodes of a transcript (white-box: counts what one update copies). */
function nodes(t: TranscriptState): Set<unknown> {
  const out = new Set<unknown>();
  const { root, shift } = (t as unknown as { vector: { root: unknown[]; shift: number } }).vector;
  const walk = (node: unknown[], s: number) => {
    out.add(node);
    if (s > 0) for (const child of node) walk(child as unknown[], s - 5);
  };
  walk(root, shift);
  return out;
}

group('persistent transcript', () => {
  it('reads by position and id; items is cached and frozen', () => {
    const t = createTranscriptState(Array.from({ length: 100 }, (_, i) => row(`i${i}`)));
    expect(t.length).toBe(100);
    expect(t.at(0)?.id).toBe('i0');
    expect(t.at(-1)?.id).toBe('i99');
    expect(t.at(100)).toBeUndefined();
    expect(t.get('i42')?.id).toBe('i42');
    expect(t.indexOf('i42')).toBe(42);
    expect(t.get('nope')).toBeUndefined();
    expect(t.items).toBe(t.items);
    expect(Object.isFrozen(t.items)).toBe(true);
  });

  it('one delta copies only one path of the trie, whatever the length (O(1) per delta)', () => {
    for (const length of [10, 1000, 10000]) {
      let t = createTranscriptState(Array.from({ length }, (_, i) => row(`i${i}`)));
      const before = nodes(t);
      const previousItems = t.items;
      t = appendTranscriptDelta(t, `i${length - 1}`, 'user', 'x').transcript;
      const fresh = [...nodes(t)].filter((n) => !before.has(n));
      // Depth of a 32-way trie: 1 node for 10 items, 2 for 1000, 3 for 10000.
      expect(fresh.length).toBeLessThanOrEqual(Math.ceil(Math.log(length) / Math.log(32)));
      // Every other row keeps its identity.
      const changed = t.items.filter((item, i) => item !== previousItems[i]);
      expect(changed.map((i) => [i.id, i.text])).toEqual([[`i${length - 1}`, 'x']]);
    }
  });

  it('old snapshots stay correct after newer versions move on', () => {
    const v1 = createTranscriptState([row('a'), row('c', 'a')]);
    const v2 = addTranscriptItem(v1, row('b', 'a'), 'after');
    const v3 = replaceTranscriptItem(v2, { ...row('b', 'a'), text: 'changed' });
    expect(ids(v1)).toEqual(['a', 'c']);
    expect(ids(v2)).toEqual(['a', 'b', 'c']);
    expect(v1.get('b')).toBeUndefined();
    expect(v1.indexOf('c')).toBe(1);
    expect(v2.get('b')?.text).toBe('');
    expect(v3.get('b')?.text).toBe('changed');
    // Deriving from an old snapshot branches safely.
    const branch = addTranscriptItem(v1, row('z', 'c'), 'after');
    expect(ids(branch)).toEqual(['a', 'c', 'z']);
    expect(v3.get('z')).toBeUndefined();
    expect(ids(v3)).toEqual(['a', 'b', 'c']);
  });
});

group('transcript from wire events', () => {
  it('orders by previous_item_id, including items that arrive before the item they follow', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('u1') }),
      // a2 names a1, which has not arrived yet; a3 chains behind a2.
      wire('conversation.item.added', { previous_item_id: 'a1', item: assistantItem('a2') }),
      wire('conversation.item.added', { previous_item_id: 'a2', item: assistantItem('a3') }),
      wire('conversation.item.added', { previous_item_id: 'u1', item: assistantItem('a1') }),
      // Inserted in the middle: after u1, before a1.
      wire('conversation.item.added', { previous_item_id: 'u1', item: userAudioItem('u2') }),
    );
    expect(ids(h.session.getState().transcript)).toEqual(['u1', 'u2', 'a1', 'a2', 'a3']);
  });

  it('a delta that beats its item.added creates the row, which moves where the server says', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('u1') }),
      wire('conversation.item.added', { previous_item_id: 'u1', item: assistantItem('a1') }),
      wire('conversation.item.input_audio_transcription.delta', { item_id: 'u2', content_index: 0, delta: 'Wait' }),
      wire('conversation.item.added', { previous_item_id: 'u1', item: userAudioItem('u2', 'in_progress') }),
    );
    const t = h.session.getState().transcript;
    expect(ids(t)).toEqual(['u1', 'u2', 'a1']);
    expect(t.get('u2')).toMatchObject({ role: 'user', text: 'Wait', previousItemId: 'u1' });
  });

  it('user text that arrives after the assistant started lands on the user row; other rows keep identity', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('u1') }),
      wire('response.created', { response: response('r1') }),
      wire('conversation.item.added', { previous_item_id: 'u1', item: assistantItem('a1') }),
      wire('response.output_text.delta', { response_id: 'r1', item_id: 'a1', output_index: 0, content_index: 0, delta: 'Sure' }),
    );
    const assistantRow = h.session.getState().transcript.get('a1');
    h.emit(
      wire('conversation.item.input_audio_transcription.delta', { item_id: 'u1', content_index: 0, delta: 'Can you ' }),
      wire('conversation.item.input_audio_transcription.delta', { item_id: 'u1', content_index: 0, delta: 'help?' }),
    );
    let t = h.session.getState().transcript;
    expect(t.get('u1')).toMatchObject({ text: 'Can you help?', status: 'completed' });
    expect(t.get('a1')).toBe(assistantRow);
    h.emit(
      wire('conversation.item.input_audio_transcription.completed', { item_id: 'u1', content_index: 0, transcript: 'Can you help me?' }),
    );
    t = h.session.getState().transcript;
    expect(t.items.map((i) => i.text)).toEqual(['Can you help me?', 'Sure']);
  });

  it('a failed transcription marks the user row failed, with the error', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('u1') }),
      wire('conversation.item.input_audio_transcription.failed', {
        item_id: 'u1',
        content_index: 0,
        error: { type: 'transcription_error', code: 'audio_unintelligible', message: 'Could not transcribe' },
      }),
      // A late item.done must not undo the failure.
      wire('conversation.item.done', { previous_item_id: null, item: userAudioItem('u1') }),
    );
    expect(h.session.getState().transcript.get('u1')).toMatchObject({
      status: 'failed',
      error: { source: 'server', code: 'audio_unintelligible', message: 'Could not transcribe' },
    });
  });

  it('tool calls become tool_call rows and tool_call events', async () => {
    const h = setup();
    await h.session.connect();
    const base = { response_id: 'r1', item_id: 'fc1', output_index: 0, call_id: 'call_1' };
    h.emit(
      wire('response.created', { response: response('r1') }),
      wire('conversation.item.added', {
        previous_item_id: null,
        item: { id: 'fc1', type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '', status: 'in_progress' },
      }),
      wire('response.function_call_arguments.delta', { ...base, delta: '{"city":' }),
      wire('response.function_call_arguments.delta', { ...base, delta: '"Paris"}' }),
    );
    expect(h.session.getState().transcript.get('fc1')?.tool).toEqual({ name: 'get_weather', callId: 'call_1', arguments: '{"city":"Paris"}' });
    h.take();
    h.emit(wire('response.function_call_arguments.done', { ...base, name: 'get_weather', arguments: '{"city":"Paris"}' }));
    expect(h.take()).toEqual(['history_updated:fc1:tool_call:completed', 'tool_call']);
    expect(h.events.at(-1)).toEqual({
      type: 'tool_call',
      callId: 'call_1',
      name: 'get_weather',
      arguments: '{"city":"Paris"}',
      itemId: 'fc1',
      responseId: 'r1',
    });
    h.emit(
      wire('conversation.item.added', {
        previous_item_id: 'fc1',
        item: { id: 'out1', type: 'function_call_output', call_id: 'call_1', output: '{"temp":21}' },
      }),
    );
    expect(h.session.getState().transcript.get('out1')).toMatchObject({ role: 'tool', kind: 'tool_call', text: '{"temp":21}' });
  });

  it('a deleted item leaves the transcript (history_removed)', async () => {
    const h = setup();
    await h.session.connect();
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('u1') }),
      wire('conversation.item.added', { previous_item_id: 'u1', item: assistantItem('a1') }),
    );
    h.take();
    h.emit(wire('conversation.item.deleted', { item_id: 'u1' }));
    expect(h.take()).toEqual(['history_removed']);
    expect(ids(h.session.getState().transcript)).toEqual(['a1']);
  });

  it('the silent item of a timeout becomes an idle marker even when it was added first', async () => {
    const h = setup({ idle: { timeoutMs: 5000 } });
    await h.session.connect();
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: userAudioItem('idle_1') }),
      wire('input_audio_buffer.timeout_triggered', { audio_start_ms: 0, audio_end_ms: 5000, item_id: 'idle_1' }),
      wire('conversation.item.input_audio_transcription.completed', { item_id: 'idle_1', content_index: 0, transcript: '' }),
    );
    expect(h.session.getState().transcript.get('idle_1')).toMatchObject({
      kind: 'idle_timeout',
      role: 'user',
      idle: { audioStartMs: 0, audioEndMs: 5000, idleMs: 5000, source: 'server' },
    });
  });

  it('keeps no audio in state', async () => {
    const h = setup({ transport: { playbackReporting: 'none' } });
    await h.session.connect();
    const audio = Buffer.alloc(48000).toString('base64');
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: { ...userAudioItem('u1'), content: [{ type: 'input_audio', audio, transcript: 'hi' }] } }),
      wire('response.output_audio.delta', { response_id: 'r1', item_id: 'a1', output_index: 0, content_index: 0, delta: audio }),
    );
    expect(JSON.stringify(h.session.getState()).length).toBeLessThan(2000);
  });
});
