// The transports' level meters and microphone switching load on first use, through import():
// an app's bundler (Vite, webpack, Next) puts them in their own chunk, so a page that never
// measures levels or switches microphones (the idle page) does not download them.
import { createSilentAudioLevelMeter, type AudioLevelMeter } from '../../transport/audioLevels.ts';
import type * as MetersModuleNamespace from './createAudioLevelMeters.ts';
import type { AudioLevelMeters, AudioLevelSources } from './createAudioLevelMeters.ts';
import type { MicrophoneSource } from './createMicrophoneSource.ts';
import type * as SwitcherModuleNamespace from './createMicrophoneSwitcher.ts';
import type { MicrophoneSlot } from './createMicrophoneSwitcher.ts';

type MetersModule = typeof MetersModuleNamespace;
type SwitcherModule = typeof SwitcherModuleNamespace;

let metersModule: Promise<MetersModule> | null = null;
let switcherModule: Promise<SwitcherModule> | null = null;

/**
 * Load the analyser meters now (the first `openAudioLevelMeter` does it anyway; until it has
 * loaded, a meter reads zeros). Resolves once loaded; a failed load is retried next time.
 */
export function loadAudioLevelMeters(): Promise<MetersModule> {
  metersModule ??= import('./createAudioLevelMeters.ts').catch((error: unknown) => {
    metersModule = null;
    throw error;
  });
  return metersModule;
}

function loadMicrophoneSwitcher(): Promise<SwitcherModule> {
  switcherModule ??= import('./createMicrophoneSwitcher.ts').catch((error: unknown) => {
    switcherModule = null;
    throw error;
  });
  return switcherModule;
}

/**
 * {@link AudioLevelMeters} whose analysers load on the first `open`. A meter reads zeros until
 * then (a frame or two), exactly as it does before there is audio.
 */
export function createLazyAudioLevelMeters(sources: AudioLevelSources): AudioLevelMeters {
  let engine: AudioLevelMeters | null = null;
  let openCount = 0;
  const silent = createSilentAudioLevelMeter();
  const load = () => {
    if (engine) return;
    loadAudioLevelMeters().then(
      (module) => {
        engine ??= module.createAudioLevelMeters(sources);
      },
      () => undefined, // The chunk failed to load (offline): the meters read silence; the next open retries.
    );
  };
  return {
    get openCount() {
      return openCount;
    },
    release() {
      engine?.release();
    },
    open(options) {
      openCount += 1;
      load();
      let inner: AudioLevelMeter | null = null;
      let closed = false;
      return {
        read(into) {
          if (!inner && engine && !closed) inner = engine.open(options);
          (inner ?? silent).read(into);
        },
        close() {
          if (closed) return;
          closed = true;
          openCount -= 1;
          inner?.close();
          inner = silent;
          // A meter that closed before its analysers loaded still lets a metering context go.
          if (openCount === 0) sources.idle?.();
        },
      };
    },
  };
}

/**
 * A transport's `setMicrophoneDevice` whose switching code loads on the first call. Calls keep
 * their order while it loads (they all wait on the same load).
 */
export function createLazyMicrophoneSwitcher(
  microphone: MicrophoneSource,
  current: () => MicrophoneSlot | null,
): (deviceId: string | null) => Promise<void> {
  let switcher: ((deviceId: string | null) => Promise<void>) | null = null;
  return async (deviceId) => {
    if (!switcher) {
      const module = await loadMicrophoneSwitcher();
      switcher ??= module.createMicrophoneSwitcher(microphone, current);
    }
    return switcher(deviceId);
  };
}
