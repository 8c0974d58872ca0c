import { RealtimeConfigError } from './errors.ts';

/**
 * The longest delay a timer holds: `setTimeout` stores it as a signed 32-bit integer, and a
 * larger one (2^31 ms, about 24.9 days) overflows and fires after 1 ms instead. Every duration
 * the kit gives a timer is checked against it.
 *
 * @example
 * ```ts
 * const endGraceMs = Math.min(requested, MAX_TIMER_DELAY_MS);
 * ```
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** The start of an OpenAI key or a bearer token: a string holding one is never shown in an error. */
const KEY_LIKE = /(?:^|[^A-Za-z0-9])(?:sk-|ek_)|bearer\s/i;

/**
 * A config value as an error message shows it: strings quoted (`"2"`, so they read apart from
 * the number 2) and cut after 40 characters, numbers, booleans, null and undefined as written,
 * anything else by its kind. A string that looks like it holds a key (`sk-`, `ek_`, `Bearer `) is
 * not shown at all: a key pasted into the wrong option must not end up in logs.
 *
 * @example
 * ```ts
 * describeConfigValue('2'); // '"2"'
 * describeConfigValue(null); // 'null'
 * describeConfigValue({}); // 'an object'
 * describeConfigValue('sk-proj-...'); // 'a string that looks like a key (not shown)'
 * ```
 */
export function describeConfigValue(value: unknown): string {
  if (typeof value === 'string' && KEY_LIKE.test(value)) return 'a string that looks like a key (not shown)';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The issue for a duration option that a timer must hold, or null when it is fine: a finite
 * number of ms from `min` (default 0) to {@link MAX_TIMER_DELAY_MS}. `undefined` is fine (the
 * option's default applies); `null` is not, since no option documents a meaning for it.
 *
 * @example
 * ```ts
 * const issue = timerDurationIssue('connectTimeoutMs', options.connectTimeoutMs);
 * if (issue) throw new RealtimeConfigError([issue]);
 * ```
 */
export function timerDurationIssue(
  path: string,
  value: unknown,
  { min = 0, defaultMs }: { min?: number; defaultMs?: number } = {},
): { path: string; message: string } | null {
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= MAX_TIMER_DELAY_MS) return null;
  const omit = defaultMs !== undefined ? ` (omit it for the default, ${defaultMs})` : '';
  return {
    path,
    message: `must be a number of ms from ${min} to ${MAX_TIMER_DELAY_MS}, the longest delay a timer holds${omit}; got ${describeConfigValue(value)}`,
  };
}

/**
 * Check duration options before anything uses them.
 *
 * @throws RealtimeConfigError naming every option that is not a number of ms a timer can hold.
 *
 * @example
 * ```ts
 * validateTimerDurations({ connectTimeoutMs: options.connectTimeoutMs, disconnectTimeoutMs: options.disconnectTimeoutMs });
 * ```
 */
export function validateTimerDurations(durations: Record<string, unknown>): void {
  const issues: { path: string; message: string }[] = [];
  for (const [path, value] of Object.entries(durations)) {
    const issue = timerDurationIssue(path, value);
    if (issue) issues.push(issue);
  }
  if (issues.length > 0) throw new RealtimeConfigError(issues);
}
