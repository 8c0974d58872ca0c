/**
 * Server event streams that nobody here wrote (real captures and the API reference's own
 * examples, test/fixtures/captures, sources in test/fixtures/README.md), replayed into a real
 * session: the transcript and events each one must produce, per PROTOCOL.md's "Facts that real
 * streams taught".
 */
import { describe, expect, it } from 'vitest';
import type { RealtimeSession, TranscriptItem } from '../../../src/core/session/index.ts';
import { CAPTURES, errorsOf, expectedTexts, loadCapture, replayCapture, type WireEvent } from './replayCapture.ts';

const rows = (session: RealtimeSession) => session.getState().transcript.items;
const streaming = (items: readonly TranscriptItem[]) => items.filter((item) => item.status === 'in_progress').map((item) => item.id);

describe('every capture', () => {
  it.each(CAPTURES)('%s: official events are never reported as bad protocol data', async (name) => {
    const { events } = await replayCapture(name);
    expect(errorsOf(events, 'protocol')).toEqual([]);
  });

  it.each(CAPTURES)('%s: each row shows the text the server sent (its deltas joined, or its final text)', async (name) => {
    const { session, wire } = await replayCapture(name);
    const texts = expectedTexts(wire);
    for (const row of rows(session)) {
      const expected = texts.get(row.id);
      if (expected !== undefined) expect({ id: row.id, text: row.text }).toEqual({ id: row.id, text: expected });
    }
  });
});

describe('beta protocol: no conversation.item.done ever comes', () => {
  it('a beta text response completes its row with response.output_item.done and response.done', async () => {
    const { session, wire, events } = await replayCapture('beta-text-response');
    const final = wire.find((event) => event.type === 'response.text.done')!.text as string;

    expect(wire.some((event) => event.type === 'conversation.item.done')).toBe(false);
    expect(rows(session).map(({ role, kind, text, status }) => ({ role, kind, text, status }))).toEqual([
      { role: 'assistant', kind: 'message', text: final, status: 'completed' },
    ]);
    expect(session.getState().responding).toBe(false);
    expect(events.filter((event) => event.type === 'response_done')).toEqual([
      { type: 'response_done', responseId: 'resp_C1PSbsyhar4EpjNZg9fkB', status: 'completed' },
    ]);
  });

  it('a failed beta response ends the response and leaves nothing streaming', async () => {
    const { session, events } = await replayCapture('beta-response-failed');
    expect(events.filter((event) => event.type === 'response_done')).toEqual([
      { type: 'response_done', responseId: 'resp_BOrBQn1Zb2VRv8n6x8tYM', status: 'failed' },
    ]);
    expect(session.getState().responding).toBe(false);
    expect(session.getState().userSpeaking).toBe(false);
    expect(streaming(rows(session))).toEqual([]);
  });
});

describe('a GA call cut off mid-reply (gpt-realtime over SIP)', () => {
  it('builds the conversation in order, with the text streamed so far', async () => {
    const { session } = await replayCapture('ga-sip-call-cut-off');
    expect(rows(session).map(({ id, role, text }) => ({ id, role, text }))).toEqual([
      { id: 'item_Ct1OXLqYLre7VW2Bz9Eoy', role: 'user', text: '' },
      { id: 'item_Ct1OZd4ZkrcbhoRueeC2O', role: 'assistant', text: 'Sure' },
      { id: 'item_Ct1OhVepyDFpDovHrgmNp', role: 'user', text: '' },
      { id: 'item_Ct1OkNEvGW5s0xZERnV95', role: 'assistant', text: 'The highest' },
    ]);
    const state = session.getState();
    expect(state.session).toMatchObject({ model: 'gpt-realtime', instructions: 'You are a polite AI assistant on a phone call. Keep answers short.' });
    expect(state.responding).toBe(true);
  });

  it('a dropped connection settles every row it left streaming, keeping their text', async () => {
    const { session, transport } = await replayCapture('ga-sip-call-cut-off');
    transport.drop(new Error('Connection lost'));

    expect(session.getState().status).toBe('error');
    expect(streaming(rows(session))).toEqual([]);
    expect(session.getState().transcript.get('item_Ct1OkNEvGW5s0xZERnV95')?.text).toBe('The highest');
  });

  it('hanging up settles every row it left streaming too', async () => {
    const { session } = await replayCapture('ga-sip-call-cut-off');
    session.disconnect();

    expect(session.getState().status).toBe('disconnected');
    expect(streaming(rows(session))).toEqual([]);
  });
});

