// The chunk `lazyAudioFeatures.ts` loads on first use: the transports' level meters and their
// microphone switching, wired to what a transport shows of itself (`TransportAudio`).
import type { AudioLevelMeter, AudioLevelOptions } from '../../transport/audioLevels.ts';
import { createAudioLevelMeters } from './createAudioLevelMeters.ts';
import { createMicrophoneSwitcher } from './createMicrophoneSwitcher.ts';
import type { TransportAudio } from './lazyAudioFeatures.ts';

/** A meter on the analysers `audio` shares among its meters (made by the first). */
export function openMeter(audio: TransportAudio, options: AudioLevelOptions): AudioLevelMeter {
  audio.engine ??= createAudioLevelMeters({
    context: audio.context ?? (() => audio.link()?.context ?? null),
    input: () => audio.link()?.microphone?.lease.stream ?? null,
    output: () => {
      const link = audio.link();
      return link?.remoteStream ?? link?.player?.output ?? null;
    },
    inputMuted: () => audio.microphone.muted,
  });
  return audio.engine.open(options);
}

/** Switch `audio`'s microphone, after the switches asked for before this one. */
export function switchMicrophone(audio: TransportAudio, deviceId: string | null): Promise<void> {
  audio.switcher ??= createMicrophoneSwitcher(audio.microphone, () => audio.link()?.microphone ?? null);
  return audio.switcher(deviceId);
}
