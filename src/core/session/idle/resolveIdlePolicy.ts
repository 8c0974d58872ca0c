import { IDLE_TIMEOUT_MAX_MS, IDLE_TIMEOUT_MIN_MS, RealtimeConfigError } from '../../protocol/index.ts';
import { describeConfigValue, timerDurationIssue } from '../../protocol/timerDuration.ts';
import type { IdlePolicy } from './idleTypes.ts';

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

const POLICY_FIELDS: readonly (keyof IdlePolicy)[] = ['timeoutMs', 'clientFallback', 'maxTimeouts', 'endGraceMs'];

/**
 * A field name that is not a policy field is a mistake (a typo such as `timeout`, or the wire's
 * `idle_timeout_ms`), and ignoring it would leave the idle timeout silently off: TypeScript
 * only catches it in an object literal. A field whose value is undefined changes nothing and
 * passes, so a spread of optional props does not break.
 */
function unknownFieldIssues(patch: object): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const key of Object.keys(patch)) {
    if ((POLICY_FIELDS as readonly string[]).includes(key) || (patch as Record<string, unknown>)[key] === undefined) continue;
    const closest = closestField(key);
    issues.push({
      path: `idle.${key}`,
      message:
        `is not an idle policy field${closest ? ` (did you mean ${closest}?)` : ''}; ` +
        `the fields are ${POLICY_FIELDS.join(', ')}`,
    });
  }
  return issues;
}

function closestField(key: string): string | undefined {
  const wanted = key.toLowerCase().replace(/[^a-z]/g, '').replace(/^idle/, '');
  if (wanted.length < 4) return undefined;
  return (
    POLICY_FIELDS.find((field) => field.toLowerCase().startsWith(wanted) || wanted.startsWith(field.toLowerCase().replace(/ms$/, ''))) ??
    POLICY_FIELDS.find((field) => field.toLowerCase().includes(wanted))
  );
}

/**
 * Merge a partial policy over `base` (the defaults or the current policy) and check it. An
 * omitted (`undefined`) field keeps `base`'s value; `null` means "off" only where the type says
 * so (`timeoutMs`, `maxTimeouts`) and is an error elsewhere, never a silent fallback.
 *
 * @throws RealtimeConfigError (paths `idle.<field>`) for a patch that is not an object, a
 *   field that is not one of the four below (a typo such as `timeout`), a timeout outside 5000..30000 ms, a `clientFallback` other than 'auto', 'always' or 'never',
 *   a `maxTimeouts` that is not a positive integer or null, or an `endGraceMs` that is not a
 *   number of ms from 0 to 2147483647 (the longest delay a timer holds).
 *
 * @example
 * ```ts
 * resolveIdlePolicy({ timeoutMs: 8000 }); // { timeoutMs: 8000, clientFallback: 'auto', maxTimeouts: 3, endGraceMs: 20000 }
 * resolveIdlePolicy({ timeoutMs: 1000 }); // throws RealtimeConfigError: "idle.timeoutMs: must be an integer between 5000 and 30000 ms ..."
 * ```
 */
export function resolveIdlePolicy(patch: Partial<IdlePolicy> = {}, base: IdlePolicy = DEFAULT_IDLE_POLICY): IdlePolicy {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new RealtimeConfigError([
      {
        path: 'idle',
        message: `must be an object of idle policy fields, such as { timeoutMs: 8000 } ({} changes nothing); got ${describeConfigValue(patch)}`,
      },
    ]);
  }
  const merged: IdlePolicy = {
    timeoutMs: patch.timeoutMs !== undefined ? patch.timeoutMs : base.timeoutMs,
    clientFallback: patch.clientFallback !== undefined ? patch.clientFallback : base.clientFallback,
    maxTimeouts: patch.maxTimeouts !== undefined ? patch.maxTimeouts : base.maxTimeouts,
    endGraceMs: patch.endGraceMs !== undefined ? patch.endGraceMs : base.endGraceMs,
  };
  const issues = unknownFieldIssues(patch);
  const timeoutMs: unknown = merged.timeoutMs;
  if (
    timeoutMs !== null &&
    !(typeof timeoutMs === 'number' && Number.isInteger(timeoutMs) && timeoutMs >= IDLE_TIMEOUT_MIN_MS && timeoutMs <= IDLE_TIMEOUT_MAX_MS)
  ) {
    issues.push({
      path: 'idle.timeoutMs',
      message: `must be an integer between ${IDLE_TIMEOUT_MIN_MS} and ${IDLE_TIMEOUT_MAX_MS} ms, or null to turn the idle timeout off; got ${describeConfigValue(timeoutMs)}`,
    });
  }
  if (!FALLBACK_MODES.has(merged.clientFallback)) {
    issues.push({
      path: 'idle.clientFallback',
      message: `must be 'auto', 'always' or 'never' (omit it for the default, 'auto'); got ${describeConfigValue(merged.clientFallback)}`,
    });
  }
  if (merged.maxTimeouts !== null && !(Number.isInteger(merged.maxTimeouts) && merged.maxTimeouts > 0)) {
    issues.push({
      path: 'idle.maxTimeouts',
      message: `must be a positive integer, or null to never end the session; got ${describeConfigValue(merged.maxTimeouts)}`,
    });
  }
  const graceIssue = timerDurationIssue('idle.endGraceMs', merged.endGraceMs, { defaultMs: DEFAULT_IDLE_POLICY.endGraceMs });
  if (graceIssue) issues.push(graceIssue);
  if (issues.length > 0) throw new RealtimeConfigError(issues);
  return merged;
}
