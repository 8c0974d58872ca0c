import { describe as group, expect, it, vi } from 'vitest';
import type { McpApprovalRequest } from '../../../../src/core/session/index.ts';
import { response, setup, wire, type Harness } from '../helpers.ts';

const requestItem = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  object: 'realtime.item',
  type: 'mcp_approval_request',
  server_label: 'github',
  name: 'delete_branch',
  arguments: '{"branch":"old"}',
  ...fields,
});

const answerItem = (requestId: string, approve = true) => ({
  id: `mcpa_${requestId}`,
  object: 'realtime.item',
  type: 'mcp_approval_response',
  approval_request_id: requestId,
  approve,
});

const pending = (id: string, fields: Partial<McpApprovalRequest> = {}): McpApprovalRequest => ({
  id,
  serverLabel: 'github',
  name: 'delete_branch',
  arguments: '{"branch":"old"}',
  ...fields,
});

/** A GA server's events for one approval request: item added and done, then the response's output item. */
function requestEvents(id: string, previous = 'item_0') {
  return [
    wire('conversation.item.added', { previous_item_id: previous, item: requestItem(id) }),
    wire('conversation.item.done', { previous_item_id: previous, item: requestItem(id) }),
    wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: requestItem(id) }),
  ];
}

async function connected(): Promise<Harness> {
  const h = setup();
  await h.session.connect();
  h.take();
  return h;
}

const ids = (h: Harness) => h.session.getState().approvals.map((request) => request.id);
const approvalEvents = (h: Harness) => h.events.filter((event) => event.type === 'approval_requested');

group('approval requests become pending', () => {
  it('one request from item.added, item.done and output_item.done: pending once, one event', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    expect(h.session.getState().approvals).toEqual([pending('mcpr_1')]);
    expect(approvalEvents(h)).toEqual([{ type: 'approval_requested', request: pending('mcpr_1') }]);
    // The request is not a transcript row.
    expect(h.session.getState().transcript.items).toEqual([]);
  });

  it('the event is emitted after the state holds the request', async () => {
    const h = await connected();
    const seen: string[][] = [];
    h.session.on('approval_requested', () => seen.push(ids(h)));
    h.emit(...requestEvents('mcpr_1'));
    expect(seen).toEqual([['mcpr_1']]);
  });

  it("a beta server's response.output_item.done alone makes it pending", async () => {
    const h = await connected();
    h.emit(wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: requestItem('mcpr_beta') }));
    expect(ids(h)).toEqual(['mcpr_beta']);
    expect(approvalEvents(h)).toHaveLength(1);
  });

  it('several requests: oldest first', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'), ...requestEvents('mcpr_2', 'mcpr_1'), ...requestEvents('mcpr_3', 'mcpr_2'));
    expect(ids(h)).toEqual(['mcpr_1', 'mcpr_2', 'mcpr_3']);
    expect(approvalEvents(h).map((event) => event.type === 'approval_requested' && event.request.id)).toEqual([
      'mcpr_1',
      'mcpr_2',
      'mcpr_3',
    ]);
  });

  it('keeps the arguments as the text the server sent, hostile or huge, and fills missing fields with ""', async () => {
    const h = await connected();
    const hostile = '{"html":"<img src=x onerror=alert(1)>"}';
    const huge = JSON.stringify({ rows: Array.from({ length: 5000 }, (_, i) => `row ${i}`) });
    h.emit(
      wire('conversation.item.done', { item: requestItem('mcpr_hostile', { arguments: hostile }) }),
      wire('conversation.item.done', { item: requestItem('mcpr_huge', { arguments: huge }) }),
      wire('conversation.item.done', { item: { id: 'mcpr_bare', type: 'mcp_approval_request' } }),
    );
    expect(h.session.getState().approvals).toEqual([
      pending('mcpr_hostile', { arguments: hostile }),
      pending('mcpr_huge', { arguments: huge }),
      { id: 'mcpr_bare', serverLabel: '', name: '', arguments: '' },
    ]);
  });

  it('an item without an id is ignored', async () => {
    const h = await connected();
    h.emit(wire('conversation.item.done', { item: { type: 'mcp_approval_request', server_label: 'x', name: 'y', arguments: '{}' } }));
    expect(h.session.getState().approvals).toEqual([]);
    expect(approvalEvents(h)).toEqual([]);
  });

  it('the list keeps its identity while other things change', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    const before = h.session.getState().approvals;
    h.emit(
      wire('response.created', { response: response('resp_2') }),
      wire('conversation.item.added', {
        previous_item_id: 'mcpr_1',
        item: { id: 'item_a', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
      }),
      wire('response.output_audio_transcript.delta', { response_id: 'resp_2', item_id: 'item_a', output_index: 0, content_index: 0, delta: 'Hi' }),
      wire('conversation.item.deleted', { item_id: 'item_a' }),
    );
    expect(h.session.getState().approvals).toBe(before);
  });
});

