/**
 * A voice-like test signal: a buzz of harmonics shaped by two formants, a slow intonation, a
 * syllable envelope (about four syllables a second, silent between them) and a breath of
 * noise, so a level meter and its frequency bands move the way they do for speech. A pure
 * function of the sample index: chunks made separately join without a click, and the same
 * time always gives the same samples.
 */
export interface SyntheticVoice {
  /** Samples per second. */
  readonly sampleRate: number;
  /** The sample at index `n` (0 = the voice starts), in -1..1. */
  sample(n: number): number;
  /** Fill `into` with the samples that end just before index `end`; indices below 0 are silence. */
  fill(into: Float32Array, end: number): void;
}

/** Options of {@link createSyntheticVoice}. */
export interface SyntheticVoiceOptions {
  /** The fundamental, Hz: about 140 for a low voice, 200 for a higher one. */
  pitchHz: number;
  /** Default 24000, the Realtime API's PCM rate. */
  sampleRate?: number;
  /** RMS at the loudest point of a syllable, 0..1 of full scale. Default 0.16 (speech: -16 dBFS). */
  peakRms?: number;
  /** Syllables per second. Default 4. */
  syllableRate?: number;
}

const TABLE_SIZE = 2048;
const HARMONICS = 28;
/** Formants of an open vowel, Hz: the buzz is loudest near them. */
const FORMANTS = [
  { hz: 650, gain: 2.5, width: 220 },
  { hz: 1700, gain: 1.4, width: 400 },
  { hz: 2900, gain: 0.6, width: 600 },
];
const INTONATION_HZ = 0.7;
const INTONATION_DEPTH = 0.08;
const NOISE_SHARE = 0.05;

/**
 * A {@link SyntheticVoice}: the mock transport's stand-in for a microphone, and the audio of
 * scenario answers (`createPcmChunk`).
 *
 * @example
 * ```ts
 * const voice = createSyntheticVoice({ pitchHz: 200 });
 * const window = new Float32Array(1024);
 * voice.fill(window, 24000); // the 1024 samples before the first second ends
 * ```
 */
export function createSyntheticVoice(options: SyntheticVoiceOptions): SyntheticVoice {
  const sampleRate = options.sampleRate ?? 24000;
  const pitch = options.pitchHz;
  const syllableRate = options.syllableRate ?? 4;
  const table = waveTable(pitch);
  const gain = options.peakRms ?? 0.16;
  // The phase of an intonation f(t) = pitch * (1 + depth * sin(2π r t)) is its integral.
  const swing = (pitch * INTONATION_DEPTH) / (2 * Math.PI * INTONATION_HZ);

  /** Periods of the buzz sung by sample `n`: the integral of the pitch. */
  const cyclesAt = (n: number) => {
    const t = n / sampleRate;
    return pitch * t + swing * (1 - Math.cos(2 * Math.PI * INTONATION_HZ * t));
  };
  const envelopeAt = (n: number) => {
    const t = n / sampleRate;
    const syllable = Math.sin(Math.PI * syllableRate * t);
    // Phrases: every third syllable is weaker, as in running speech.
    const stress = 0.75 + 0.25 * Math.cos((2 * Math.PI * syllableRate * t) / 3);
    return gain * syllable * syllable * stress;
  };
  const voiced = (n: number, cycles: number, envelope: number) => {
    const position = (cycles - Math.floor(cycles)) * TABLE_SIZE;
    const index = Math.floor(position);
    const buzz = table[index]! + (table[index + 1]! - table[index]!) * (position - index);
    return envelope * ((1 - NOISE_SHARE) * buzz + NOISE_SHARE * 1.7 * noise(n));
  };

  return {
    sampleRate,
    sample: (n) => (n < 0 ? 0 : voiced(n, cyclesAt(n), envelopeAt(n))),
    fill(into, end) {
      // Pitch and envelope move slowly: exact at every 32nd sample, linear in between, so a
      // window of a meter costs a few dozen cosines rather than thousands.
      const start = end - into.length;
      for (let block = 0; block < into.length; block += FILL_BLOCK) {
        const from = start + block;
        const size = Math.min(FILL_BLOCK, into.length - block);
        const cycles = cyclesAt(from);
        const cyclesStep = (cyclesAt(from + size) - cycles) / size;
        const envelope = envelopeAt(from);
        const envelopeStep = (envelopeAt(from + size) - envelope) / size;
        for (let i = 0; i < size; i++) {
          const n = from + i;
          into[block + i] = n < 0 ? 0 : voiced(n, cycles + cyclesStep * i, envelope + envelopeStep * i);
        }
      }
    },
  };
}

const FILL_BLOCK = 32;

/** One period of the buzz, RMS 1, with a guard sample for interpolation. */
function waveTable(pitch: number): Float32Array {
  const table = new Float32Array(TABLE_SIZE + 1);
  for (let k = 1; k <= HARMONICS; k++) {
    const hz = k * pitch;
    let shape = 0.3;
    for (const formant of FORMANTS) shape += formant.gain * Math.exp(-(((hz - formant.hz) / formant.width) ** 2));
    const amplitude = shape / k;
    for (let i = 0; i < TABLE_SIZE; i++) table[i] = table[i]! + amplitude * Math.sin((2 * Math.PI * k * i) / TABLE_SIZE);
  }
  let power = 0;
  for (let i = 0; i < TABLE_SIZE; i++) power += table[i]! * table[i]!;
  const scale = 1 / Math.sqrt(power / TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) table[i] = table[i]! * scale;
  table[TABLE_SIZE] = table[0]!;
  return table;
}

/** Deterministic white noise in -1..1 (RMS ~0.58) from a sample index: an integer hash. */
function noise(n: number): number {
  let x = Math.imul(n | 0, 0x9e3779b1);
  x ^= x >>> 15;
  x = Math.imul(x, 0x85ebca77);
  x ^= x >>> 13;
  return (x & 0xffff) / 0x8000 - 1;
}
