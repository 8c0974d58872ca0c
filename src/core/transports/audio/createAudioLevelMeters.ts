import { clampBands, type AudioLevelMeter, type AudioLevelOptions, type AudioLevels } from '../../transport/audioLevels.ts';
import { decibelsToAudioLevel, rmsToAudioLevel } from '../../transport/audioLevelCurve.ts';
import { createGestureResumer, type GestureResumer } from './resumeOnGesture.ts';

/**
 * Where a transport's audio is at this moment. The getters are called at every read of an open
 * meter (once per frame), so each must be cheap and must not allocate; they are never called
 * while no meter is open.
 */
export interface AudioLevelSources {
  /**
   * The context the analysers live in, or null when none can be had (no Web Audio). Called only
   * when there is audio to measure, so a transport may create a metering-only context here.
   */
  context(): AudioContext | null;
  /** The microphone as it is sent (a stream whose audio track goes out), or null. */
  input(): MediaStream | null;
  /** The assistant as heard: the remote stream (WebRTC) or the player's output node (WebSocket), or null. */
  output(): MediaStream | AudioNode | null;
  /** The microphone is muted: the input reads 0 at once, without waiting for the analyser to drain. */
  inputMuted(): boolean;
  /** The last open meter closed and the analysers are gone: release a metering-only context. */
  idle?(): void;
}

/** The meters of one transport, sharing one pair of analysers. */
export interface AudioLevelMeters {
  /** A transport's `openAudioLevelMeter`. */
  open(options: AudioLevelOptions): AudioLevelMeter;
  /**
   * Disconnect the analysers now (the transport closes, or its context goes away). Open meters
   * stay open and build new analysers at their next read, once there is audio again.
   */
  release(): void;
  /** How many meters are open (the analysers exist only while this is above 0). */
  readonly openCount: number;
}

/** Samples per analysis: about 21 ms at 48 kHz, a bit more than one 60 Hz frame. */
const FFT_SIZE = 1024;
/** Low: a meter is read once per frame and should follow syllables, not lag behind them. */
const SMOOTHING = 0.3;
/** The scale of spectrum bins, the analyser's usual `minDecibels`..`maxDecibels`. */
const BAND_FLOOR_DB = -100;
const BAND_CEILING_DB = -30;
/** Bands are spread over the voice's range on a log scale, like the ear hears them. */
const BAND_LOW_HZ = 80;
const BAND_HIGH_HZ = 8000;

interface Side {
  source: MediaStream | AudioNode | null;
  analyser: AnalyserNode | null;
  disconnect: (() => void) | null;
}

interface MeterState {
  bands: number;
  /** Bin index where each band starts (`bands + 1` entries), for `edgesRate`. */
  edges: Uint16Array;
  edgesRate: number;
  closed: boolean;
}

/**
 * Audio level meters over Web Audio analysers, for a transport's `openAudioLevelMeter`. One
 * `AnalyserNode` per side (microphone, assistant) exists only while at least one meter is open;
 * they follow the transport's audio (`sources`) at each read, so a meter opened before
 * `connect()` reads zeros until there is audio, then live values, and keeps working across
 * reconnects and microphone switches. Reads reuse typed arrays: nothing is allocated per frame.
 *
 * The level is the RMS of the last 1024 samples on the shared curve ({@link rmsToAudioLevel});
 * bands average the spectrum's decibels over log-spaced ranges from 80 Hz to 8 kHz.
 *
 * @example
 * ```ts
 * const meters = createAudioLevelMeters({
 *   context: () => context,
 *   input: () => microphoneStream,
 *   output: () => player.output,
 *   inputMuted: () => muted,
 * });
 * const transport = { ...rest, openAudioLevelMeter: meters.open };
 * ```
 */
export function createAudioLevelMeters(sources: AudioLevelSources): AudioLevelMeters {
  const time = new Float32Array(FFT_SIZE);
  const spectrum = new Float32Array(FFT_SIZE / 2);
  const input: Side = { source: null, analyser: null, disconnect: null };
  const output: Side = { source: null, analyser: null, disconnect: null };
  let context: AudioContext | null = null;
  // Resumes a suspended context at the next user gesture (Safari made it outside one).
  let resumer: GestureResumer | null = null;
  let openCount = 0;

  const release = () => {
    unplug(input);
    unplug(output);
    context = null;
    resumer?.stop();
    resumer = null;
  };

  // Make the analysers match the transport's audio now: a new connection has a new context (or
  // a new remote stream), a switched microphone a new stream. Unchanged sources cost three reads.
  const follow = () => {
    const wantInput = sources.input();
    const wantOutput = sources.output();
    if (!wantInput && !wantOutput) {
      release();
      return;
    }
    const current = sources.context();
    if (current !== context) {
      release();
      context = current;
      resumer = current && createGestureResumer(current);
    }
    if (!context) return;
    resumer?.check();
    if (input.source !== wantInput) plug(context, input, wantInput);
    if (output.source !== wantOutput) plug(context, output, wantOutput);
  };

  const read = (meter: MeterState, into: AudioLevels) => {
    follow();
    if (context && context.sampleRate !== meter.edgesRate) {
      bandEdges(meter.edges, context.sampleRate);
      meter.edgesRate = context.sampleRate;
    }
    const muted = sources.inputMuted();
    into.input = measure(muted ? null : input.analyser, meter, into.inputBands, time, spectrum);
    into.output = measure(output.analyser, meter, into.outputBands, time, spectrum);
  };

  return {
    get openCount() {
      return openCount;
    },
    release,
    open(options) {
      const bands = clampBands(options.bands);
      const meter: MeterState = { bands, edges: new Uint16Array(bands + 1), edgesRate: 0, closed: false };
      openCount += 1;
      return {
        read(into) {
          if (meter.closed) {
            silence(into);
            return;
          }
          read(meter, into);
        },
        close() {
          if (meter.closed) return;
          meter.closed = true;
          openCount -= 1;
          if (openCount > 0) return;
          release();
          sources.idle?.();
        },
      };
    },
  };
}

