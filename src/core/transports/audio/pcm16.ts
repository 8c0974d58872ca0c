/**
 * Sample rate of the Realtime API's `audio/pcm` format.
 *
 * @example
 * ```ts
 * const samples = (durationMs * REALTIME_PCM_SAMPLE_RATE) / 1000;
 * ```
 */
export const REALTIME_PCM_SAMPLE_RATE = 24000;
/**
 * Bytes of PCM16 mono at 24 kHz per millisecond (24 samples of 2 bytes).
 *
 * @example
 * ```ts
 * const ms = base64ToBytes(event.delta).length / PCM16_BYTES_PER_MS;
 * ```
 */
export const PCM16_BYTES_PER_MS = 48;

/**
 * Convert float samples (-1..1, Web Audio's format) to 16-bit PCM, clipping out-of-range values.
 *
 * @example
 * ```ts
 * floatToPcm16(new Float32Array([0, 1, -1])); // Int16Array [0, 32767, -32768]
 * ```
 */
export function floatToPcm16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out;
}

/**
 * Convert 16-bit PCM to float samples for an `AudioBuffer`.
 *
 * @example
 * ```ts
 * pcm16ToFloat(new Int16Array([16384])); // Float32Array [0.5]
 * ```
 */
export function pcm16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] ?? 0) / 0x8000;
  return out;
}

/**
 * View little-endian PCM16 bytes as samples. Copies when the bytes are unaligned or the
 * platform is big-endian, so callers may keep the result.
 *
 * @example
 * ```ts
 * bytesToPcm16(base64ToBytes(event.delta));
 * ```
 */
export function bytesToPcm16(bytes: Uint8Array): Int16Array {
  const count = bytes.length >> 1;
  const out = new Int16Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/**
 * Serialize samples as little-endian PCM16 bytes (the wire's byte order on any platform).
 *
 * @example
 * ```ts
 * bytesToBase64(pcm16ToBytes(floatToPcm16(frame)));
 * ```
 */
export function pcm16ToBytes(samples: Int16Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i] ?? 0, true);
  return out;
}

/**
 * Milliseconds of audio in a PCM16 24 kHz mono byte count.
 *
 * @example
 * ```ts
 * pcm16DurationMs(4800); // 100
 * ```
 */
export function pcm16DurationMs(byteLength: number, sampleRate = REALTIME_PCM_SAMPLE_RATE): number {
  return (byteLength / 2 / sampleRate) * 1000;
}
