/**
 * The session against stream shapes the official types and guides describe (PROTOCOL.md, "Facts
 * that real streams taught"), built by hand so each case shows the one thing it proves: beta
 * servers that never send `conversation.item.done`, out-of-band responses, remote MCP calls,
 * and connections that end while a row streams. test/core/session/realCaptures.test.ts replays
 * the same situations from captures.
 */
import { describe, expect, it } from 'vitest';
import type { SessionEvent, TranscriptItem } from '../../../../src/core/session/index.ts';
import { assistantItem, response, setup, wire, type Harness } from '../helpers.ts';

async function connected(): Promise<Harness> {
  const h = setup();
  await h.session.connect();
  h.take();
  return h;
}

const row = (h: Harness, id: string): TranscriptItem | undefined => h.session.getState().transcript.get(id);
const ofType = <T extends SessionEvent['type']>(h: Harness, type: T) =>
  h.events.filter((event): event is Extract<SessionEvent, { type: T }> => event.type === type);

/** A beta text reply (openai SDK beta types: `conversation.item.created`, `response.text.*`), up to its last delta. */
function betaTextReplyStart(responseId: string, itemId: string) {
  const ids = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 };
  const item = { id: itemId, object: 'realtime.item', type: 'message', role: 'assistant', status: 'in_progress', content: [] };
  return [
    wire('response.created', { response: { ...response(responseId), conversation_id: 'conv_1' } }),
    wire('response.output_item.added', { response_id: responseId, output_index: 0, item }),
    wire('conversation.item.created', { previous_item_id: null, item }),
    wire('response.content_part.added', { ...ids, part: { type: 'text', text: '' } }),
    wire('response.text.delta', { ...ids, delta: 'Hello' }),
    wire('response.text.delta', { ...ids, delta: ' there.' }),
    wire('response.text.done', { ...ids, text: 'Hello there.' }),
    wire('response.content_part.done', { ...ids, part: { type: 'text', text: 'Hello there.' } }),
  ];
}

const betaDoneItem = (itemId: string, status = 'completed') => ({
  id: itemId,
  object: 'realtime.item',
  type: 'message',
  role: 'assistant',
  status,
  content: [{ type: 'text', text: 'Hello there.' }],
});

describe('beta servers: no conversation.item.done', () => {
  it('response.output_item.done completes the row', async () => {
    const h = await connected();
    h.emit(...betaTextReplyStart('resp_1', 'item_1'));
    expect(row(h, 'item_1')?.status).toBe('in_progress');

    h.emit(wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: betaDoneItem('item_1') }));
    expect(row(h, 'item_1')).toMatchObject({ status: 'completed', text: 'Hello there.' });
    expect(h.take()).toContain('history_updated:item_1:message:completed');
  });

  it('response.done alone completes it too', async () => {
    const h = await connected();
    h.emit(...betaTextReplyStart('resp_1', 'item_1'));
    h.emit(wire('response.done', { response: response('resp_1', 'completed', { output: [betaDoneItem('item_1')] }) }));
    expect(row(h, 'item_1')?.status).toBe('completed');
  });

  it('an item done as incomplete in a failed response is cut short, not left streaming', async () => {
    const h = await connected();
    h.emit(...betaTextReplyStart('resp_1', 'item_1'));
    h.emit(wire('response.done', { response: response('resp_1', 'failed', { output: [betaDoneItem('item_1', 'incomplete')] }) }));
    expect(row(h, 'item_1')?.status).toBe('incomplete');
  });

  it('a reply the user cut off (response.done cancelled, turn_detected) ends interrupted, not completed', async () => {
    const h = await connected();
    h.emit(...betaTextReplyStart('resp_1', 'item_1').slice(0, 5));
    h.emit(
      wire('response.done', {
        response: response('resp_1', 'cancelled', {
          status_details: { type: 'cancelled', reason: 'turn_detected' },
          output: [{ ...betaDoneItem('item_1', 'incomplete'), content: [{ type: 'text', text: 'Hello' }] }],
        }),
      }),
    );
    expect(row(h, 'item_1')).toMatchObject({ status: 'interrupted', text: 'Hello' });
    expect(h.session.getState().responding).toBe(false);
  });

  it('on a GA stream the row is already done: output_item.done changes nothing and announces nothing', async () => {
    const h = await connected();
    const done = assistantItem('item_1', 'completed', 'Hi');
    h.emit(
      wire('response.created', { response: response('resp_1') }),
      wire('conversation.item.added', { previous_item_id: null, item: assistantItem('item_1') }),
      wire('conversation.item.done', { previous_item_id: null, item: done }),
    );
    const before = h.session.getState().transcript;
    h.take();
    h.emit(wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: done }));
    expect(h.session.getState().transcript).toBe(before);
    expect(h.take()).toEqual([]);
  });
});

