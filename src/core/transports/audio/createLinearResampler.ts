/** A stateful resampler: feed consecutive chunks, get consecutive output without seams. */
export interface LinearResampler {
  /** Resample the next chunk of the stream. */
  process(input: Float32Array): Float32Array;
}

/**
 * Linear-interpolation resampler for microphone capture (the context runs at 44.1 or 48 kHz, the
 * wire wants 24 kHz). Speech sits far below 12 kHz, so linear interpolation is good enough and
 * cheap on the audio path. State (the fractional position and the last sample) carries across
 * chunks, so a stream cut into 128-frame worklet blocks resamples the same as in one piece.
 *
 * @example
 * ```ts
 * const resampler = createLinearResampler(48000, 24000);
 * const out = resampler.process(block); // about half as many samples
 * ```
 */
export function createLinearResampler(fromRate: number, toRate: number): LinearResampler {
  if (!(fromRate > 0) || !(toRate > 0)) throw new RangeError('Sample rates must be positive.');
  const step = fromRate / toRate;
  // Position of the next output sample, in input samples, relative to the current chunk's
  // first sample; -1 addresses the previous chunk's last sample.
  let position = 0;
  let previous = 0;
  let started = false;

  return {
    process(input) {
      if (fromRate === toRate) return input.slice();
      if (input.length === 0) return new Float32Array(0);
      if (!started) {
        started = true;
        previous = input[0] ?? 0;
      }
      const last = input.length - 1;
      const count = Math.max(0, Math.floor((last - position) / step) + 1);
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) {
        const x = position + i * step;
        const index = Math.floor(x);
        const frac = x - index;
        const a = index < 0 ? previous : (input[index] ?? 0);
        const b = input[index + 1] ?? input[last] ?? 0;
        out[i] = a + (b - a) * frac;
      }
      position = position + count * step - input.length;
      previous = input[last] ?? 0;
      return out;
    },
  };
}
