import {
  clampBands,
  createSilentAudioLevelMeter,
  type AudioLevelMeter,
  type AudioLevelOptions,
} from '../../transport/audioLevels.ts';
import type { SessionContext } from '../context/sessionContext.ts';
import { reportTransportFailure } from './reportTransportFailure.ts';

/**
 * `session.openAudioLevels`: the transport's meter, or silence where it has none. A meter that
 * throws (a closed AudioContext, a browser quirk) is reported once and reads silence from then
 * on, so a visualizer's frame loop never breaks.
 */
export function openAudioLevels(ctx: SessionContext, options: AudioLevelOptions = {}): AudioLevelMeter {
  const silent = createSilentAudioLevelMeter();
  // What reads go to: the transport's meter until it fails or closes.
  let live: AudioLevelMeter | undefined;
  const fail = (cause: unknown) => {
    live = undefined;
    reportTransportFailure(ctx, 'audio_levels_failed', cause);
  };
  try {
    live = ctx.transport.openAudioLevelMeter?.({ bands: clampBands(options.bands) });
  } catch (cause) {
    fail(cause);
  }
  // What close() releases, once.
  let held = live;
  return {
    read(into) {
      try {
        (live ?? silent).read(into);
      } catch (cause) {
        silent.read(into);
        fail(cause);
      }
    },
    close() {
      const inner = held;
      live = held = undefined;
      try {
        inner?.close();
      } catch {
        // Releasing analysers of a context that is already gone: nothing left to free.
      }
    },
  };
}
