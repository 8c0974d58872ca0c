import {
  EMPTY_VECTOR,
  vectorFromArray,
  vectorGet,
  vectorPush,
  vectorSet,
  vectorToArray,
  type PersistentVector,
} from './persistentVector.ts';
import type { TranscriptItem, TranscriptState } from './transcriptTypes.ts';

/**
 * Lookup tables shared along one line of versions. Only the newest version (`owner`) may
 * change them in place; deriving from an older version clones them first, so every snapshot
 * stays correct while the common case (the session updating its newest transcript) is O(1).
 */
interface TranscriptIndex {
  /** id -> position in the owner's vector. */
  positions: Map<string, number>;
  /** Unknown previous item id -> the item that asked to follow it (placed at the end meanwhile). */
  orphans: Map<string, string>;
  /** Items created before the server said where they go (a delta that beat its `item.added`). */
  unplaced: Set<string>;
  owner: Transcript | null;
  /**
   * The last id found and where: streamed deltas ask for the same row again and again, and
   * comparing two strings is cheaper than hashing one (each delta's id is a new string, so
   * its hash is never cached). Only a hint: checked against the vector before use.
   */
  hintId: string | null;
  hintPosition: number;
}

/** The persistent transcript behind `SessionState.transcript`. */
class Transcript implements TranscriptState {
  readonly length: number;
  readonly version: number;
  /** @internal */
  readonly vector: PersistentVector<TranscriptItem>;
  /** @internal */
  readonly index: TranscriptIndex;
  /**
   * @internal The last row of earlier connections (null: none). Each connection is a new server
   * conversation whose first item says `previous_item_id: null`: that item goes right after
   * this row, below everything the transcript kept, not at the top.
   */
  readonly conversationStartsAfter: string | null;
  #items: readonly TranscriptItem[] | undefined;

  constructor(
    vector: PersistentVector<TranscriptItem>,
    index: TranscriptIndex,
    version: number,
    conversationStartsAfter: string | null,
  ) {
    this.vector = vector;
    this.index = index;
    this.version = version;
    this.conversationStartsAfter = conversationStartsAfter;
    this.length = vector.size;
    index.owner = this;
  }

