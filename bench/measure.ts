/** Force a collection between rounds when node runs with --expose-gc, so one round's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds one synchronous run of `fn` takes. */
export function time(fn: () => void): number {
  collectGarbage();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Per contender, the milliseconds of each measured round, in round order. */
export type RoundSamples<K extends string> = Record<K, number[]>;

/**
 * Measure several contenders in interleaved rounds (A, B, A, B...) so that load from other
 * processes on the machine hits them alike. Setup (a fresh session, a connect) is awaited
 * outside the timed part.
 */
export async function interleaved<K extends string>(
  contenders: Record<K, () => Promise<() => void> | (() => void)>,
  options: { warmup: number; rounds: number },
): Promise<RoundSamples<K>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as RoundSamples<K>;
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (const name of names) {
      const run = await contenders[name]();
      const ms = time(run);
      if (round >= options.warmup) samples[name].push(ms);
    }
  }
  return samples;
}

/**
 * Median over rounds of `a / b` measured in the same round. Pairing cancels most of the drift
 * of a shared machine, whose load changes between rounds far more than within one.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]!));
}
