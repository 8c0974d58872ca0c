import { describe, expect, test } from 'vitest';
import { assistantAnswer, idleTimeout, itemRetrieved, userSpeaks } from '../fixtures/agentsSdk.ts';
import { connectAgentsHarness, settle } from './agentsHarness.ts';

describe('server events through the Agents SDK reach the kit', () => {
  test('every raw server event the SDK transport sees becomes a kit wire event, in order', async () => {
    const h = await connectAgentsHarness();
    const sdkSaw: string[] = [];
    h.sdkTransport.on('*', (event: { type: string }) => sdkSaw.push(event.type));
    const raw: string[] = [];
    h.session.on('*', (event) => {
      if (event.type === 'server_event') raw.push(event.event.type);
    });
    for (const event of assistantAnswer('resp_1', 'item_a1', null, ['Hel', 'lo', ' there.'])) h.socket.serverSends(event);
    await settle();
    expect(sdkSaw.length).toBeGreaterThan(5);
    expect(raw).toEqual(sdkSaw);
  });

  test('the assistant transcript streams into state.transcript', async () => {
    const h = await connectAgentsHarness();
    const answer = assistantAnswer('resp_1', 'item_a1', null, ['Hel', 'lo', ' there.']);
    for (const event of answer.slice(0, 5)) h.socket.serverSends(event);
    await settle();
    expect(h.session.getState().transcript.at(-1)).toMatchObject({ id: 'item_a1', role: 'assistant', text: 'Hel' });
    for (const event of answer.slice(5)) h.socket.serverSends(event);
    await settle();
    const rows = h.session.getState().transcript.items.filter((row) => row.id === 'item_a1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'assistant', text: 'Hello there.', status: 'completed' });
  });

  test("a user's spoken turn: one row with its transcript, also after the item the SDK retrieves for itself", async () => {
    const h = await connectAgentsHarness();
    for (const event of userSpeaks('item_u1', null, 'What is my balance?')) h.socket.serverSends(event);
    await settle();
    // The SDK asks the server for the finished item; the server's answer reaches the kit as well.
    expect(h.socket.sentOfType('conversation.item.retrieve')).toEqual([expect.objectContaining({ item_id: 'item_u1' })]);
    h.socket.serverSends(itemRetrieved('item_u1', 'What is my balance?'));
    await settle();
    const rows = h.session.getState().transcript.items.filter((row) => row.id === 'item_u1');
    expect(rows).toEqual([expect.objectContaining({ role: 'user', text: 'What is my balance?', status: 'completed' })]);
    expect(h.agentSession.history.map((item) => item.itemId)).toContain('item_u1');
  });

  test("the server's input_audio_buffer.timeout_triggered becomes input_audio_timeout_triggered with source 'server'", async () => {
    const h = await connectAgentsHarness({ kit: { idle: { timeoutMs: 8000 } } });
    for (const event of idleTimeout('item_silent', null)) h.socket.serverSends(event);
    await settle();
    const timeouts = h.events.filter((event) => event.type === 'input_audio_timeout_triggered');
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]).toMatchObject({ source: 'server', itemId: 'item_silent', audioStartMs: 13216, audioEndMs: 19232, idleMs: 6016, count: 1 });
    expect(h.session.getState().idle.timeouts).toBe(1);
    // The silent item is an idle marker, not an empty user bubble.
    expect(h.session.getState().transcript.get('item_silent')).toMatchObject({ kind: 'idle_timeout', idle: { source: 'server' } });
  });

  test('an unknown or malformed event crashes nothing and leaves the transcript as it was', async () => {
    const h = await connectAgentsHarness();
    for (const event of assistantAnswer('resp_1', 'item_a1', null, ['Fine.'])) h.socket.serverSends(event);
    await settle();
    const before = h.session.getState().transcript;
    h.socket.serverSends('{not json');
    h.socket.serverSends({ type: 'brand_new.event_kind', event_id: 'event_x', whatever: [1, 2] });
    h.socket.serverSends({ type: 'response.output_audio_transcript.delta', event_id: 'event_bad', delta: 42 });
    h.socket.serverSends({ type: 'conversation.item.added', event_id: 'event_bad2', item: null });
    h.socket.serverSends('null');
    await settle();
    expect(h.session.getState().status).toBe('connected');
    expect(h.session.getState().transcript.items).toEqual(before.items);
    expect(h.session.getState().transcript.version).toBe(before.version);
    // The SDK session is still alive too: a later answer streams.
    for (const event of assistantAnswer('resp_2', 'item_a2', 'item_a1', ['Still ', 'here.'])) h.socket.serverSends(event);
    await settle();
    expect(h.session.getState().transcript.at(-1)).toMatchObject({ id: 'item_a2', text: 'Still here.' });
  });
});