describe('events the kit does not model are never errors', () => {
  it('transcription_session.created/updated pass through, raw, with no error', async () => {
    const { session, events, wire } = await replayCapture('transcription-session');
    expect(errorsOf(events)).toEqual([]);
    const raw = events.flatMap((event) => (event.type === 'server_event' ? [event.event] : []));
    expect(raw).toEqual(wire);
    expect(session.getState()).toMatchObject({ status: 'connected', error: null });
    expect(rows(session)).toEqual([]);
  });

  it.each([
    ['session.model', 'session.updated'],
    ['item.status', 'conversation.item.added'],
    ['rate_limits[].name', 'rate_limits.updated'],
    ['part.text', 'response.content_part.added'],
  ])('%s: null is accepted, as the official types accept it (%s)', async (_field, type) => {
    const { events } = await replayCapture('spec-nullable-fields');
    const rejected = errorsOf(events, 'protocol').filter((error) => (error.cause as WireEvent | undefined)?.type === type);
    expect(rejected).toEqual([]);
  });

  it('the session and the user message of the nullable examples reach the state', async () => {
    const { session } = await replayCapture('spec-nullable-fields');
    expect(session.getState().session).toMatchObject({ id: 'sess_C9G8l3zp50uFv4qgxfJ8o' });
    expect(rows(session).map(({ id, role, text }) => ({ id, role, text }))).toEqual([
      { id: 'item_C9G8pGVKYnaZu8PH5YQ9O', role: 'user', text: 'hi' },
    ]);
  });
});

describe('official examples', () => {
  it('the idle timeout surfaces with every field of the wire event', async () => {
    const { session, events } = await replayCapture('spec-idle-timeout', { idle: { timeoutMs: 8000, clientFallback: 'never' } });
    const timeouts = events.filter((event) => event.type === 'input_audio_timeout_triggered');
    expect(timeouts).toEqual([
      {
        type: 'input_audio_timeout_triggered',
        itemId: 'item_CEKKrWH0GiwN0ET97NUZc',
        audioStartMs: 13216,
        audioEndMs: 19232,
        idleMs: 19232 - 13216,
        source: 'server',
        count: 1,
        eventId: 'event_CEKKrf1KTGvemCPyiJTJ2',
      },
    ]);
    expect(session.getState().idle).toMatchObject({ timeouts: 1, last: timeouts[0] });
  });

  it('the server error surfaces as a server error and the session stays connected', async () => {
    const { session, events } = await replayCapture('spec-error');
    const expected = { source: 'server', code: 'invalid_event', message: "The 'type' field is missing." };
    expect(errorsOf(events)).toEqual([expect.objectContaining(expected)]);
    expect(session.getState()).toMatchObject({ status: 'connected', error: expected });
  });
});

describe('out-of-band responses (response.conversation "none")', () => {
  it('never become transcript rows', async () => {
    const { session, events } = await replayCapture('spec-out-of-band');
    expect(rows(session)).toEqual([]);
    expect(events.filter((event) => event.type === 'history_added' || event.type === 'history_updated')).toEqual([]);
    expect(session.getState().responding).toBe(false);
  });

  it('their events still reach the app raw, with the metadata that tells them apart', async () => {
    const { events } = await replayCapture('spec-out-of-band');
    const raw = events.flatMap((event) => (event.type === 'server_event' ? [event.event as WireEvent] : []));
    const done = raw.find((event) => event.type === 'response.done') as { response?: { metadata?: unknown } } | undefined;
    expect(done?.response?.metadata).toEqual({ topic: 'classification' });
    expect(raw.find((event) => event.type === 'response.output_text.done')).toMatchObject({ text: 'Sure, I can help with that.' });
  });
});

describe('a remote MCP call that fails', () => {
  it('shows running, then failed with its error; the tool list is not a row', async () => {
    const statusAfter: Record<string, string | undefined> = {};
    const { session } = await replayCapture('spec-mcp-call-failed', {
      afterEach: (event, current) => {
        statusAfter[event.type] = current.getState().transcript.get('mcp_call_001')?.status;
      },
    });
    expect(statusAfter['response.mcp_call.in_progress']).toBe('in_progress');
    expect(statusAfter['response.mcp_call.failed']).toBe('failed');

    expect(rows(session)).toHaveLength(1);
    const row = rows(session)[0]!;
    expect(row).toMatchObject({
      id: 'mcp_call_001',
      role: 'assistant',
      kind: 'tool_call',
      status: 'failed',
      tool: { name: 'search', arguments: '{"q":"docs"}' },
    });
    expect(row.error).toMatchObject({ message: 'Service Unavailable' });
  });

  it('the failed call stays failed after its item and response are done', async () => {
    const { session, wire } = await replayCapture('spec-mcp-call-failed');
    expect(wire.at(-1)?.type).toBe('response.done');
    expect(session.getState().transcript.get('mcp_call_001')?.status).toBe('failed');
    expect(session.getState().responding).toBe(false);
  });
});

describe('the captures themselves', () => {
  it.each(CAPTURES)('%s: every line is a server event with a type', (name) => {
    const wire = loadCapture(name);
    expect(wire.length).toBeGreaterThan(0);
    for (const event of wire) expect(typeof event.type).toBe('string');
  });
});
