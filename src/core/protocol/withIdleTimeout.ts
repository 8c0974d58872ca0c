import { normalizeBetaSession } from './betaSession.ts';
import { RealtimeConfigError } from './errors.ts';
import type { SessionConfig } from './sessionConfig.ts';
import { validateIdleTimeoutMs, type TurnDetection } from './turnDetection.ts';

/**
 * The turn detection a config asks for: an object, `null` (turned off: push-to-talk), or
 * `undefined` when the config does not say (the server then keeps its current setting, which
 * starts as server VAD). Reads the GA place first, then the beta top-level `turn_detection`.
 *
 * @example
 * ```ts
 * getTurnDetection({ audio: { input: { turn_detection: { type: 'semantic_vad' } } } }); // { type: 'semantic_vad' }
 * getTurnDetection({ instructions: 'Be brief.' }); // undefined
 * ```
 */
export function getTurnDetection(config: SessionConfig | null | undefined): TurnDetection | null | undefined {
  if (config == null) return undefined;
  const input = config.audio?.input;
  if (input && Object.hasOwn(input, 'turn_detection')) return input.turn_detection;
  if (Object.hasOwn(config, 'turn_detection')) return (config as { turn_detection?: TurnDetection | null }).turn_detection;
  return undefined;
}

/**
 * A new config whose server VAD has `idle_timeout_ms` set (`null` turns the timeout off). With
 * no turn detection specified it adds `{ type: 'server_vad', idle_timeout_ms }`, the server's
 * default mode. The input is never changed.
 *
 * With semantic VAD or no turn detection the server has no idle timeout: asking for one throws,
 * and the client fallback (a client-side silence clock) must be used instead. Turning it off
 * (`null`) there returns the config unchanged, since there is nothing to turn off.
 *
 * @throws RealtimeConfigError for a timeout outside 5000..30000 ms, or a timeout on semantic VAD
 *   or disabled turn detection.
 *
 * @example
 * ```ts
 * const config = withIdleTimeout({ instructions: 'Be brief.' }, 8000);
 * // { instructions: 'Be brief.', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } } }
 * ```
 */
export function withIdleTimeout(config: SessionConfig, timeoutMs: number | null): SessionConfig {
  const idleTimeoutMs = validateIdleTimeoutMs(timeoutMs);
  const gaConfig = normalizeBetaSession(config);
  const current = getTurnDetection(gaConfig);
  if (current === null || current?.type === 'semantic_vad') {
    if (idleTimeoutMs === null) return config;
    const mode = current === null ? 'turn detection is off (null)' : 'turn detection is semantic_vad';
    throw new RealtimeConfigError([
      {
        path: 'audio.input.turn_detection.idle_timeout_ms',
        message:
          `cannot set idle_timeout_ms: ${mode}, and the server only supports an idle timeout with server_vad. ` +
          "Use the client fallback (idle: { clientFallback: 'auto' }) to detect silence, or switch to { type: 'server_vad' }.",
      },
    ]);
  }
  const turnDetection: TurnDetection =
    current === undefined
      ? { type: 'server_vad', idle_timeout_ms: idleTimeoutMs }
      : { ...current, idle_timeout_ms: idleTimeoutMs };
  return {
    ...gaConfig,
    audio: { ...gaConfig.audio, input: { ...gaConfig.audio?.input, turn_detection: turnDetection } },
  };
}
