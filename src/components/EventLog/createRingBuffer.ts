/** A fixed-capacity buffer that keeps the newest entries and drops the oldest. */
export interface RingBuffer<T> {
  readonly capacity: number;
  /** Number of entries held (never more than `capacity`). */
  readonly size: number;
  /** Entries pushed over the buffer's life, dropped ones included. */
  readonly total: number;
  push(value: T): void;
  /** Oldest first. A new array each call. */
  toArray(): T[];
  clear(): void;
}

/**
 * Create a ring buffer: memory stays bounded however long a session runs, and a push is O(1).
 * Give it a `from` buffer to resize: it starts with the newest `capacity` entries of `from`
 * and carries on its `total`.
 *
 * @example
 * ```ts
 * const buffer = createRingBuffer<string>(2);
 * buffer.push('a'); buffer.push('b'); buffer.push('c');
 * buffer.toArray(); // ['b', 'c']
 * createRingBuffer(1, buffer).toArray(); // ['c'], total 3
 * ```
 */
export function createRingBuffer<T>(capacity: number, from?: RingBuffer<T>): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`Ring buffer capacity must be a positive integer, got ${capacity}.`);
  }
  const slots: T[] = new Array<T>(capacity);
  let start = 0;
  let size = 0;
  let total = 0;
  if (from) {
    const kept = from.toArray().slice(-capacity);
    kept.forEach((value, i) => {
      slots[i] = value;
    });
    size = kept.length;
    total = from.total;
  }
  return {
    capacity,
    get size() {
      return size;
    },
    get total() {
      return total;
    },
    push(value) {
      total += 1;
      if (size < capacity) {
        slots[(start + size) % capacity] = value;
        size += 1;
      } else {
        slots[start] = value;
        start = (start + 1) % capacity;
      }
    },
    toArray() {
      const out: T[] = [];
      for (let i = 0; i < size; i += 1) out.push(slots[(start + i) % capacity] as T);
      return out;
    },
    clear() {
      slots.fill(undefined as T);
      start = 0;
      size = 0;
    },
  };
}
