import { isRecord } from './isRecord.ts';

/** Beta audio format names and their GA objects. */
const BETA_AUDIO_FORMATS: Readonly<Record<string, { type: string; rate?: number }>> = Object.freeze(
  Object.assign(Object.create(null) as object, {
    pcm16: { type: 'audio/pcm', rate: 24000 },
    g711_ulaw: { type: 'audio/pcmu' },
    g711_alaw: { type: 'audio/pcma' },
  }),
);

/** Top-level beta session fields, each with its GA home (`[section, key]` under `audio`, or a top-level key). */
const BETA_AUDIO_FIELDS = {
  turn_detection: ['input', 'turn_detection'],
  input_audio_format: ['input', 'format'],
  input_audio_transcription: ['input', 'transcription'],
  input_audio_noise_reduction: ['input', 'noise_reduction'],
  output_audio_format: ['output', 'format'],
  voice: ['output', 'voice'],
  speed: ['output', 'speed'],
} as const;

const BETA_TOP_LEVEL_RENAMES = {
  modalities: 'output_modalities',
  max_response_output_tokens: 'max_output_tokens',
} as const;

const BETA_KEYS: readonly string[] = [...Object.keys(BETA_AUDIO_FIELDS), ...Object.keys(BETA_TOP_LEVEL_RENAMES)];

function toGaFormat(value: unknown): unknown {
  if (typeof value === 'string' && Object.hasOwn(BETA_AUDIO_FORMATS, value)) return { ...BETA_AUDIO_FORMATS[value] };
  return value;
}

/**
 * True when a session object uses any beta top-level field (`turn_detection`, `voice`,
 * `input_audio_format`, `modalities`...).
 *
 * @example
 * ```ts
 * isBetaSessionShape({ turn_detection: { type: 'server_vad' } }); // true
 * isBetaSessionShape({ audio: { input: { turn_detection: null } } }); // false
 * ```
 */
export function isBetaSessionShape(session: unknown): boolean {
  if (!isRecord(session)) return false;
  for (const key of BETA_KEYS) if (Object.hasOwn(session, key)) return true;
  return false;
}

/**
 * Moves beta session fields to their GA places: `turn_detection` -> `audio.input.turn_detection`,
 * `input_audio_format: 'pcm16'` -> `audio.input.format: { type: 'audio/pcm', rate: 24000 }`,
 * `voice` -> `audio.output.voice`, `modalities` -> `output_modalities`, and so on. A GA value
 * already present wins over its beta twin. Returns the input itself when it has no beta field;
 * never mutates it.
 *
 * @example
 * ```ts
 * normalizeBetaSession({ voice: 'marin', turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } });
 * // { audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } }, output: { voice: 'marin' } } }
 * ```
 */
export function normalizeBetaSession<T>(session: T): T {
  if (!isBetaSessionShape(session)) return session;
  const source = session as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const audio: Record<string, Record<string, unknown>> = { input: {}, output: {} };
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (Object.hasOwn(BETA_AUDIO_FIELDS, key)) {
      const [section, gaKey] = BETA_AUDIO_FIELDS[key as keyof typeof BETA_AUDIO_FIELDS];
      audio[section]![gaKey] = gaKey === 'format' ? toGaFormat(value) : value;
    } else if (Object.hasOwn(BETA_TOP_LEVEL_RENAMES, key)) {
      const gaKey = BETA_TOP_LEVEL_RENAMES[key as keyof typeof BETA_TOP_LEVEL_RENAMES];
      if (!Object.hasOwn(source, gaKey)) out[gaKey] = value;
    } else if (key !== 'audio') {
      out[key] = value;
    }
  }
  if (source.audio !== undefined && !isRecord(source.audio)) {
    // Not ours to repair: keep the bad value so validation reports it.
    out.audio = source.audio;
    return out as T;
  }
  const gaAudio = source.audio ?? {};
  const mergedAudio: Record<string, unknown> = { ...gaAudio };
  for (const section of ['input', 'output'] as const) {
    const gaSection = isRecord(gaAudio[section]) ? gaAudio[section] : undefined;
    if (Object.keys(audio[section]!).length > 0 || gaSection) {
      mergedAudio[section] = { ...audio[section], ...gaSection };
    }
  }
  out.audio = mergedAudio;
  return out as T;
}
