import { describe, expect, it } from 'vitest';
import { displayLevel, fillBarHeights } from '../../../src/components/AudioVisualizer/barHeights.ts';

const heightsOf = (level: number, bands: number[], count = 5) => {
  const out = new Float32Array(count);
  fillBarHeights(level, bands, out);
  return [...out];
};

describe('bar heights', () => {
  it('are all dots at rest, whatever the bands say', () => {
    expect(heightsOf(0, [1, 1, 1, 1, 1])).toEqual([0, 0, 0, 0, 0]);
  });

  it('move every bar with the voice, even when the meter hears nothing in the high bands', () => {
    const heights = heightsOf(0.45, [0.37, 0.34, 0.24, 0, 0]);
    for (const height of heights) expect(height).toBeGreaterThan(0.1);
    expect(heights[0]).toBeGreaterThan(heights[4]!);
  });

  it('stand tallest in the middle when the bands are even or missing, and never pass 1', () => {
    for (const bands of [[1, 1, 1, 1, 1], []]) {
      const heights = heightsOf(1, bands);
      expect(heights[2]).toBe(1);
      expect(heights[0]).toBeLessThan(heights[1]!);
      expect(heights[4]).toBeLessThan(heights[3]!);
      expect(heights[0]).toBeCloseTo(heights[4]!, 5);
    }
    expect(heightsOf(1, [5], 1)).toEqual([1]);
  });

  it('lift a quiet voice and compress a loud one', () => {
    expect(displayLevel(0)).toBe(0);
    expect(displayLevel(0.45)).toBeCloseTo(0.6975, 4);
    expect(displayLevel(1)).toBe(1);
  });
});
