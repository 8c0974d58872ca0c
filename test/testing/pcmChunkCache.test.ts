import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPcmChunk, scenario } from '../../src/testing/scenario/index.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PCM audio of long scenarios', () => {
  it('encodes each distinct (length, offset) chunk once, not once per delta', () => {
    const btoa = vi.spyOn(globalThis, 'btoa');
    const builder = scenario({ seed: 3 });
    for (let i = 0; i < 50; i++) builder.userSays('Hello?').assistantSays('The same answer every time, about three seconds.');
    const timeline = builder.build();
    const deltas = timeline.filter((step) => 'event' in step && step.event.type === 'response.output_audio.delta');
    expect(deltas.length).toBeGreaterThan(50 * 40);
    // One answer's worth of distinct chunks (the cache may already hold some from other tests).
    expect(btoa.mock.calls.length).toBeLessThanOrEqual(deltas.length / 50);
  });

  it('returns the same audio as before, whether cached or not', () => {
    const first = createPcmChunk(40, 120);
    expect(createPcmChunk(40, 120)).toBe(first);
    expect(atob(first).length).toBe(40 * 48);
    expect(createPcmChunk(40, 160)).not.toBe(first);
    expect(createPcmChunk(20, 120)).toBe(createPcmChunk(20, 120));
    expect(atob(createPcmChunk(20, 120)).length).toBe(20 * 48);
  });
});
