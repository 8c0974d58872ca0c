import { createFft, type Fft } from './fft.ts';
import { levelFromRms } from './levelFromRms.ts';

/** Samples measured per read: 1024 at 24 kHz, the last ~43 ms heard (an AnalyserNode's default fftSize is 2048 at 48 kHz: the same span). */
export const LEVEL_WINDOW_SAMPLES = 1024;

/** Lowest and highest band edges: a voice's fundamental up to its sibilants. */
const LOWEST_BAND_HZ = 80;
const HIGHEST_BAND_HZ = 8000;

/**
 * Measures one window of PCM (`LEVEL_WINDOW_SAMPLES` samples, -1..1): its level, and the
 * levels of log-spaced frequency bands from 80 Hz to 8 kHz. Holds its buffers, so a read
 * allocates nothing (band layouts are made once per band count).
 */
export interface LevelAnalyser {
  /** The window's level 0..1 ({@link levelFromRms} of its RMS). */
  level(window: Float32Array): number;
  /**
   * Fill `out` with `out.length` band levels, low to high. Each band reads as loud as its share
   * of the window's power would alone: `levelFromRms(sqrt(band power))`, so the bands of a
   * sound are at most its level, and a voice's low bands read highest.
   */
  bands(window: Float32Array, out: Float32Array): void;
}

/** A {@link LevelAnalyser} for PCM at `sampleRate`. */
export function createLevelAnalyser(sampleRate: number): LevelAnalyser {
  const size = LEVEL_WINDOW_SAMPLES;
  let fft: Fft | undefined;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const hann = new Float64Array(size);
  let hannPower = 0;
  for (let i = 0; i < size; i++) {
    hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1));
    hannPower += hann[i]! * hann[i]!;
  }
  // Parseval: the power of a band is 2 * sum(|X_k|^2) / (N * sum(w^2)) over its bins, so the
  // bands of the whole spectrum add up to the window's mean square.
  const powerScale = 2 / (size * hannPower);
  const layouts = new Map<number, Uint16Array>();

  return {
    level(window) {
      let sum = 0;
      for (let i = 0; i < size; i++) sum += window[i]! * window[i]!;
      return levelFromRms(Math.sqrt(sum / size));
    },
    bands(window, out) {
      const count = out.length;
      if (count === 0) return;
      const edges = layouts.get(count) ?? layout(count);
      fft ??= createFft(size);
      for (let i = 0; i < size; i++) {
        re[i] = window[i]! * hann[i]!;
        im[i] = 0;
      }
      fft.transform(re, im);
      for (let band = 0; band < count; band++) {
        let power = 0;
        for (let k = edges[band]!; k < edges[band + count]!; k++) power += re[k]! * re[k]! + im[k]! * im[k]!;
        out[band] = levelFromRms(Math.sqrt(power * powerScale));
      }
    },
  };

  /** Bin ranges of `count` log-spaced bands: starts, then ends (exclusive); at least one bin each. */
  function layout(count: number): Uint16Array {
    const binHz = sampleRate / size;
    const lastBin = size / 2 - 1;
    const edges = new Uint16Array(count * 2);
    for (let band = 0; band < count; band++) {
      const from = LOWEST_BAND_HZ * (HIGHEST_BAND_HZ / LOWEST_BAND_HZ) ** (band / count);
      const to = LOWEST_BAND_HZ * (HIGHEST_BAND_HZ / LOWEST_BAND_HZ) ** ((band + 1) / count);
      const start = Math.min(lastBin, Math.max(1, Math.round(from / binHz)));
      edges[band] = start;
      edges[band + count] = Math.min(lastBin + 1, Math.max(start + 1, Math.round(to / binHz)));
    }
    layouts.set(count, edges);
    return edges;
  }
}
