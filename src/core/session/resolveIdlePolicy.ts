import { RealtimeConfigError, validateIdleTimeoutMs } from '../protocol/index.ts';
import type { IdlePolicy } from './types.ts';

/**
 * The defaults behind every omitted idle policy field:
 * - `timeoutMs: null`: no idle timeout unless you ask for one (or your `config` sets
 *   `idle_timeout_ms` on server VAD, which is then adopted).
 * - `clientFallback: 'auto'`: the client clock covers sessions where the server cannot send
 *   the event (semantic VAD, no VAD) and backs the server up otherwise.
 * - `maxTimeouts: 3`: after three consecutive timeouts without the user coming back, the
 *   session ends (after the grace period) so nobody pays for silence. `null` never ends it.
 * - `endGraceMs: 20000`: twenty seconds of visible countdown before the end, the least WCAG 2.2
 *   (success criterion 2.2.1, Timing Adjustable) gives a user to extend a time limit with a
 *   simple action ("I'm still here").
 *
 * @example
 * ```ts
 * const policy = { ...DEFAULT_IDLE_POLICY, timeoutMs: 8000 };
 * ```
 */
export const DEFAULT_IDLE_POLICY: Readonly<IdlePolicy> = Object.freeze({
  timeoutMs: null,
  clientFallback: 'auto',
  maxTimeouts: 3,
  endGraceMs: 20000,
});

const FALLBACK_MODES = new Set(['auto', 'always', 'never']);

/**
 * Merge a partial policy over `base` (the defaults or the current policy) and check it.
 *
 * @throws RealtimeConfigError for a timeout outside 5000..30000 ms, an unknown
 *   `clientFallback`, a `maxTimeouts` that is not a positive integer or null, or a negative
 *   `endGraceMs`.
 *
 * @example
 * ```ts
 * resolveIdlePolicy({ timeoutMs: 8000 }); // { timeoutMs: 8000, clientFallback: 'auto', maxTimeouts: 3, endGraceMs: 20000 }
 * resolveIdlePolicy({ timeoutMs: 1000 }); // throws RealtimeConfigError
 * ```
 */
export function resolveIdlePolicy(patch: Partial<IdlePolicy> = {}, base: IdlePolicy = DEFAULT_IDLE_POLICY): IdlePolicy {
  const merged: IdlePolicy = {
    timeoutMs: patch.timeoutMs !== undefined ? patch.timeoutMs : base.timeoutMs,
    clientFallback: patch.clientFallback ?? base.clientFallback,
    maxTimeouts: patch.maxTimeouts !== undefined ? patch.maxTimeouts : base.maxTimeouts,
    endGraceMs: patch.endGraceMs ?? base.endGraceMs,
  };
  validateIdleTimeoutMs(merged.timeoutMs);
  const issues: { path: string; message: string }[] = [];
  if (!FALLBACK_MODES.has(merged.clientFallback)) {
    issues.push({ path: 'idle.clientFallback', message: `must be 'auto', 'always' or 'never'; got ${String(merged.clientFallback)}` });
  }
  if (merged.maxTimeouts !== null && !(Number.isInteger(merged.maxTimeouts) && merged.maxTimeouts > 0)) {
    issues.push({ path: 'idle.maxTimeouts', message: `must be a positive integer or null; got ${String(merged.maxTimeouts)}` });
  }
  if (!(Number.isFinite(merged.endGraceMs) && merged.endGraceMs >= 0)) {
    issues.push({ path: 'idle.endGraceMs', message: `must be a number of ms >= 0; got ${String(merged.endGraceMs)}` });
  }
  if (issues.length > 0) throw new RealtimeConfigError(issues);
  return merged;
}