group('respondToApproval', () => {
  it('sends one mcp_approval_response item, with the reason when given, and the request leaves the state', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'), ...requestEvents('mcpr_2', 'mcpr_1'));
    h.session.respondToApproval('mcpr_2', false, 'Not that branch');
    h.session.respondToApproval('mcpr_1', true);
    expect(h.transport.sent).toEqual([
      {
        type: 'conversation.item.create',
        item: { type: 'mcp_approval_response', approval_request_id: 'mcpr_2', approve: false, reason: 'Not that branch' },
      },
      { type: 'conversation.item.create', item: { type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: true } },
    ]);
    expect(h.session.getState().approvals).toEqual([]);
    expect(h.take().filter((name) => name.startsWith('error'))).toEqual([]);
  });

  it('asks for no response.create, during the response or after it: the server goes on by itself', async () => {
    const h = await connected();
    h.emit(wire('response.created', { response: response('resp_1') }), ...requestEvents('mcpr_1'));
    h.session.respondToApproval('mcpr_1', true);
    h.emit(wire('response.done', { response: response('resp_1', 'completed') }));
    h.emit(...requestEvents('mcpr_2'));
    h.session.respondToApproval('mcpr_2', true);
    expect(h.transport.sentOfType('response.create')).toEqual([]);
    expect(h.transport.sentOfType('conversation.item.create')).toHaveLength(2);
  });

  it('leaves text sent during the response waiting for its done, as before', async () => {
    const h = await connected();
    h.emit(wire('response.created', { response: response('resp_1') }), ...requestEvents('mcpr_1'));
    h.session.sendText('Also, list my repos');
    h.session.respondToApproval('mcpr_1', true);
    expect(h.transport.sentOfType('response.create')).toEqual([]);
    h.emit(wire('response.done', { response: response('resp_1', 'completed') }));
    expect(h.transport.sentOfType('response.create')).toHaveLength(1);
  });

  it('the late events of an answered request do not bring it back', async () => {
    const h = await connected();
    h.emit(wire('conversation.item.added', { item: requestItem('mcpr_1') }));
    h.session.respondToApproval('mcpr_1', true);
    h.emit(
      wire('conversation.item.done', { item: requestItem('mcpr_1') }),
      wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: requestItem('mcpr_1') }),
      // The server's echo of our answer.
      wire('conversation.item.added', { previous_item_id: 'mcpr_1', item: answerItem('mcpr_1') }),
      wire('conversation.item.retrieved', { item: requestItem('mcpr_1') }),
    );
    expect(h.session.getState().approvals).toEqual([]);
    expect(approvalEvents(h)).toHaveLength(1);
  });

  it('an unknown id: an error event, nothing sent', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    h.session.respondToApproval('mcpr_nope', true);
    expect(h.take()).toContain('error:config:unknown_approval');
    expect(h.transport.sent).toEqual([]);
    expect(ids(h)).toEqual(['mcpr_1']);
  });

  it('answering twice sends once; the second is an unknown id', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    h.session.respondToApproval('mcpr_1', true);
    h.take();
    h.session.respondToApproval('mcpr_1', false);
    expect(h.take()).toEqual(['error:config:unknown_approval']);
    expect(h.transport.sent).toHaveLength(1);
  });

  it.each([
    ['approve is not a boolean', 'yes', undefined],
    ['approve is missing', undefined, undefined],
    ['reason is not a string', true, { text: 'why' }],
    ['reason is null', false, null],
  ])('%s: a clear error, nothing sent, the request stays', async (_name, approve, reason) => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    // Plain JavaScript callers can pass anything.
    (h.session.respondToApproval as (id: unknown, approve: unknown, reason?: unknown) => void)('mcpr_1', approve, reason);
    const error = h.events.find((event) => event.type === 'error');
    expect(error).toMatchObject({ error: { source: 'config', code: 'invalid_approval', message: expect.stringMatching(/approve.*boolean.*reason.*string/) } });
    expect(h.transport.sent).toEqual([]);
    expect(ids(h)).toEqual(['mcpr_1']);
  });

  it('a failing send: reported, the request stays pending, and answering again works', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    const send = vi.spyOn(h.transport, 'send').mockImplementationOnce(() => {
      throw new Error('channel closing');
    });
    h.session.respondToApproval('mcpr_1', true);
    expect(h.take()).toContain('error:transport:send_failed');
    expect(ids(h)).toEqual(['mcpr_1']);
    h.session.respondToApproval('mcpr_1', true);
    expect(send).toHaveBeenCalledTimes(2);
    expect(ids(h)).toEqual([]);
  });

  it('on a disconnected session: reported (its requests ended with the connection), nothing sent', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    h.session.disconnect();
    h.take();
    h.session.respondToApproval('mcpr_1', true);
    expect(h.take()).toEqual(['error:config:unknown_approval']);
    expect(h.transport.sent).toEqual([]);
  });

  it('counts as the user being there: the idle count goes back to 0', async () => {
    const h = setup({ idle: { timeoutMs: 5000 } });
    await h.session.connect();
    h.emit(...requestEvents('mcpr_1'));
    h.emit(wire('input_audio_buffer.timeout_triggered', { audio_start_ms: 0, audio_end_ms: 5000, item_id: 'item_silent' }));
    expect(h.session.getState().idle.timeouts).toBe(1);
    h.session.respondToApproval('mcpr_1', true);
    expect(h.session.getState().idle.timeouts).toBe(0);
  });
});