  get items(): readonly TranscriptItem[] {
    return (this.#items ??= Object.freeze(vectorToArray(this.vector)));
  }

  at(index: number): TranscriptItem | undefined {
    const i = index < 0 ? index + this.length : index;
    return i >= 0 && i < this.length ? vectorGet(this.vector, i) : undefined;
  }

  indexOf(id: string): number {
    const index = this.index;
    const hint = index.hintPosition;
    if (id === index.hintId && hint < this.length && vectorGet(this.vector, hint).id === id) return hint;
    const position = index.positions.get(id);
    if (position !== undefined && position < this.length && vectorGet(this.vector, position).id === id) {
      index.hintId = id;
      index.hintPosition = position;
      return position;
    }
    if (this.index.owner === this) return -1;
    // An older snapshot whose tables moved on: correct, if slower.
    for (let i = 0; i < this.length; i++) if (vectorGet(this.vector, i).id === id) return i;
    return -1;
  }

  get(id: string): TranscriptItem | undefined {
    const position = this.indexOf(id);
    return position < 0 ? undefined : vectorGet(this.vector, position);
  }

  toJSON(): readonly TranscriptItem[] {
    return this.items;
  }
}

function positionsOf(items: readonly TranscriptItem[]): Map<string, number> {
  const positions = new Map<string, number>();
  items.forEach((item, i) => positions.set(item.id, i));
  return positions;
}

/** The index `from`'s successor may change: `from`'s own when it is the newest version. */
function writableIndex(from: Transcript): TranscriptIndex {
  const { index } = from;
  if (index.owner === from) return index;
  return {
    positions: positionsOf(from.items),
    orphans: new Map(index.orphans),
    unplaced: new Set(index.unplaced),
    owner: null,
    hintId: null,
    hintPosition: 0,
  };
}

function rebuild(
  from: Transcript,
  items: readonly TranscriptItem[],
  conversationStartsAfter = from.conversationStartsAfter,
): Transcript {
  const index = writableIndex(from);
  index.positions = positionsOf(items);
  return new Transcript(vectorFromArray(items), index, from.version + 1, conversationStartsAfter);
}

function asTranscript(state: TranscriptState): Transcript {
  return state instanceof Transcript ? state : (createTranscriptState(state.items) as Transcript);
}

/**
 * A transcript holding `items` in the given order. For fixtures, stories and tests; a session
 * builds its own from wire events.
 *
 * @example
 * ```ts
 * const transcript = createTranscriptState([
 *   { id: 'item_1', role: 'user', kind: 'message', text: 'Hi', status: 'completed', previousItemId: null },
 * ]);
 * transcript.get('item_1')?.text; // 'Hi'
 * ```
 */
export function createTranscriptState(items: readonly TranscriptItem[] = []): TranscriptState {
  const unique = new Map<string, TranscriptItem>();
  for (const item of items) if (!unique.has(item.id)) unique.set(item.id, item);
  const list = [...unique.values()];
  const index: TranscriptIndex = {
    positions: positionsOf(list),
    orphans: new Map(),
    unplaced: new Set(),
    owner: null,
    hintId: null,
    hintPosition: 0,
  };
  return new Transcript(list.length === 0 ? EMPTY_VECTOR : vectorFromArray(list), index, 0, null);
}

/**
 * Replace the item with the same id (which must exist), keeping its position. This is the
 * streaming path: O(log32 n), every other row keeps its identity.
 */
export function replaceTranscriptItem(state: TranscriptState, item: TranscriptItem): TranscriptState {
  const from = asTranscript(state);
  const position = from.indexOf(item.id);
  if (position < 0) return from;
  if (vectorGet(from.vector, position) === item) return from;
  return new Transcript(vectorSet(from.vector, position, item), writableIndex(from), from.version + 1, from.conversationStartsAfter);
}

/**
 * {@link replaceTranscriptItem} for a caller that already knows the position (from `indexOf`
 * on the same snapshot): the streaming path, one lookup instead of two.
 */
export function replaceTranscriptItemAt(state: TranscriptState, position: number, item: TranscriptItem): TranscriptState {
  const from = asTranscript(state);
  return new Transcript(vectorSet(from.vector, position, item), writableIndex(from), from.version + 1, from.conversationStartsAfter);
}

/**
 * Mark the start of a new server conversation (a new connection): from this version on, an
 * item with `previousItemId` null goes after the rows the transcript holds now, not before
 * them. Returns `state` itself when that changes nothing (no row since the last mark).
 */
export function startTranscriptConversation(state: TranscriptState): TranscriptState {
  const from = asTranscript(state);
  const last = from.length === 0 ? null : vectorGet(from.vector, from.length - 1).id;
  if (last === from.conversationStartsAfter) return from;
  return new Transcript(from.vector, writableIndex(from), from.version + 1, last);
}

/** Where an item with `previousItemId` null goes: first in the current server conversation. */
function conversationStart(from: Transcript): number {
  const after = from.conversationStartsAfter;
  return after === null ? 0 : from.indexOf(after) + 1;
}

/**
 * Where {@link addTranscriptItem} puts a new item:
 * - `after`: after `item.previousItemId` (null = first in the current server conversation, after
 *   the rows of earlier connections); an unknown previous id appends it and remembers to move it
 *   there once that item arrives.
 * - `end`: at the end (the server did not say where).
 * - `unplaced`: at the end for now, moved by {@link placeTranscriptItem} once the server says.
 */
export type TranscriptPlacement = 'after' | 'end' | 'unplaced';

/** Add a new item (ignored if its id is already in the transcript). */
export function addTranscriptItem(
  state: TranscriptState,
  item: TranscriptItem,
  placement: TranscriptPlacement,
): TranscriptState {
  const from = asTranscript(state);
  if (from.indexOf(item.id) >= 0) return from;
  let position = from.length;
  let orphanOf: string | null = null;
  if (placement === 'after') {
    if (item.previousItemId === null) position = conversationStart(from);
    else {
      const previous = from.indexOf(item.previousItemId);
      if (previous >= 0) position = previous + 1;
      else orphanOf = item.previousItemId;
    }
  }
  let next: Transcript;
  if (position >= from.length) {
    const index = writableIndex(from);
    index.positions.set(item.id, from.length);
    next = new Transcript(vectorPush(from.vector, item), index, from.version + 1, from.conversationStartsAfter);
  } else {
    const items = from.items.slice();
    items.splice(position, 0, item);
    next = rebuild(from, items);
  }
  if (placement === 'unplaced') next.index.unplaced.add(item.id);
  if (orphanOf !== null) next.index.orphans.set(orphanOf, item.id);
  // Someone was waiting for this item: move it (and the run that follows it) behind us.
  const waiting = next.index.orphans.get(item.id);
  if (waiting !== undefined) {
    next.index.orphans.delete(item.id);
    if (next.indexOf(waiting) >= 0) next = moveRunAfter(next, waiting, item.id);
  }
  return next;
}

/**
 * Move an item the session had to create early (unplaced) to where the server says it goes
 * (`undefined`: the server did not say; it stays where it is). Items already placed by the
 * server never move.
 */
export function placeTranscriptItem(
  state: TranscriptState,
  id: string,
  previousItemId: string | null | undefined,
): TranscriptState {
  const from = asTranscript(state);
  if (!from.index.unplaced.has(id)) return from;
  const item = from.get(id);
  if (!item || previousItemId === undefined) {
    // Bookkeeping only, no visible change: drop the flag in place on the newest version.
    if (from.index.owner === from) from.index.unplaced.delete(id);
    return from;
  }
  return addTranscriptItem(removeTranscriptItem(from, id), { ...item, previousItemId }, 'after');
}

/** Whether the item was created before the server placed it. */
export function isTranscriptItemUnplaced(state: TranscriptState, id: string): boolean {
  return asTranscript(state).index.unplaced.has(id);
}

/** Remove an item (a rare event: O(n)). */
export function removeTranscriptItem(state: TranscriptState, id: string): TranscriptState {
  const from = asTranscript(state);
  const position = from.indexOf(id);
  if (position < 0) return from;
  const items = from.items.slice();
  items.splice(position, 1);
  // The conversation now starts after the row before the one removed, if that one marked it.
  const startsAfter = from.conversationStartsAfter === id ? (items[position - 1]?.id ?? null) : from.conversationStartsAfter;
  const next = rebuild(from, items, startsAfter);
  next.index.unplaced.delete(id);
  return next;
}

/** Move `id` and the items chained behind it (each naming the previous one) after `afterId`. */
function moveRunAfter(from: Transcript, id: string, afterId: string): Transcript {
  const items = from.items.slice();
  const start = items.findIndex((item) => item.id === id);
  if (start < 0) return from;
  let end = start + 1;
  while (end < items.length && items[end]?.previousItemId === items[end - 1]?.id) end++;
  const run = items.splice(start, end - start);
  const target = items.findIndex((item) => item.id === afterId);
  if (target < 0) return from;
  items.splice(target + 1, 0, ...run);
  return rebuild(from, items);
}
