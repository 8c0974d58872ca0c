import * as z from 'zod';

/**
 * Turn zod's `jitless` setting on while the calling module builds its schemas; the returned
 * function puts the setting back exactly as it was (absent, true or false).
 *
 * Why: when a `z.object` is constructed, zod probes once whether `new Function` is allowed, to
 * compile a fast parser. On a page whose Content-Security-Policy has no `'unsafe-eval'` the probe
 * raises a `securitypolicyviolation` (reported, even though zod catches the error). Built with
 * `jitless`, the kit's schemas neither probe nor compile, on every page, and the app's own zod
 * setting is untouched: a module body runs synchronously, so nothing else builds a schema in
 * between. Each schema module calls it first and calls what it returns last.
 *
 * @example
 * ```ts
 * const resumeZodJit = suspendZodJit();
 * export const pingSchema = z.looseObject({ type: z.literal('ping') });
 * resumeZodJit();
 * ```
 */
export function suspendZodJit(): () => void {
  const config = z.config();
  const had = Object.prototype.hasOwnProperty.call(config, 'jitless');
  const previous = config.jitless;
  config.jitless = true;
  return () => {
    if (had) config.jitless = previous;
    else delete config.jitless;
  };
}
