import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../../src/core/transports/audio/base64.ts';
import { createLinearResampler } from '../../../../src/core/transports/audio/createLinearResampler.ts';
import { createPcmChunker } from '../../../../src/core/transports/audio/createPcmChunker.ts';
import {
  bytesToPcm16,
  floatToPcm16,
  pcm16DurationMs,
  pcm16ToBytes,
  pcm16ToFloat,
} from '../../../../src/core/transports/audio/pcm16.ts';

describe('PCM16 conversion', () => {
  it('maps -1..1 to the full 16-bit range and clips beyond it', () => {
    expect([...floatToPcm16(new Float32Array([0, 1, -1, 2, -3, 0.5]))]).toEqual([0, 32767, -32768, 32767, -32768, 16384]);
  });

  it('round-trips floats within one quantization step', () => {
    const input = new Float32Array([0.1, -0.25, 0.999, -0.5]);
    const back = pcm16ToFloat(floatToPcm16(input));
    input.forEach((value, i) => expect(Math.abs((back[i] ?? 0) - value)).toBeLessThan(2 / 32768));
  });

  it('serializes little-endian bytes and reads them back, also from an unaligned offset', () => {
    const samples = new Int16Array([1, -2, 0x1234, -32768]);
    const bytes = pcm16ToBytes(samples);
    expect([...bytes.subarray(0, 4)]).toEqual([1, 0, 0xfe, 0xff]);
    const unaligned = new Uint8Array(bytes.length + 1);
    unaligned.set(bytes, 1);
    expect([...bytesToPcm16(unaligned.subarray(1))]).toEqual([...samples]);
  });

  it('computes durations at 48 bytes per millisecond', () => {
    expect(pcm16DurationMs(4800)).toBe(100);
    expect(pcm16DurationMs(48)).toBe(1);
  });
});

describe('base64', () => {
  it('matches Node Buffer encoding for small and large inputs', () => {
    for (const size of [0, 1, 2, 3, 100, 200_000]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff);
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect([...base64ToBytes(encoded)]).toEqual([...bytes]);
    }
  });
});

describe('createLinearResampler', () => {
  const sine = (rate: number, hz: number, count: number, offset = 0) =>
    Float32Array.from({ length: count }, (_, i) => Math.sin((2 * Math.PI * hz * (i + offset)) / rate));

  it('halves 48 kHz to 24 kHz and keeps the waveform', () => {
    const out = createLinearResampler(48000, 24000).process(sine(48000, 440, 4800));
    expect(out.length).toBe(2400);
    const expected = sine(24000, 440, 2400);
    for (let i = 0; i < out.length; i++) expect(Math.abs((out[i] ?? 0) - (expected[i] ?? 0))).toBeLessThan(1e-6);
  });

  it('gives the same output whether fed at once or in 128-frame worklet blocks (44.1 kHz)', () => {
    const input = sine(44100, 300, 44100);
    const whole = createLinearResampler(44100, 24000).process(input);
    const streamed = createLinearResampler(44100, 24000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 128) parts.push(...streamed.process(input.subarray(i, i + 128)));
    expect(parts.length).toBe(whole.length);
    expect(Math.abs(parts.length - 24000)).toBeLessThanOrEqual(1);
    parts.forEach((value, i) => expect(Math.abs(value - (whole[i] ?? 0))).toBeLessThan(1e-5));
  });

  it('passes audio through unchanged at equal rates and rejects nonsense rates', () => {
    const input = new Float32Array([0.1, 0.2]);
    expect([...createLinearResampler(24000, 24000).process(input)]).toEqual([...input]);
    expect(() => createLinearResampler(0, 24000)).toThrow(RangeError);
  });
});

describe('createPcmChunker', () => {
  it('cuts a stream into fixed 40 ms chunks and keeps the rest for later', () => {
    const chunker = createPcmChunker(960);
    const first = chunker.push(new Int16Array(1000).fill(1));
    expect(first.map((c) => c.length)).toEqual([960]);
    const second = chunker.push(new Int16Array(2000).fill(2));
    expect(second.map((c) => c.length)).toEqual([960, 960]);
    // 40 samples of 1 carried over, then the 2s.
    expect(second[0]?.[39]).toBe(1);
    expect(second[0]?.[40]).toBe(2);
    expect(chunker.flush()?.length).toBe(3000 - 2880);
    expect(chunker.flush()).toBeNull();
  });

  it('does not reuse a handed-out chunk buffer', () => {
    const chunker = createPcmChunker(2);
    const [a] = chunker.push(new Int16Array([1, 2]));
    chunker.push(new Int16Array([3, 4]));
    expect([...(a ?? [])]).toEqual([1, 2]);
  });
});
