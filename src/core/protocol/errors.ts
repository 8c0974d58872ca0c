import type * as z from 'zod/mini';

/**
 * One problem found in a config: where and what.
 *
 * @example
 * ```ts
 * const issue: ConfigIssue = { path: 'audio.input.turn_detection.idle_timeout_ms', message: 'idle timeout must be ...' };
 * ```
 */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * Thrown synchronously by config helpers (`validateSessionConfig`, `validateIdleTimeoutMs`,
 * `withIdleTimeout`) when a config cannot be sent: a config mistake is the developer's to fix
 * at once, unlike bad wire data, which never throws.
 *
 * @example
 * ```ts
 * try {
 *   validateIdleTimeoutMs(3000);
 * } catch (error) {
 *   if (error instanceof RealtimeConfigError) console.warn(error.issues[0]?.message);
 * }
 * ```
 */
export class RealtimeConfigError extends Error {
  override readonly name = 'RealtimeConfigError';
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(`Invalid realtime session config: ${issues.map(formatConfigIssue).join('; ')}`);
    this.issues = issues;
  }
}

function formatConfigIssue(issue: ConfigIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** `['audio', 'input', 0]` -> `audio.input[0]`; empty for the root. Internal. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** zod issues as plain `{ path, message }` pairs for error messages and `RealtimeConfigError`. Internal. */
export function toConfigIssues(issues: readonly z.core.$ZodIssue[]): ConfigIssue[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/** zod issues on one line: `item_id: Invalid input: expected string, received undefined; ...`. Internal. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return toConfigIssues(issues).map(formatConfigIssue).join('; ');
}

/** The message of anything thrown, even by a hostile object whose `message` getter throws. Internal. */
export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}
