import { normalizeBetaSession } from './betaSession.ts';
import { RealtimeConfigError, toConfigIssues } from './errors.ts';
import { kitParseOptions } from './issueMessages.ts';
import { sessionConfigSchema, type SessionConfig } from './sessionConfig.ts';

/**
 * Checks a session config (or update patch) before it is sent, after moving beta fields
 * (`turn_detection`, `voice`, `input_audio_format`...) to their GA places.
 *
 * @returns the config in GA shape (a new object; the input is not changed).
 * @throws RealtimeConfigError listing every problem, e.g. an `idle_timeout_ms` of 3000, or an
 *   idle timeout on semantic VAD.
 *
 * @example
 * ```ts
 * const config = validateSessionConfig({ turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } });
 * config.audio?.input?.turn_detection; // { type: 'server_vad', idle_timeout_ms: 8000 }
 * ```
 */
export function validateSessionConfig(config: unknown): SessionConfig {
  const result = sessionConfigSchema.safeParse(normalizeBetaSession(config), kitParseOptions);
  if (result.success) return result.data;
  throw new RealtimeConfigError(toConfigIssues(result.error.issues));
}
