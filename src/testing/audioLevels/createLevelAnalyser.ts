import { decibelsToAudioLevel, rmsToAudioLevel } from '../../core/transport/audioLevelCurve.ts';
import { createFft, type Fft } from './fft.ts';

/**
 * Samples measured per read: the last 512 at 24 kHz, about 21 ms with bins 47 Hz wide, the span
 * and the resolution of the transports' analysers (fftSize 1024 at 48 kHz).
 */
export const LEVEL_WINDOW_SAMPLES = 512;

/** Band edges and the spectrum's decibel scale: the same as the OpenAI transports' analysers. */
const BAND_LOW_HZ = 80;
const BAND_HIGH_HZ = 8000;
const BAND_FLOOR_DB = -100;
const BAND_CEILING_DB = -30;

/**
 * Measures one window of PCM (`LEVEL_WINDOW_SAMPLES` samples, -1..1) the way the OpenAI
 * transports' `AnalyserNode`s do, so the mock's levels move like a real call's: the level is
 * the window's RMS on the shared curve (`rmsToAudioLevel`, -60..-10 dBFS); bands are
 * log-spaced from 80 Hz to 8 kHz, each the mean decibels of its spectrum bins (Blackman
 * window, magnitude / N, as `getFloatFrequencyData`) on a -100..-30 dB scale. Holds its
 * buffers: a read allocates nothing (band layouts are made once per band count).
 */
export interface LevelAnalyser {
  /** The window's level 0..1. */
  level(window: Float32Array): number;
  /** Fill `out` with `out.length` band levels 0..1, low to high. */
  bands(window: Float32Array, out: Float32Array): void;
}

/** A {@link LevelAnalyser} for PCM at `sampleRate`. */
export function createLevelAnalyser(sampleRate: number): LevelAnalyser {
  const size = LEVEL_WINDOW_SAMPLES;
  const half = size / 2;
  // A real window's spectrum from a complex FFT of half its size: even samples as the real
  // part, odd ones as the imaginary part, then untangled bin by bin (twice as fast).
  let fft: Fft | undefined;
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  const blackman = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const phase = (2 * Math.PI * i) / size;
    blackman[i] = 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
  }
  const twiddleCos = new Float64Array(half);
  const twiddleSin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    twiddleCos[k] = Math.cos((2 * Math.PI * k) / size);
    twiddleSin[k] = Math.sin((2 * Math.PI * k) / size);
  }
  /** |X[k]|^2 of the real window, from the packed half-size transform. */
  const binPower = (k: number) => {
    const mirror = k === 0 ? 0 : half - k;
    const evenRe = (re[k]! + re[mirror]!) / 2;
    const evenIm = (im[k]! - im[mirror]!) / 2;
    const oddRe = (im[k]! + im[mirror]!) / 2;
    const oddIm = (re[mirror]! - re[k]!) / 2;
    const c = twiddleCos[k]!;
    const s = twiddleSin[k]!;
    const xRe = evenRe + c * oddRe + s * oddIm;
    const xIm = evenIm + c * oddIm - s * oddRe;
    return xRe * xRe + xIm * xIm;
  };
  const layouts = new Map<number, Uint16Array>();

  return {
    level(window) {
      let sum = 0;
      for (let i = 0; i < size; i++) sum += window[i]! * window[i]!;
      return rmsToAudioLevel(Math.sqrt(sum / size));
    },
    bands(window, out) {
      const count = out.length;
      if (count === 0) return;
      const edges = layouts.get(count) ?? layout(count);
      fft ??= createFft(half);
      for (let n = 0; n < half; n++) {
        re[n] = window[2 * n]! * blackman[2 * n]!;
        im[n] = window[2 * n + 1]! * blackman[2 * n + 1]!;
      }
      fft.transform(re, im);
      for (let band = 0; band < count; band++) {
        const from = edges[band]!;
        const to = edges[band + count]!;
        let decibels = 0;
        for (let k = from; k < to; k++) {
          // 10 * log10(|X|^2 / N^2) = 20 * log10(|X| / N); a silent bin counts as the floor.
          const power = binPower(k) / (size * size);
          decibels += power > 1e-20 ? 10 * Math.log10(power) : -200;
        }
        out[band] = decibelsToAudioLevel(decibels / (to - from), BAND_FLOOR_DB, BAND_CEILING_DB);
      }
    },
  };

  /** Bin ranges of `count` log-spaced bands: starts, then ends (exclusive); at least one bin each. */
  function layout(count: number): Uint16Array {
    const binHz = sampleRate / size;
    const lastBin = half - 1;
    const edges = new Uint16Array(count * 2);
    for (let band = 0; band < count; band++) {
      const from = BAND_LOW_HZ * (BAND_HIGH_HZ / BAND_LOW_HZ) ** (band / count);
      const to = BAND_LOW_HZ * (BAND_HIGH_HZ / BAND_LOW_HZ) ** ((band + 1) / count);
      const start = Math.min(lastBin, Math.max(1, Math.round(from / binHz)));
      edges[band] = start;
      edges[band + count] = Math.min(lastBin + 1, Math.max(start + 1, Math.round(to / binHz)));
    }
    layouts.set(count, edges);
    return edges;
  }
}
