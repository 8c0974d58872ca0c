import { describe, expect, it } from 'vitest';
import {
  AUDIO_LEVEL_CEILING_DB,
  AUDIO_LEVEL_FLOOR_DB,
  decibelsToAudioLevel,
  rmsToAudioLevel,
} from '../../../../src/core/transport/audioLevelCurve.ts';

describe('the audio level curve', () => {
  it('maps the floor to 0, the ceiling to 1 and is linear in decibels between', () => {
    expect(rmsToAudioLevel(10 ** (AUDIO_LEVEL_FLOOR_DB / 20))).toBeCloseTo(0, 6);
    expect(rmsToAudioLevel(10 ** (AUDIO_LEVEL_CEILING_DB / 20))).toBeCloseTo(1, 6);
    const middleDb = (AUDIO_LEVEL_FLOOR_DB + AUDIO_LEVEL_CEILING_DB) / 2;
    expect(rmsToAudioLevel(10 ** (middleDb / 20))).toBeCloseTo(0.5, 6);
    expect(rmsToAudioLevel(0.1)).toBeCloseTo((-20 - AUDIO_LEVEL_FLOOR_DB) / (AUDIO_LEVEL_CEILING_DB - AUDIO_LEVEL_FLOOR_DB), 6);
  });

  it('clamps, and reads silence and bad input as 0', () => {
    expect(rmsToAudioLevel(1)).toBe(1);
    expect(rmsToAudioLevel(0)).toBe(0);
    expect(rmsToAudioLevel(-1)).toBe(0);
    expect(rmsToAudioLevel(Number.NaN)).toBe(0);
    expect(decibelsToAudioLevel(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(decibelsToAudioLevel(Number.NaN)).toBe(0);
    expect(decibelsToAudioLevel(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('takes another scale for spectrum decibels', () => {
    expect(decibelsToAudioLevel(-65, -100, -30)).toBeCloseTo(0.5, 6);
    expect(decibelsToAudioLevel(-100, -100, -30)).toBe(0);
  });
});
