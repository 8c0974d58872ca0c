import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../src/core/protocol/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { isWaitStep, play, scenario } from '../../src/testing/scenario/index.ts';

async function setup() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  await transport.connect({ signal: new AbortController().signal });
  const received: { type: string; [key: string]: unknown }[] = [];
  transport.on('message', (data) => received.push(JSON.parse(data as string)));
  const answer = (approvalRequestId: string, approve: boolean, reason?: string) =>
    transport.send({
      type: 'conversation.item.create',
      item: { type: 'mcp_approval_response', approval_request_id: approvalRequestId, approve, ...(reason ? { reason } : {}) },
    } as ClientEvent);
  const types = () => received.map((event) => event.type);
  const transcript = () => received.filter((event) => event.type === 'response.output_audio_transcript.done').map((event) => event.transcript);
  return { clock, transport, received, answer, types, transcript };
}

const booking = (options: { error?: { message: string } } = {}) =>
  scenario({ audio: 'placeholder' })
    .userSays('Book the dentist for Friday.')
    .mcpApprovalRequest({
      serverLabel: 'calendar',
      name: 'create_event',
      arguments: { title: 'Dentist', day: 'Friday' },
      output: '{"id":"evt_42"}',
      ...options,
      onApproved: (output) => (options.error ? `Sorry: ${output}` : `Booked as ${JSON.parse(output).id}.`),
      onDenied: (reason) => `Okay, not booking it${reason ? ` (${reason})` : ''}.`,
    })
    .build();

function approvalIdOf(received: { type: string; [key: string]: unknown }[]): string {
  const added = received.find((event) => event.type === 'conversation.item.added' && (event.item as { type: string }).type === 'mcp_approval_request');
  return (added!.item as { id: string }).id;
}

describe('scenario MCP approval requests', () => {
  it('sends the request as the API does: a response whose output is the mcp_approval_request item, then waits', async () => {
    const { clock, transport, received, types } = await setup();
    const timeline = booking();
    const wait = timeline.find(isWaitStep);
    expect(wait?.wait).toMatchObject({ kind: 'approval', serverLabel: 'calendar', name: 'create_event' });
    play(timeline, { transport, clock });
    clock.advance(60_000);
    const fromRequest = types().slice(types().lastIndexOf('response.created')).filter((type) => !type.startsWith('conversation.item.input_audio_transcription'));
    expect(fromRequest).toEqual(['response.created', 'response.output_item.added', 'conversation.item.added', 'conversation.item.done', 'response.output_item.done', 'response.done']);
    const done = received.filter((event) => event.type === 'response.done').at(-1) as unknown as { response: { output: { type: string; server_label: string; name: string; arguments: string }[] } };
    expect(done.response.output).toEqual([
      expect.objectContaining({ type: 'mcp_approval_request', server_label: 'calendar', name: 'create_event', arguments: '{"title":"Dentist","day":"Friday"}' }),
    ]);
    const heard = received.length;
    clock.advance(600_000);
    expect(received).toHaveLength(heard); // paused until answered
  });

  it('approved: goes on by itself (no response.create) with the mcp_call and the follow-up in one response', async () => {
    const { clock, transport, received, answer, types, transcript } = await setup();
    play(booking(), { transport, clock });
    clock.advance(60_000);
    const paused = types().length;
    answer(approvalIdOf(received), true);
    clock.advance(60_000);
    const after = types().slice(paused);
    expect(after.slice(0, 9)).toEqual([
      'response.created',
      'response.output_item.added',
      'conversation.item.added',
      'response.mcp_call_arguments.delta',
      'response.mcp_call_arguments.delta',
      'response.mcp_call_arguments.done',
      'response.mcp_call.in_progress',
      'response.mcp_call.completed',
      'conversation.item.done',
    ]);
    expect(after.filter((type) => type === 'response.created')).toHaveLength(1);
    const callDone = received.slice(paused).find((event) => event.type === 'conversation.item.done')!.item as Record<string, unknown>;
    expect(callDone).toMatchObject({ type: 'mcp_call', output: '{"id":"evt_42"}', error: null, approval_request_id: approvalIdOf(received) });
    expect(transcript()).toEqual(['Booked as evt_42.']);
    const responseDone = received.filter((event) => event.type === 'response.done').at(-1) as unknown as { response: { output: { type: string }[] } };
    expect(responseDone.response.output.map((item) => item.type)).toEqual(['mcp_call', 'message']);
    expect(transport.sentOfType('response.create')).toHaveLength(0);
  });

  it('approved but the MCP server fails: response.mcp_call.failed, the item carries the error', async () => {
    const { clock, transport, received, answer, types, transcript } = await setup();
    play(booking({ error: { message: 'Calendar is read-only' } }), { transport, clock });
    clock.advance(60_000);
    answer(approvalIdOf(received), true);
    clock.advance(60_000);
    expect(types()).toContain('response.mcp_call.failed');
    expect(types()).not.toContain('response.mcp_call.completed');
    const item = received.filter((event) => event.type === 'conversation.item.done').at(-2)!.item as Record<string, unknown>;
    expect(item).toMatchObject({ type: 'mcp_call', output: null, error: { type: 'mcp_tool_execution_error', message: 'Calendar is read-only' } });
    expect(transcript()).toEqual(['Sorry: Calendar is read-only']);
  });

  it('denied: no mcp_call, the onDenied answer (with the reason)', async () => {
    const { clock, transport, received, answer, types, transcript } = await setup();
    play(booking(), { transport, clock });
    clock.advance(60_000);
    answer(approvalIdOf(received), false, 'not now');
    clock.advance(60_000);
    expect(types().some((type) => type.startsWith('response.mcp_call'))).toBe(false);
    expect(received.some((event) => (event.item as { type?: string } | undefined)?.type === 'mcp_call')).toBe(false);
    expect(transcript()).toEqual(['Okay, not booking it (not now).']);
  });

  it('an answer for another request does not resume it; a disconnect while waiting ends the playback', async () => {
    const { clock, transport, answer, types } = await setup();
    const { done } = play(booking(), { transport, clock });
    clock.advance(60_000);
    const paused = types().length;
    answer('mcpr_someone_else', true);
    clock.advance(60_000);
    expect(types()).toHaveLength(paused);
    transport.drop(new Error('gone'));
    await expect(done).resolves.toMatchObject({ unanswered: { kind: 'approval', name: 'create_event' } });
  });
});