describe('out-of-band responses (response.create with conversation "none")', () => {
  // The official types: such a response reports `conversation_id: null`, echoes `metadata`, and
  // its items never come as conversation.item.*.
  function outOfBand(responseId: string, itemId: string, text: string, extra: Record<string, unknown> = {}) {
    const ids = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 };
    const item = (status: string, content: unknown[]) => ({ id: itemId, object: 'realtime.item', type: 'message', role: 'assistant', status, content });
    const meta = { conversation_id: null, metadata: { topic: 'classify' }, output_modalities: ['text'], ...extra };
    return {
      start: [
        wire('response.created', { response: { ...response(responseId), ...meta } }),
        wire('response.output_item.added', { response_id: responseId, output_index: 0, item: item('in_progress', []) }),
        wire('response.content_part.added', { ...ids, part: { type: 'output_text', text: '' } }),
        wire('response.output_text.delta', { ...ids, delta: text.slice(0, 3) }),
        wire('response.output_text.delta', { ...ids, delta: text.slice(3) }),
        wire('response.output_text.done', { ...ids, text }),
        wire('response.output_item.done', { response_id: responseId, output_index: 0, item: item('completed', [{ type: 'output_text', text }]) }),
      ],
      done: wire('response.done', {
        response: { ...response(responseId, 'completed'), ...meta, output: [item('completed', [{ type: 'output_text', text }])] },
      }),
    };
  }

  it('never touch the transcript, and are reported with their text, metadata and status', async () => {
    const h = await connected();
    const { start, done } = outOfBand('resp_oob', 'item_oob', 'billing');
    h.emit(...start, done);

    expect(h.session.getState().transcript.length).toBe(0);
    expect(h.take()).toEqual(['out_of_band_response']);
    expect(ofType(h, 'out_of_band_response')).toEqual([
      expect.objectContaining({
        type: 'out_of_band_response',
        responseId: 'resp_oob',
        status: 'completed',
        metadata: { topic: 'classify' },
        text: 'billing',
      }),
    ]);
    expect(ofType(h, 'out_of_band_response')[0]!.output).toHaveLength(1);
  });

  it('leave a conversation response running alongside them alone', async () => {
    const h = await connected();
    h.emit(
      wire('response.created', { response: { ...response('resp_main'), conversation_id: 'conv_1' } }),
      wire('conversation.item.added', { previous_item_id: null, item: assistantItem('item_main') }),
      wire('response.output_audio_transcript.delta', { response_id: 'resp_main', item_id: 'item_main', output_index: 0, content_index: 0, delta: 'Sure' }),
    );
    const { start, done } = outOfBand('resp_oob', 'item_oob', 'billing');
    h.emit(...start, done);

    expect(h.session.getState().responding).toBe(true);
    expect(h.session.getState().transcript.items.map((item) => [item.id, item.text])).toEqual([['item_main', 'Sure']]);
    expect(ofType(h, 'response_started').map((event) => event.responseId)).toEqual(['resp_main']);
    expect(ofType(h, 'response_done')).toEqual([]);
  });

  it('their function calls reach the app in the event, not as a tool_call to run', async () => {
    const h = await connected();
    const call = { id: 'item_fc', type: 'function_call', object: 'realtime.item', status: 'completed', call_id: 'call_1', name: 'classify', arguments: '{"topic":"billing"}' };
    const ids = { response_id: 'resp_oob', item_id: 'item_fc', output_index: 0, call_id: 'call_1' };
    h.emit(
      wire('response.created', { response: { ...response('resp_oob'), conversation_id: null } }),
      wire('response.function_call_arguments.delta', { ...ids, delta: '{"topic":' }),
      wire('response.function_call_arguments.done', { ...ids, name: 'classify', arguments: call.arguments }),
      wire('response.done', { response: { ...response('resp_oob', 'completed'), conversation_id: null, output: [call] } }),
    );
    expect(h.session.getState().transcript.length).toBe(0);
    expect(ofType(h, 'tool_call')).toEqual([]);
    expect(ofType(h, 'out_of_band_response')[0]).toMatchObject({ text: '', metadata: null, output: [call] });
  });

  it('one the session learns of only at its response.done has the rows its deltas made removed', async () => {
    const h = await connected();
    const { start, done } = outOfBand('resp_oob', 'item_oob', 'billing');
    // Its response.created never arrived.
    h.emit(...start.slice(1), done);
    expect(h.session.getState().transcript.length).toBe(0);
    expect(h.take().filter((name) => name.startsWith('history_') || name === 'out_of_band_response').slice(-2)).toEqual([
      'history_removed',
      'out_of_band_response',
    ]);
    expect(ofType(h, 'out_of_band_response')[0]).toMatchObject({ text: 'billing', metadata: { topic: 'classify' } });
  });

  it('a response without conversation_id (older servers) is a conversation response', async () => {
    const h = await connected();
    h.emit(wire('response.created', { response: response('resp_1') }));
    expect(h.session.getState().responding).toBe(true);
    expect(h.take()).toEqual(['response_started']);
  });
});

