import {
  clampBands,
  createSilentAudioLevelMeter,
  type AudioLevelMeter,
  type AudioLevelOptions,
} from '../../transport/audioLevels.ts';
import { errorMessage, report, type SessionContext } from '../context/sessionContext.ts';
import { runTransaction } from '../context/transaction.ts';

/**
 * `session.openAudioLevels`: the transport's meter, or silence where it has none. A meter that
 * throws (a closed AudioContext, a browser quirk) is reported once and reads silence from then
 * on, so a visualizer's frame loop never breaks.
 */
export function openAudioLevels(ctx: SessionContext, options: AudioLevelOptions = {}): AudioLevelMeter {
  const bands = clampBands(options.bands);
  const silent = createSilentAudioLevelMeter();
  const fail = (cause: unknown) =>
    runTransaction(ctx, () => report(ctx, 'transport', 'audio_levels_failed', errorMessage(cause), cause));
  let meter: AudioLevelMeter | undefined;
  try {
    meter = ctx.transport.openAudioLevelMeter?.({ bands });
  } catch (cause) {
    fail(cause);
  }
  if (!meter) return silent;
  let broken = false;
  let closed = false;
  const inner = meter;
  return {
    read(into) {
      if (broken || closed) return silent.read(into);
      try {
        inner.read(into);
      } catch (cause) {
        broken = true;
        silent.read(into);
        fail(cause);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        inner.close();
      } catch {
        // Releasing analysers of a context that is already gone: nothing left to free.
      }
    },
  };
}
