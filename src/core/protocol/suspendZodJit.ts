import * as z from 'zod/mini';

/**
 * Turn zod's `jitless` setting on while the calling module builds its schemas; the returned
 * function puts the setting back exactly as it was (absent, true or false).
 *
 * Why: when an object schema is constructed, zod 4.0 (zod/mini's objects included; later
 * releases spare those, but the peer range starts at 4.0) probes once whether `new Function` is
 * allowed, to compile a fast parser. On a page whose Content-Security-Policy has no `'unsafe-eval'` the probe
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
