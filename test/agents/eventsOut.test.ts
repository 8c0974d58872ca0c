import { describe, expect, test } from 'vitest';
import { assistantAnswer } from '../fixtures/agentsSdk.ts';
import { createAgentsHarness, settle, turnDetectionOf } from './agentsHarness.ts';

async function connected(options: Parameters<typeof createAgentsHarness>[0] = {}) {
  const harness = createAgentsHarness(options);
  await harness.session.connect();
  await settle();
  return harness;
}

/** The client events written after `from`. */
const since = (h: Awaited<ReturnType<typeof connected>>, from: number) => h.socket.sent.slice(from);

describe("the kit's client events go out through the SDK's transport", () => {
  test('sendText: the user message, then exactly one response.create', async () => {
    const h = await connected();
    const mark = h.socket.sent.length;
    h.session.sendText('Book a table.');
    await settle();
    const out = since(h, mark);
    expect(out.map((event) => event.type)).toEqual(['conversation.item.create', 'response.create']);
    expect(out[0]).toMatchObject({ item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Book a table.' }] } });
  });

  test("a text sent while a response runs: its response.create waits for response.done and is neither swallowed nor doubled by the SDK's sequencer", async () => {
    const h = await connected();
    const answer = assistantAnswer('resp_1', 'item_a1', null, ['One ', 'moment.']);
    h.socket.serverSends(answer[0]!); // response.created
    await settle();
    const mark = h.socket.sent.length;
    h.session.sendText('And a second thing.');
    h.session.sendText('And a third.');
    await settle();
    expect(since(h, mark).map((event) => event.type)).toEqual(['conversation.item.create', 'conversation.item.create']);
    for (const event of answer.slice(1)) h.socket.serverSends(event);
    await settle();
    expect(since(h, mark).filter((event) => event.type === 'response.create')).toHaveLength(1);
    // The server starts that response; nothing else is asked for afterwards.
    for (const event of assistantAnswer('resp_2', 'item_a2', 'item_a1', ['Sure.'])) h.socket.serverSends(event);
    await settle();
    expect(since(h, mark).filter((event) => event.type === 'response.create')).toHaveLength(1);
  });

  test('interrupt while the assistant speaks: response.cancel and a truncate of the audio item', async () => {
    const h = await connected();
    const answer = assistantAnswer('resp_1', 'item_a1', null, ['A long ', 'answer']);
    const at = { response_id: 'resp_1', item_id: 'item_a1', output_index: 0, content_index: 0 };
    for (const event of answer.slice(0, 5)) h.socket.serverSends(event);
    h.socket.serverSends({ type: 'response.output_audio.delta', event_id: 'event_audio_1', ...at, delta: Buffer.alloc(4800).toString('base64') });
    await settle();
    const mark = h.socket.sent.length;
    h.session.interrupt();
    await settle();
    const out = since(h, mark);
    expect(out.filter((event) => event.type === 'response.cancel')).toHaveLength(1);
    expect(out.find((event) => event.type === 'conversation.item.truncate')).toMatchObject({ item_id: 'item_a1', content_index: 0 });
  });

  test('interrupt while a response runs with no audio yet (or text only): response.cancel still goes out', async () => {
    const h = await connected();
    const answer = assistantAnswer('resp_1', 'item_a1', null, ['Thinking']);
    for (const event of answer.slice(0, 5)) h.socket.serverSends(event);
    await settle();
    expect(h.session.getState().responding).toBe(true);
    const mark = h.socket.sent.length;
    h.session.interrupt();
    await settle();
    expect(since(h, mark).filter((event) => event.type === 'response.cancel')).toHaveLength(1);
  });

  test('interrupt with nothing running sends nothing', async () => {
    const h = await connected();
    const mark = h.socket.sent.length;
    h.session.interrupt();
    await settle();
    expect(since(h, mark)).toEqual([]);
  });

  test('updateSession and setIdlePolicy: a session.update in the GA wire shape', async () => {
    const h = await connected({ kit: { idle: { timeoutMs: 8000 } } });
    let mark = h.socket.sent.length;
    h.session.updateSession({ type: 'realtime', instructions: 'Speak French.' });
    await settle();
    expect(since(h, mark)).toEqual([expect.objectContaining({ type: 'session.update', session: expect.objectContaining({ type: 'realtime', instructions: 'Speak French.' }) })]);
    mark = h.socket.sent.length;
    h.session.setIdlePolicy({ timeoutMs: 12_000 });
    await settle();
    const update = since(h, mark).find((event) => event.type === 'session.update');
    expect(turnDetectionOf(update)).toMatchObject({ type: 'server_vad', idle_timeout_ms: 12_000 });
  });
});
