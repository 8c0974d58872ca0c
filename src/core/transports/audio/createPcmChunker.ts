/** Collects samples and hands them out in fixed-size chunks. */
export interface PcmChunker {
  /** Add samples; returns every chunk completed by them (possibly none). */
  push(samples: Int16Array): Int16Array[];
  /** Return what is left as a short chunk (or null) and start over. */
  flush(): Int16Array | null;
}

/**
 * Fixed-size chunking of microphone PCM, so `input_audio_buffer.append` carries a steady
 * amount of audio (for example 40 ms = 960 samples at 24 kHz) instead of one event per
 * 128-frame worklet block.
 *
 * @example
 * ```ts
 * const chunker = createPcmChunker(960);
 * for (const chunk of chunker.push(samples)) send(chunk);
 * ```
 */
export function createPcmChunker(samplesPerChunk: number): PcmChunker {
  if (!Number.isInteger(samplesPerChunk) || samplesPerChunk <= 0) {
    throw new RangeError('samplesPerChunk must be a positive integer.');
  }
  let buffer = new Int16Array(samplesPerChunk);
  let filled = 0;
  return {
    push(samples) {
      const chunks: Int16Array[] = [];
      let offset = 0;
      while (offset < samples.length) {
        const take = Math.min(samplesPerChunk - filled, samples.length - offset);
        buffer.set(samples.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === samplesPerChunk) {
          chunks.push(buffer);
          buffer = new Int16Array(samplesPerChunk);
          filled = 0;
        }
      }
      return chunks;
    },
    flush() {
      if (filled === 0) return null;
      const rest = buffer.slice(0, filled);
      filled = 0;
      return rest;
    },
  };
}