function plug(context: AudioContext, side: Side, source: MediaStream | AudioNode | null) {
  unplug(side);
  side.source = source;
  // A stream without an audio track cannot feed a source node: nothing to hear.
  if (!source || (isStream(source) && source.getAudioTracks().length === 0)) return;
  try {
    const analyser = context.createAnalyser();
    analyser.fftSize = FFT_SIZE;
    analyser.smoothingTimeConstant = SMOOTHING;
    if (isStream(source)) {
      // Not connected to the destination: the analyser is only listened to, never heard.
      const node = context.createMediaStreamSource(source);
      node.connect(analyser);
      side.disconnect = () => node.disconnect();
    } else {
      source.connect(analyser);
      side.disconnect = () => source.disconnect(analyser);
    }
    side.analyser = analyser;
  } catch {
    // A closed context or a stream that ended meanwhile: this side reads 0 until its source changes.
    side.analyser = null;
    side.disconnect = null;
  }
}

function unplug(side: Side) {
  try {
    side.disconnect?.();
  } catch {
    // The context is already closed: nothing left to disconnect.
  }
  side.source = null;
  side.analyser = null;
  side.disconnect = null;
}

function isStream(source: MediaStream | AudioNode): source is MediaStream {
  return typeof (source as MediaStream).getAudioTracks === 'function';
}

function measure(
  analyser: AnalyserNode | null,
  meter: MeterState,
  bands: Float32Array,
  time: Float32Array<ArrayBuffer>,
  spectrum: Float32Array<ArrayBuffer>,
): number {
  const count = Math.min(meter.bands, bands.length);
  if (!analyser) {
    bands.fill(0);
    return 0;
  }
  analyser.getFloatTimeDomainData(time);
  let sum = 0;
  for (let i = 0; i < time.length; i += 1) {
    const sample = time[i] as number;
    sum += sample * sample;
  }
  if (count > 0) {
    analyser.getFloatFrequencyData(spectrum);
    const edges = meter.edges;
    for (let band = 0; band < count; band += 1) {
      const from = edges[band] as number;
      const to = edges[band + 1] as number;
      let total = 0;
      for (let bin = from; bin < to; bin += 1) total += spectrum[bin] as number;
      bands[band] = decibelsToAudioLevel(total / (to - from), BAND_FLOOR_DB, BAND_CEILING_DB);
    }
  }
  if (count < bands.length) bands.fill(0, count);
  return rmsToAudioLevel(Math.sqrt(sum / time.length));
}

/** Log-spaced band edges in spectrum bins, each band at least one bin wide. */
function bandEdges(edges: Uint16Array, sampleRate: number) {
  const bands = edges.length - 1;
  if (bands <= 0) return;
  const bins = FFT_SIZE / 2;
  const binHz = sampleRate / FFT_SIZE;
  const high = Math.min(BAND_HIGH_HZ, sampleRate / 2);
  const ratio = high / BAND_LOW_HZ;
  for (let band = 0; band <= bands; band += 1) {
    const hz = BAND_LOW_HZ * ratio ** (band / bands);
    edges[band] = Math.min(bins, Math.max(1, Math.round(hz / binHz)));
  }
  for (let band = 1; band <= bands; band += 1) {
    const previous = edges[band - 1] as number;
    if ((edges[band] as number) <= previous) edges[band] = previous + 1;
  }
  // Pushed past the last bin by the widening above: pull the top bands back, each one bin wide.
  for (let band = bands; band >= 0 && (edges[band] as number) > bins - (bands - band); band -= 1) {
    edges[band] = bins - (bands - band);
  }
}

function silence(into: AudioLevels) {
  into.input = 0;
  into.output = 0;
  into.inputBands.fill(0);
  into.outputBands.fill(0);
}
