import type { SessionConfig } from '../../protocol/index.ts';

/**
 * What the server holds after `base` and then `patch` were sent as `session.update`s: top-level
 * fields and `audio.input` / `audio.output` fields of the patch replace those of the base
 * (the server treats each `session.update` as a partial update).
 *
 * @example
 * ```ts
 * mergeSessionConfig({ instructions: 'A', audio: { output: { voice: 'marin' } } }, { audio: { input: { turn_detection: null } } });
 * // { instructions: 'A', audio: { output: { voice: 'marin' }, input: { turn_detection: null } } }
 * ```
 */
export function mergeSessionConfig(base: SessionConfig | undefined, patch: SessionConfig): SessionConfig {
  if (!base) return patch;
  const merged: SessionConfig = { ...base, ...patch };
  if (patch.audio && base.audio) {
    merged.audio = {
      ...base.audio,
      ...patch.audio,
      ...(patch.audio.input && base.audio.input ? { input: { ...base.audio.input, ...patch.audio.input } } : {}),
      ...(patch.audio.output && base.audio.output ? { output: { ...base.audio.output, ...patch.audio.output } } : {}),
    };
  }
  return merged;
}
