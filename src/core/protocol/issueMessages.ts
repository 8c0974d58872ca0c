import * as z from 'zod/mini';

// zod's own helpers for these (`z.core.util`) are not reached through the namespace: a bundler
// would then keep all of zod's core, locales included.

/** What zod says it received: `null`, `array`, `NaN`, `Infinity`, a class name, or the `typeof`. */
function receivedName(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input);
  if (typeof input !== 'object') return typeof input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  const constructor: unknown = Object.getPrototypeOf(input) !== Object.prototype && 'constructor' in input ? input.constructor : undefined;
  return constructor ? (constructor as { name: string }).name : 'object';
}

/** A literal as zod's messages show it: strings quoted (the schemas here have no bigint literal). */
function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * The English message of an issue the protocol schemas raise, worded exactly as zod's English
 * locale words it (`Invalid input: expected string, received undefined`). zod/mini loads no
 * locale, and the whole English one costs a page more than twice these lines, for wording these
 * schemas never need: string formats, unknown keys of strict objects, sizes of strings and
 * arrays (the one length limit here, on appended audio, has its own message), exact sizes,
 * record keys. Such an issue reads "Invalid input", as zod says with no locale.
 */
function englishIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${receivedName(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${literal(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(literal).join('|')}`;
    case 'too_big':
      return `Too big: expected ${issue.origin} to be <${issue.inclusive ? '=' : ''}${String(issue.maximum)}`;
    case 'too_small':
      return `Too small: expected ${issue.origin} to be >${issue.inclusive ? '=' : ''}${String(issue.minimum)}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0) {
        return `Invalid discriminator value. Expected ${issue.options.map((option) => `'${String(option)}'`).join(' | ')}`;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Options for every parse the kit runs on its own (`parseServerEvent`, `parseClientEvent`,
 * `validateSessionConfig`), so that their messages name the problem in English, as they did on
 * classic zod. A locale or error map the app configured (`z.config(...)`, which classic zod does
 * with English when an app builds its first schema) still decides first.
 *
 * @example
 * ```ts
 * const result = sessionConfigSchema.safeParse(config, kitParseOptions);
 * ```
 */
export const kitParseOptions: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => {
    const config = z.config();
    return config.localeError || config.customError ? undefined : englishIssueMessage(issue);
  },
};
