import { createSyntheticVoice, type SyntheticVoice } from '../audioLevels/syntheticVoice.ts';

/**
 * PCM16 mono at 24 kHz, the Realtime API's default format: 48 bytes per millisecond.
 *
 * @example
 * ```ts
 * const ms = atob(delta).length / PCM_BYTES_PER_MS;
 * ```
 */
export const PCM_BYTES_PER_MS = 48;
const SAMPLE_RATE = 24000;

/**
 * Base64 PCM16 (24 kHz, mono, little-endian) audio of `ms` milliseconds: a voice-like sound
 * (a 140 Hz buzz with formants, syllables and a breath of noise, at speech loudness), so
 * payloads have the real size and entropy of assistant audio deltas, and a level meter of the
 * mock transport moves with them in every frequency band.
 *
 * @param ms Duration; the payload is `ms * 48` bytes (rounded to whole samples).
 * @param offsetMs Where the chunk starts in the utterance, so consecutive chunks join smoothly.
 * @example
 * ```ts
 * const delta = createPcmChunk(40); // 1920 bytes of PCM, 2560 base64 characters
 * ```
 */
export function createPcmChunk(ms: number, offsetMs = 0): string {
  // Answers of a scenario repeat the same (length, offset) chunks: make each once, and share
  // the string (a long scenario holds one copy per distinct chunk, not one per delta).
  const key = `${ms}:${offsetMs}`;
  const cached = chunkCache.get(key);
  if (cached !== undefined) return cached;
  const chunk = synthesize(ms, offsetMs);
  if (chunkCache.size >= MAX_CACHED_CHUNKS) chunkCache.clear();
  chunkCache.set(key, chunk);
  return chunk;
}

/** Distinct chunks kept: 4096 chunks of 40 ms (2.7 minutes of audio) are about 10 MB. */
const MAX_CACHED_CHUNKS = 4096;
const chunkCache = new Map<string, string>();

/** The assistant's voice, made on first use (nothing at import). */
let assistantVoice: SyntheticVoice | undefined;

function synthesize(ms: number, offsetMs: number): string {
  const samples = Math.max(1, Math.round((ms * SAMPLE_RATE) / 1000));
  const start = Math.round((offsetMs * SAMPLE_RATE) / 1000);
  const bytes = new Uint8Array(samples * 2);
  assistantVoice ??= createSyntheticVoice({ pitchHz: 140, sampleRate: SAMPLE_RATE });
  for (let i = 0; i < samples; i++) {
    const value = Math.max(-32768, Math.min(32767, Math.round(assistantVoice.sample(start + i) * 32767)));
    bytes[2 * i] = value & 0xff;
    bytes[2 * i + 1] = (value >> 8) & 0xff;
  }
  return encodeBase64(bytes);
}

/**
 * `btoa` over bytes, in slices so large chunks do not overflow the argument list.
 *
 * @example
 * ```ts
 * encodeBase64(new Uint8Array([0, 0, 255, 127])); // 'AAD/fw=='
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
