// The transports' level meters and microphone switching load on first use, through import():
// an app's bundler (Vite, webpack, Next) puts them in their own chunk, so a page that never
// measures levels or switches microphones (the idle page) does not download them. A transport
// keeps only what that chunk must reach (`TransportAudio`); all the glue lives in the chunk.
import { createSilentAudioLevelMeter, type AudioLevelMeter, type AudioLevelOptions } from '../../transport/audioLevels.ts';
import type * as AudioFeatures from './audioFeatures.ts';
import type { AudioLevelMeters } from './createAudioLevelMeters.ts';
import type { MicrophoneSource } from './createMicrophoneSource.ts';
import type { MicrophoneSlot } from './createMicrophoneSwitcher.ts';

/** What a transport shows its lazily loaded meters and switcher: where its audio is right now. */
export interface TransportAudio {
  readonly microphone: MicrophoneSource;
  /** The current connection, or null between connections. */
  link(): TransportAudioLink | null;
  /** WebRTC: the metering context the analysers run in, or null (see `AudioLevelSources.context`). Default: the link's. */
  context?(): AudioContext | null;
  /** The last open meter closed: release a metering-only context. */
  idle?(): void;
  /** Meters open now, counted before their code has loaded (WebRTC's gesture rule reads it). */
  meters: number;
  /** Made by the loaded chunk: the analysers shared by this transport's meters. */
  engine?: AudioLevelMeters;
  /** Made by the loaded chunk: this transport's `setMicrophoneDevice`, which keeps calls in order. */
  switcher?: (deviceId: string | null) => Promise<void>;
}

/** What a connection holds of its audio. */
export interface TransportAudioLink {
  /** The microphone being sent (what the input meter measures, what a switch replaces). */
  microphone: MicrophoneSlot | null;
  /** WebRTC: the assistant's audio as `ontrack` gave it (what the output meter measures). */
  remoteStream?: MediaStream | null;
  /** WebSocket: the player, whose output node the output meter measures. */
  player?: { readonly output: AudioNode } | null;
  /** WebSocket: the connection's AudioContext (capture, playback and the analysers). */
  context?: AudioContext | null;
}

type Features = typeof AudioFeatures;
let features: Promise<Features> | null = null;
let loaded: Features | undefined;

/**
 * Load the meters and the switcher now (their first use does it anyway; until then a meter reads
 * zeros). Resolves once loaded; a failed load is retried next time.
 */
export function loadAudioFeatures(): Promise<Features> {
  return (features ??= import('./audioFeatures.ts').then(
    (module) => (loaded = module),
    (error: unknown) => {
      features = null;
      throw error;
    },
  ));
}

/** A transport's `openAudioLevelMeter`: reads zeros until the analysers have loaded (a frame or two). */
export function openAudioLevelMeterLazily(audio: TransportAudio, options: AudioLevelOptions): AudioLevelMeter {
  audio.meters += 1;
  let inner = createSilentAudioLevelMeter();
  let closed = false;
  const attach = (features: Features) => closed || (inner = features.openMeter(audio, options));
  // Once loaded, at once (a meter opened beside another shares its analysers from its first
  // read); a failed load (offline) leaves the meter silent, and the next open retries.
  if (loaded) attach(loaded);
  else loadAudioFeatures().then(attach, () => undefined);
  return {
    read: (into) => inner.read(into),
    close() {
      if (closed) return;
      closed = true;
      inner.close();
      // A meter that closed before its analysers loaded still lets a metering context go.
      if (!(audio.meters -= 1)) audio.idle?.();
    },
  };
}

/** A transport's `setMicrophoneDevice`: calls keep their order while the switcher loads. */
export function setMicrophoneDeviceLazily(audio: TransportAudio, deviceId: string | null): Promise<void> {
  // '' means the default, as null: `deviceId: { exact: '' }` would match no microphone.
  return loadAudioFeatures().then((loaded) => loaded.switchMicrophone(audio, deviceId || null));
}
