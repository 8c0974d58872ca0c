/**
 * A persistent vector: a 32-way trie whose updates copy only the path to the changed slot
 * (at most ~3 nodes of 32 pointers for 30,000 items), so a new version costs O(log32 n),
 * which is a small constant for any transcript a session can hold, and old versions stay valid.
 * Internal to the transcript; not exported from the package.
 */
export interface PersistentVector<T> {
  /** Internal nodes hold children; nodes at shift 0 (leaves) hold values. */
  readonly root: readonly unknown[];
  readonly shift: number;
  readonly size: number;
  /** Phantom marker for the element type. */
  readonly __type?: T;
}

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** The empty vector, shared. */
export const EMPTY_VECTOR: PersistentVector<never> = { root: [], shift: 0, size: 0 };

/** The value at `index`; the caller checks bounds. */
export function vectorGet<T>(vector: PersistentVector<T>, index: number): T {
  let node = vector.root;
  for (let shift = vector.shift; shift > 0; shift -= BITS) node = node[(index >>> shift) & MASK] as unknown[];
  return node[index & MASK] as T;
}

function setIn(node: readonly unknown[], shift: number, index: number, value: unknown): unknown[] {
  const copy = node.slice();
  if (shift === 0) copy[index & MASK] = value;
  else {
    const slot = (index >>> shift) & MASK;
    const child = node[slot] as readonly unknown[] | undefined;
    copy[slot] = child === undefined ? newPath(shift - BITS, value) : setIn(child, shift - BITS, index, value);
  }
  return copy;
}

function newPath(shift: number, value: unknown): unknown[] {
  return shift === 0 ? [value] : [newPath(shift - BITS, value)];
}

/** A new vector with `value` at `index` (0 <= index < size). */
export function vectorSet<T>(vector: PersistentVector<T>, index: number, value: T): PersistentVector<T> {
  return { root: setIn(vector.root, vector.shift, index, value), shift: vector.shift, size: vector.size };
}

/** A new vector with `value` appended. */
export function vectorPush<T>(vector: PersistentVector<T>, value: T): PersistentVector<T> {
  const { size, shift } = vector;
  if (size < 1 << (shift + BITS)) {
    return { root: setIn(vector.root, shift, size, value), shift, size: size + 1 };
  }
  // The trie is full: grow one level; the old root becomes the first child.
  return { root: [vector.root, newPath(shift, value)], shift: shift + BITS, size: size + 1 };
}

/** Build a vector from an array in O(n), bottom-up. */
export function vectorFromArray<T>(values: readonly T[]): PersistentVector<T> {
  if (values.length === 0) return EMPTY_VECTOR;
  let level: unknown[][] = [];
  for (let i = 0; i < values.length; i += WIDTH) level.push(values.slice(i, i + WIDTH));
  let shift = 0;
  while (level.length > 1) {
    const parents: unknown[][] = [];
    for (let i = 0; i < level.length; i += WIDTH) parents.push(level.slice(i, i + WIDTH));
    level = parents;
    shift += BITS;
  }
  return { root: level[0] as unknown[], shift, size: values.length };
}

/** Every value in order, as a new array. O(n). */
export function vectorToArray<T>(vector: PersistentVector<T>): T[] {
  const out: T[] = new Array<T>(vector.size);
  let next = 0;
  const walk = (node: readonly unknown[], shift: number): void => {
    if (shift === 0) {
      for (const value of node) out[next++] = value as T;
      return;
    }
    for (const child of node) walk(child as readonly unknown[], shift - BITS);
  };
  walk(vector.root, vector.shift);
  return out;
}
