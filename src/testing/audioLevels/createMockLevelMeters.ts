import type { Clock } from '../../core/session/clock.ts';
import type { AudioLevelMeter, AudioLevelOptions, AudioLevels } from '../../core/transport/audioLevels.ts';
import type { PlaybackEvent } from '../../core/transport/RealtimeTransport.ts';
import { createLevelAnalyser, LEVEL_WINDOW_SAMPLES, type LevelAnalyser } from './createLevelAnalyser.ts';
import { createPlaybackQueue, type PlaybackQueue } from './createPlaybackQueue.ts';
import { createSyntheticVoice, type SyntheticVoice } from './syntheticVoice.ts';

/** The Realtime API's PCM16 rate: what the deltas carry and the synthetic microphone speaks. */
const SAMPLE_RATE = 24000;
/** The user's synthetic voice: higher than the scenario's assistant, so the two look apart. */
const USER_PITCH_HZ = 190;
/** The assistant's, when playback is reported without audio deltas (as `createPcmChunk`'s). */
const ASSISTANT_PITCH_HZ = 140;

/**
 * The level meters of the mock transport: the transport hands it what it delivers (server
 * messages, playback events, mute, interrupt, close) while {@link MockLevelMeters.open} is
 * above 0, and it measures what a listener would hear. See `createMockTransport`'s
 * `openAudioLevelMeter` for the behaviour.
 */
export interface MockLevelMeters {
  /** How many meters are open. The transport feeds nothing while it is 0: no work when unused. */
  readonly open: number;
  /** A meter; its band count is that of the levels object it reads into. */
  openMeter(options: AudioLevelOptions): AudioLevelMeter;
  /** A server message the transport delivered (a JSON string or an object). */
  observeMessage(data: string | object): void;
  /** A playback event the transport delivered. */
  observePlayback(event: PlaybackEvent): void;
  /** The session silenced local playback (`transport.interrupt()`). */
  interrupted(): void;
  /** The connection closed: nothing plays or speaks any more. */
  closed(): void;
}

/** What the meters read from the transport. */
export interface MockLevelMetersOptions {
  clock: Clock;
  /** Whether the microphone is muted now. */
  muted: () => boolean;
}

/** The {@link MockLevelMeters} of one mock transport. Allocates its buffers on the first open meter. */
export function createMockLevelMeters(options: MockLevelMetersOptions): MockLevelMeters {
  const { clock, muted } = options;
  let open = 0;
  let parts: { queue: PlaybackQueue; analyser: LevelAnalyser; voice: SyntheticVoice; window: Float32Array } | undefined;
  /** Clock time the user started speaking, or null while they are silent. */
  let speechStartedAt: number | null = null;

  const setup = () =>
    (parts ??= {
      queue: createPlaybackQueue(SAMPLE_RATE, createSyntheticVoice({ pitchHz: ASSISTANT_PITCH_HZ, sampleRate: SAMPLE_RATE })),
      analyser: createLevelAnalyser(SAMPLE_RATE),
      voice: createSyntheticVoice({ pitchHz: USER_PITCH_HZ, sampleRate: SAMPLE_RATE }),
      window: new Float32Array(LEVEL_WINDOW_SAMPLES),
    });

  function forget() {
    parts?.queue.reset();
    speechStartedAt = null;
  }

  function measure(into: AudioLevels) {
    const { queue, analyser, voice, window } = setup();
    const now = clock.now();
    if (queue.window(now, window)) {
      into.output = analyser.level(window);
      analyser.bands(window, into.outputBands);
    } else {
      into.output = 0;
      into.outputBands.fill(0);
    }
    if (speechStartedAt !== null && !muted()) {
      voice.fill(window, Math.floor((now - speechStartedAt) * (SAMPLE_RATE / 1000)));
      into.input = analyser.level(window);
      analyser.bands(window, into.inputBands);
    } else {
      into.input = 0;
      into.inputBands.fill(0);
    }
  }

  return {
    get open() {
      return open;
    },
    openMeter() {
      setup();
      open++;
      let closed = false;
      return {
        read(into) {
          if (closed) {
            into.input = into.output = 0;
            into.inputBands.fill(0);
            into.outputBands.fill(0);
            return;
          }
          measure(into);
        },
        close() {
          if (closed) return;
          closed = true;
          open--;
          // Forget the audio once no one listens. Not at once: a meter closed and reopened in
          // the same task (new bands, StrictMode's second mount) keeps hearing the answer.
          if (open === 0) queueMicrotask(() => open === 0 && forget());
        },
      };
    },
    observeMessage(data) {
      const type = typeOf(data);
      if (type === undefined) return;
      const { queue } = setup();
      switch (type.value) {
        case 'response.output_audio.delta':
        case 'response.audio.delta': {
          const delta = (type.event as { delta?: unknown }).delta;
          if (typeof delta === 'string') queue.append(delta, clock.now());
          return;
        }
        case 'output_audio_buffer.started':
          return queue.start(clock.now());
        case 'output_audio_buffer.stopped':
        case 'output_audio_buffer.cleared':
          return queue.stop();
        case 'input_audio_buffer.speech_started':
          speechStartedAt = clock.now();
          return;
        case 'input_audio_buffer.speech_stopped':
          speechStartedAt = null;
          return;
      }
    },
    observePlayback(event) {
      const { queue } = setup();
      if (event.type === 'started') queue.start(clock.now());
      else queue.stop();
    },
    interrupted() {
      parts?.queue.silence();
    },
    closed: forget,
  };
}

/** The messages the meters follow; the others are not even parsed. */
const FOLLOWED = new Set([
  'response.output_audio.delta',
  'response.audio.delta',
  'output_audio_buffer.started',
  'output_audio_buffer.stopped',
  'output_audio_buffer.cleared',
  'input_audio_buffer.speech_started',
  'input_audio_buffer.speech_stopped',
]);

/**
 * The first `"type": "..."` of a JSON text. The followed messages have no nested objects, so
 * theirs is their own type; a nested type found first in another message is never a followed
 * one. (A quote inside a JSON string is escaped, so text cannot fake it.)
 */
const FIRST_TYPE = /"type"\s*:\s*"([^"\\]*)"/;

/** The `type` of a delivered message the meters follow, and the message as an object. */
function typeOf(data: string | object): { value: string; event: object } | undefined {
  let event: unknown = data;
  if (typeof data === 'string') {
    const first = FIRST_TYPE.exec(data);
    if (!first || !FOLLOWED.has(first[1]!)) return undefined;
    try {
      event = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (typeof event !== 'object' || event === null) return undefined;
  const value = (event as { type?: unknown }).type;
  return typeof value === 'string' ? { value, event } : undefined;
}
