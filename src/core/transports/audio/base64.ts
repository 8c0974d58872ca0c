// Built on atob/btoa (browsers and Node >= 16) so the core needs no Buffer polyfill.
// String.fromCharCode is applied in slices: one call per byte is slow, one call for the
// whole array overflows the argument limit on large audio chunks.
const SLICE = 0x8000;

/**
 * Encode bytes as standard base64 (the encoding of `input_audio_buffer.append.audio`).
 *
 * @example
 * ```ts
 * bytesToBase64(new Uint8Array([1, 2, 3])); // 'AQID'
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

/**
 * Decode standard base64 to bytes (the encoding of `response.output_audio.delta`).
 *
 * @example
 * ```ts
 * base64ToBytes('AQID'); // Uint8Array [1, 2, 3]
 * ```
 */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
