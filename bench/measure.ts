/** Force a collection when node runs with --expose-gc, so one round's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Something that consumes messages: `JSON.parse`, the kit, another library. */
export type Contender = () => Promise<(data: string) => unknown> | ((data: string) => unknown);

export interface ChunkedOptions {
  warmup: number;
  rounds: number;
  /** Messages per timed chunk. */
  chunkSize: number;
}

/**
 * Milliseconds per round of each contender: the stream is cut into short chunks, each timed
 * separately, contenders interleaved chunk by chunk in a rotating order (A B C, B C A, C A B);
 * for each chunk the median
 * over rounds is taken, and the medians are summed. On a shared, busy machine a long timed
 * section is preempted by other processes and its wall time inflates, more so for a slower
 * contender; a chunk of a millisecond or two usually is not, and the median drops the ones
 * that were. The session's own garbage collection still counts where it happens.
 */
export async function measureChunked<K extends string>(
  messages: readonly string[],
  contenders: Record<K, Contender>,
  options: ChunkedOptions & {
    /** Contenders that get their own list of the same length (ids of their own session). */
    messagesFor?: Partial<Record<K, readonly string[]>>;
  },
): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  for (const list of Object.values<readonly string[] | undefined>(options.messagesFor ?? {})) {
    if (list && list.length !== messages.length) throw new Error('messagesFor lists must be as long as messages');
  }
  const chunks = Math.ceil(messages.length / options.chunkSize);
  const samples = Object.fromEntries(names.map((name) => [name, Array.from({ length: chunks }, () => [] as number[])])) as Record<K, number[][]>;
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const deliver = {} as Record<K, (data: string) => unknown>;
    for (const name of names) {
      deliver[name] = await contenders[name]();
    }
    collectGarbage();
    for (let chunk = 0; chunk < chunks; chunk++) {
      const from = chunk * options.chunkSize;
      const to = Math.min(messages.length, from + options.chunkSize);
      // Rotate, do not just reverse: with three or more contenders, A B C then C B A would run
      // the first and last right after themselves (their code and data still in the caches)
      // and the middle ones always after another contender. Rotated, every contender runs in
      // every position and after every other one equally often. For two it is A B, B A.
      const shift = (round + chunk) % names.length;
      for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
        const consume = deliver[name];
        const list = options.messagesFor?.[name] ?? messages;
        const start = performance.now();
        for (let i = from; i < to; i++) consume(list[i]!);
        const ms = performance.now() - start;
        if (round >= options.warmup) samples[name][chunk]!.push(ms);
      }
    }
  }
  return Object.fromEntries(names.map((name) => [name, samples[name].reduce((sum, chunk) => sum + median(chunk), 0)])) as Record<K, number>;
}
