/**
 * Speech-like audio for a text: one voiced "syllable" per vowel group, with a gliding pitch,
 * a few harmonics and an attack/decay envelope, separated by short pauses. It is not speech,
 * but it has speech's level and rhythm, so energy detectors, meters and ears treat it as such.
 *
 * @example
 * ```ts
 * const pcm = synthesizeSpeech('Are you still there?'); // Int16Array at 24 kHz
 * ```
 */
export function synthesizeSpeech(
  text: string,
  options: { sampleRate?: number; msPerCharacter?: number; amplitude?: number; minMs?: number; maxMs?: number } = {},
): Int16Array {
  const sampleRate = options.sampleRate ?? 24000;
  const amplitude = options.amplitude ?? 0.3;
  const totalMs = Math.min(
    options.maxMs ?? 8000,
    Math.max(options.minMs ?? 400, text.length * (options.msPerCharacter ?? 55)),
  );
  const total = Math.round((totalMs / 1000) * sampleRate);
  const out = new Int16Array(total);
  const syllables = Math.max(1, (text.match(/[aeiouy]+/gi) ?? []).length);
  const syllableLength = total / syllables;
  let phase = 0;
  for (let i = 0; i < total; i++) {
    const syllable = Math.floor(i / syllableLength);
    const within = (i - syllable * syllableLength) / syllableLength; // 0..1 inside the syllable
    // 75 % voiced, 25 % pause: the gaps give the rhythm a detector and a listener expect.
    const envelope = within < 0.75 ? Math.sin((Math.PI * within) / 0.75) : 0;
    const pitch = 150 + 40 * Math.sin(syllable * 1.7) + 20 * within;
    phase += (2 * Math.PI * pitch) / sampleRate;
    const voice = Math.sin(phase) * 0.6 + Math.sin(2 * phase) * 0.25 + Math.sin(3 * phase) * 0.15;
    out[i] = Math.round(voice * envelope * amplitude * 32767);
  }
  return out;
}
