// The chunk `lazyAudioFeatures.ts` loads on first use: the transports' level meters and their
// microphone switching, wired to what a transport shows of itself (`TransportAudio`).
import type { AudioLevelMeter, AudioLevelOptions } from '../../transport/audioLevels.ts';
import { createAudioLevelMeters } from './createAudioLevelMeters.ts';
import { createMicrophoneSwitcher } from './createMicrophoneSwitcher.ts';
import type { TransportAudio } from './lazyAudioFeatures.ts';

/** A meter on the analysers `audio` shares among its meters (made by the first). */
export function openMeter(audio: TransportAudio, options: AudioLevelOptions): AudioLevelMeter {
  audio.engine ??= createAudioLevelMeters({
    context: audio.context,
    input: () => audio.slot()?.lease.stream ?? null,
    output: audio.output,
    inputMuted: () => audio.microphone.muted,
  });
  return audio.engine.open(options);
}

/** Switch `audio`'s microphone, after the switches asked for before this one. */
export function switchMicrophone(audio: TransportAudio, deviceId: string | null): Promise<void> {
  audio.switcher ??= createMicrophoneSwitcher(audio.microphone, audio.slot);
  return audio.switcher(deviceId);
}