group('requests settled elsewhere', () => {
  it('an mcp_approval_response from the server (another tab) settles its request for good', async () => {
    const h = await connected();
    h.emit(wire('conversation.item.added', { item: requestItem('mcpr_1') }), ...requestEvents('mcpr_2', 'mcpr_1'));
    h.emit(wire('conversation.item.added', { previous_item_id: 'mcpr_1', item: answerItem('mcpr_1', false) }));
    expect(ids(h)).toEqual(['mcpr_2']);
    // Its request's own late events do not reopen it.
    h.emit(wire('conversation.item.done', { item: requestItem('mcpr_1') }));
    expect(ids(h)).toEqual(['mcpr_2']);
    expect(h.transport.sent).toEqual([]);
  });

  it('a deleted request item leaves', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'), ...requestEvents('mcpr_2', 'mcpr_1'));
    h.emit(wire('conversation.item.deleted', { item_id: 'mcpr_1' }));
    expect(ids(h)).toEqual(['mcpr_2']);
  });

  it('a disconnect ends them all; the next connection starts with none, and may reuse ids', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    h.session.disconnect();
    expect(h.session.getState().approvals).toEqual([]);
    await h.session.connect();
    expect(h.session.getState().approvals).toEqual([]);
    // A replayed scenario (mock transport, emulator) reuses its ids on the new connection.
    h.emit(...requestEvents('mcpr_1'));
    expect(ids(h)).toEqual(['mcpr_1']);
  });

  it('a lost connection ends them too', async () => {
    const h = await connected();
    h.emit(...requestEvents('mcpr_1'));
    h.transport.drop(new Error('network down'));
    expect(h.session.getState()).toMatchObject({ status: 'error', approvals: [] });
  });

  it('a disconnect with none pending keeps the same empty list', async () => {
    const h = await connected();
    const before = h.session.getState().approvals;
    h.session.disconnect();
    expect(h.session.getState().approvals).toBe(before);
  });
});