describe('remote MCP calls', () => {
  // openai SDK realtime.d.ts: RealtimeMcpToolCall (no status; `error` is a protocol, tool
  // execution or HTTP error), ResponseMcpCallInProgress/Completed/Failed (item_id, output_index).
  const mcpItem = (extra: Record<string, unknown> = {}) => ({
    id: 'mcp_1',
    type: 'mcp_call',
    server_label: 'docs',
    name: 'search',
    arguments: '{"q":"idle"}',
    ...extra,
  });
  const progress = (type: string) => wire(type, { item_id: 'mcp_1', output_index: 0 });

  async function started(): Promise<Harness> {
    const h = await connected();
    h.emit(
      wire('response.created', { response: response('resp_1') }),
      wire('conversation.item.added', { previous_item_id: null, item: mcpItem({ arguments: '' }) }),
      wire('response.mcp_call_arguments.delta', { response_id: 'resp_1', item_id: 'mcp_1', output_index: 0, delta: '{"q":' }),
      wire('response.mcp_call_arguments.done', { response_id: 'resp_1', item_id: 'mcp_1', output_index: 0, arguments: '{"q":"idle"}' }),
      progress('response.mcp_call.in_progress'),
    );
    return h;
  }

  it('shows the call running with its arguments, then completed with its output', async () => {
    const h = await started();
    expect(row(h, 'mcp_1')).toMatchObject({ kind: 'tool_call', status: 'in_progress', tool: { name: 'search', arguments: '{"q":"idle"}', serverLabel: 'docs' } });
    h.emit(progress('response.mcp_call.completed'), wire('conversation.item.done', { item: mcpItem({ output: '3 results' }) }));
    expect(row(h, 'mcp_1')).toMatchObject({ status: 'completed', tool: { output: '3 results' } });
    expect(row(h, 'mcp_1')?.error).toBeUndefined();
  });

  it('shows a failed call as failed, with the error its item carries', async () => {
    const h = await started();
    h.emit(progress('response.mcp_call.failed'));
    expect(row(h, 'mcp_1')?.status).toBe('failed');

    const error = { type: 'http_error', code: 503, message: 'Service Unavailable' };
    h.emit(
      wire('conversation.item.done', { item: mcpItem({ output: null, error }) }),
      wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: mcpItem({ output: null, error }) }),
      wire('response.done', { response: response('resp_1', 'completed', { output: [mcpItem({ output: null, error })] }) }),
    );
    expect(row(h, 'mcp_1')).toMatchObject({
      status: 'failed',
      error: { source: 'server', code: 'http_error', message: 'Service Unavailable' },
    });
  });

  // The Realtime MCP guide: "On success, you'll later receive a response.output_item.done event
  // with item.type mcp_call; on failure, you'll receive response.mcp_call.failed". The progress
  // event ends the row first; the item that follows must still bring its output or error, with
  // no conversation.item.done after it.
  it('a call failed by its progress event takes the error of its response.output_item.done', async () => {
    const h = await started();
    h.emit(progress('response.mcp_call.failed'));
    expect(row(h, 'mcp_1')?.error?.code).toBe('mcp_call_failed');
    h.take();

    const error = { type: 'http_error', code: 503, message: 'Service Unavailable' };
    h.emit(wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: mcpItem({ output: null, error }) }));
    expect(row(h, 'mcp_1')).toMatchObject({ status: 'failed', error: { code: 'http_error', message: 'Service Unavailable' } });
    expect(h.take()).toEqual(['history_updated:mcp_1:tool_call:failed']);
  });

  it('a call completed by its progress event takes the output of its response.output_item.done', async () => {
    const h = await started();
    h.emit(progress('response.mcp_call.completed'));
    h.emit(wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: mcpItem({ output: '3 results', error: null }) }));
    expect(row(h, 'mcp_1')).toMatchObject({ status: 'completed', text: '3 results', tool: { output: '3 results' } });
    h.take();
    // The same item again (a GA server's conversation.item.done, a repeated done): nothing to announce.
    const before = h.session.getState().transcript;
    h.emit(wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: mcpItem({ output: '3 results', error: null }) }));
    expect(h.session.getState().transcript).toBe(before);
    expect(h.take()).toEqual([]);
  });

  it('an item with an error is a failed call even without the progress event', async () => {
    const h = await started();
    h.emit(wire('conversation.item.done', { item: mcpItem({ error: { type: 'tool_execution_error', message: 'No index' } }) }));
    expect(row(h, 'mcp_1')).toMatchObject({ status: 'failed', error: { code: 'tool_execution_error', message: 'No index' } });
  });
});

