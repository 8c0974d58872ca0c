/**
 * The transcript keeps the rows of earlier connections, and a new connection is a new server
 * conversation: its first item says `previous_item_id: null`. That null means "first item of
 * this conversation", so the row goes after every row of earlier connections, not to the top
 * of the transcript (where a looping demo streamed its second run off-screen, above the first).
 */
import { describe, expect, it } from 'vitest';
import { createRealtimeSession, type RealtimeSession } from '../../../../src/core/session/index.ts';
import { createMockTransport, type MockTransport } from '../../../../src/testing/createMockTransport.ts';
import { createVirtualClock, type VirtualClock } from '../../../../src/testing/createVirtualClock.ts';
import { play, scenario } from '../../../../src/testing/scenario/index.ts';
import { wire } from '../helpers.ts';

interface Harness {
  clock: VirtualClock;
  transport: MockTransport;
  session: RealtimeSession;
}

function setup(): Harness {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  return { clock, transport, session: createRealtimeSession({ transport, clock }) };
}

/** Play a user turn and the assistant's answer on the open connection, to the end. */
function converse({ clock, transport }: Harness, question: string, answer: string): void {
  const playback = play(scenario().userSays(question).assistantSays(answer).build(), { transport, clock });
  clock.advance(playback.endsAt);
}

const texts = (session: RealtimeSession) => session.getState().transcript.items.map((item) => item.text);
const ids = (session: RealtimeSession) => session.getState().transcript.items.map((item) => item.id);

const userText = (id: string, text: string) => ({
  id,
  object: 'realtime.item',
  type: 'message',
  role: 'user',
  status: 'completed',
  content: [{ type: 'input_text', text }],
});

/** `conversation.item.added` of a user text item, after `previousItemId`. */
const added = (id: string, previousItemId: string | null) =>
  wire('conversation.item.added', { previous_item_id: previousItemId, item: userText(id, id) });

describe('transcript order across connections', () => {
  it("after disconnect() and connect(), the second connection's rows follow the first's, in order", async () => {
    const h = setup();
    await h.session.connect();
    converse(h, 'First question', 'First answer');
    h.session.disconnect();
    await h.session.connect();
    converse(h, 'Second question', 'Second answer');
    expect(texts(h.session)).toEqual(['First question', 'First answer', 'Second question', 'Second answer']);
    // The row keeps what the server said: the first item of its own conversation.
    expect(h.session.getState().transcript.at(2)?.previousItemId).toBeNull();
  });

  it('after a dropped connection too, and for every later connection', async () => {
    const h = setup();
    await h.session.connect();
    converse(h, 'One', 'Reply one');
    h.transport.drop(new Error('Connection lost'));
    expect(h.session.getState().status).toBe('error');
    await h.session.connect();
    converse(h, 'Two', 'Reply two');
    h.session.disconnect();
    await h.session.connect();
    converse(h, 'Three', 'Reply three');
    expect(texts(h.session)).toEqual(['One', 'Reply one', 'Two', 'Reply two', 'Three', 'Reply three']);
  });

  it("a new connection's first item still goes before its other rows when they arrive first", async () => {
    const h = setup();
    await h.session.connect();
    h.transport.emit(added('item_a1', null));
    h.transport.emit(added('item_a2', 'item_a1'));
    h.session.disconnect();
    await h.session.connect();
    // item_b2 names item_b1, which has not arrived yet: it waits at the end, then moves behind it.
    h.transport.emit(added('item_b2', 'item_b1'));
    h.transport.emit(added('item_b3', 'item_b2'));
    h.transport.emit(added('item_b1', null));
    expect(ids(h.session)).toEqual(['item_a1', 'item_a2', 'item_b1', 'item_b2', 'item_b3']);
  });

  it('an item inserted at the start of the conversation goes first in its own connection', async () => {
    const h = setup();
    await h.session.connect();
    h.transport.emit(added('item_a1', null));
    // conversation.item.create with previous_item_id null: the start of this conversation.
    h.transport.emit(added('item_a0', null));
    h.session.disconnect();
    await h.session.connect();
    h.transport.emit(added('item_b1', null));
    h.transport.emit(added('item_b2', 'item_b1'));
    h.transport.emit(added('item_b0', null));
    h.transport.emit(added('item_b3', 'item_b2'));
    expect(ids(h.session)).toEqual(['item_a0', 'item_a1', 'item_b0', 'item_b1', 'item_b2', 'item_b3']);
  });

  it('deleting the last row of the earlier connection keeps the next conversation below the rest', async () => {
    const h = setup();
    await h.session.connect();
    h.transport.emit(added('item_a1', null));
    h.transport.emit(added('item_a2', 'item_a1'));
    h.session.disconnect();
    await h.session.connect();
    h.transport.emit(wire('conversation.item.deleted', { item_id: 'item_a2' }));
    h.transport.emit(added('item_b1', null));
    expect(ids(h.session)).toEqual(['item_a1', 'item_b1']);
  });

  it('within one connection, rows keep the order previous_item_id gives, as before', async () => {
    const h = setup();
    await h.session.connect();
    h.transport.emit(added('item_1', null));
    h.transport.emit(added('item_3', 'item_1'));
    h.transport.emit(added('item_2', 'item_1'));
    expect(ids(h.session)).toEqual(['item_1', 'item_2', 'item_3']);
  });

  it('a reconnect keeps the earlier rows themselves (same objects, nothing re-rendered for them)', async () => {
    const h = setup();
    await h.session.connect();
    converse(h, 'Kept', 'Kept answer');
    const before = h.session.getState().transcript.items;
    h.session.disconnect();
    await h.session.connect();
    converse(h, 'New', 'New answer');
    const after = h.session.getState().transcript.items;
    expect(after.slice(0, 2)).toEqual(before);
    after.slice(0, 2).forEach((item, i) => expect(item).toBe(before[i]));
  });
});