describe('a connection that ends settles what it left streaming', () => {
  async function midReply(): Promise<Harness> {
    const h = await connected();
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: { id: 'item_user', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Hi' }] } }),
      wire('response.created', { response: response('resp_1') }),
      wire('conversation.item.added', { previous_item_id: 'item_user', item: assistantItem('item_1') }),
      wire('response.output_audio_transcript.delta', { response_id: 'resp_1', item_id: 'item_1', output_index: 0, content_index: 0, delta: 'The highest' }),
    );
    h.take();
    return h;
  }

  it.each([
    ['the connection drops', (h: Harness) => h.transport.drop(new Error('Connection lost'))],
    ['the server closes it', (h: Harness) => h.transport.close()],
    ['the app disconnects', (h: Harness) => h.session.disconnect()],
  ])('%s: the reply is marked incomplete, keeping its text, and stays so after reconnecting', async (_case, end) => {
    const h = await midReply();
    end(h);
    expect(row(h, 'item_1')).toMatchObject({ status: 'incomplete', text: 'The highest' });
    expect(row(h, 'item_user')?.status).toBe('completed');
    expect(h.take()).toContain('history_updated:item_1:message:incomplete');

    await h.session.connect();
    expect(row(h, 'item_1')?.status).toBe('incomplete');
  });

  const userAudio = (id: string) => ({ id, object: 'realtime.item', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript: null }] });
  const transcriptionOn = { type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } } };

  it('a user message still waiting for its transcript ends incomplete (the transcript will never come)', async () => {
    const h = await connected();
    h.emit(
      wire('session.updated', { session: transcriptionOn }),
      wire('conversation.item.added', { previous_item_id: null, item: userAudio('item_u1') }),
      wire('conversation.item.done', { previous_item_id: null, item: userAudio('item_u1') }),
      wire('conversation.item.added', { previous_item_id: 'item_u1', item: userAudio('item_u2') }),
      wire('conversation.item.input_audio_transcription.completed', { item_id: 'item_u2', content_index: 0, transcript: 'Hello' }),
    );
    h.take();
    h.transport.drop(new Error('Connection lost'));
    expect(row(h, 'item_u1')).toMatchObject({ status: 'incomplete', text: '' });
    expect(row(h, 'item_u2')).toMatchObject({ status: 'completed', text: 'Hello' });
    expect(h.take()).toContain('history_updated:item_u1:message:incomplete');
  });

  it('with input transcription off, a user message without text was never waiting: it stays completed', async () => {
    const h = await connected();
    h.emit(
      wire('session.updated', { session: { type: 'realtime', audio: { input: { transcription: null } } } }),
      wire('conversation.item.done', { previous_item_id: null, item: userAudio('item_u1') }),
    );
    h.transport.drop(new Error('Connection lost'));
    expect(row(h, 'item_u1')?.status).toBe('completed');
  });

  it('forgets out-of-band responses the connection was running', async () => {
    const h = await connected();
    h.emit(wire('response.created', { response: { ...response('resp_oob'), conversation_id: null } }));
    h.transport.drop(new Error('Connection lost'));
    await h.session.connect();
    // The same id on the new connection (a mock or emulator restarts its ids) is a conversation
    // response: its text is the conversation's.
    h.emit(
      wire('response.created', { response: response('resp_oob') }),
      wire('response.output_text.delta', { response_id: 'resp_oob', item_id: 'item_2', output_index: 0, content_index: 0, delta: 'Hi' }),
    );
    expect(row(h, 'item_2')?.text).toBe('Hi');
  });
});

describe('sessions of other official endpoints', () => {
  it('a translation session.updated is passed on raw, is no error, and leaves state.session alone', async () => {
    const h = setup();
    await h.session.connect();
    const realtime = { type: 'realtime', id: 'sess_1', model: 'gpt-realtime', output_modalities: ['audio'] };
    h.emit(wire('session.created', { session: realtime }));
    const before = h.session.getState().session;
    h.take();
    // openai SDK realtime.d.ts: RealtimeTranslationSessionUpdatedEvent, session.type "translation".
    const translation = { type: 'translation', id: 'sess_2', model: 'gpt-realtime-translate', expires_at: 1763986800, audio: { output: { language: 'fr' } } };
    h.emit(wire('session.updated', { session: translation }));

    expect(h.session.getState().session).toBe(before);
    expect(h.take({ raw: true })).toEqual(['server_event:session.updated']);
    expect(h.events.at(-1)).toMatchObject({ type: 'server_event', known: false, event: { session: translation } });
  });
});
