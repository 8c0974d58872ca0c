/**
 * What looks like a secret in text an error may carry: OpenAI standard keys (`sk-...`, also
 * `sk-proj-...`, `sk-admin-...`), ephemeral keys (`ek_...`), and whatever follows `Bearer `.
 * A key counts at the start of a word, also right after an escape (`%3D`, `%20` in a URL or a
 * form body, `\n` in JSON text), whose last character would otherwise hide it.
 */
const SECRET_LIKE =
  /(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2})|(?<=\\[nrtbfv0])|(?<=\\u[0-9A-Fa-f]{4}))(sk-|ek_)[A-Za-z0-9_*-]{3,}|(Bearer(?:\s|%20|\+)+)[^\s"',;<>&]+/gi;

/** Shorter exact secrets are not replaced: they would match ordinary words. */
const MIN_EXACT_SECRET_LENGTH = 6;

/**
 * A run of key characters this long that occurs inside a known secret is a piece of it (a key
 * wrapped across lines, or cut): no ordinary word shares 12 characters with a random key.
 */
const MIN_SECRET_PIECE_LENGTH = 12;
const KEY_CHARACTER_RUN = /[A-Za-z0-9_-]{12,}/g;

/**
 * `text` with every secret in it replaced: each of `secrets` wherever it occurs (also in its
 * JSON-escaped form, as an error body would echo it, and any piece of 12 characters or more, as
 * a key wrapped across lines leaves), and anything that looks like an OpenAI key or a bearer token. Used on every message, body and cause the kit puts in an error, since
 * errors get logged, reported and shown.
 *
 * @example
 * ```ts
 * redactSecrets('Incorrect API key provided: sk-proj-abc123', [apiKey]); // 'Incorrect API key provided: sk-***'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_EXACT_SECRET_LENGTH) continue;
    // The kind of key stays readable ("sk-***"); nothing of the key itself does.
    const masked = /^(sk-|ek_)/.test(secret) ? `${secret.slice(0, 3)}***` : '***';
    out = out.split(secret).join(masked);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(masked);
  }
  const long = secrets.filter((secret) => secret.length >= MIN_SECRET_PIECE_LENGTH);
  if (long.length > 0) {
    out = out.replace(KEY_CHARACTER_RUN, (run) => (long.some((secret) => secret.includes(run)) ? '***' : run));
  }
  return out.replace(SECRET_LIKE, (_match, keyPrefix: string | undefined, bearer: string | undefined) =>
    keyPrefix ? `${keyPrefix}***` : `${bearer ?? ''}***`,
  );
}

/**
 * An error that is safe to expose: the error itself when nothing it shows needs redacting (so
 * `instanceof` checks on it keep working), otherwise a copy with the same `name`, whose message,
 * cause chain, `errors` (of an `AggregateError`) and primitive fields (`code`, `status`...) are
 * redacted with {@link redactSecrets}. What an error shows is what `console.error` prints: its
 * message, stack and cause, and its own fields too. An object field that is not plain data (a
 * `Request` or `Response` with their headers, a client's `config`) cannot be checked cheaply, so
 * an error holding one is always copied, without it. The copy does not keep the original, whose
 * `stack` repeats the unredacted message.
 *
 * @example
 * ```ts
 * throw new MyError('fetch failed', { cause: redactError(cause, [apiKey]) });
 * ```
 */
export function redactError(error: unknown, secrets: readonly string[] = []): Error {
  if (error instanceof Error && isClean(error, secrets, 0)) return error;
  return redactedCopy(error, secrets, 0);
}

/** How deep causes, `errors` and plain data are followed; anything deeper is not kept. */
const MAX_DEPTH = 3;
/** How many fields and array entries a check reads before it gives up and copies instead. */
const MAX_CHECKED_VALUES = 100;

/** Whether `value` shows no secret, in what an error's own fields, causes and `errors` print. */
function isClean(value: unknown, secrets: readonly string[], depth: number, budget = { left: MAX_CHECKED_VALUES }): boolean {
  if (--budget.left < 0) return false;
  if (typeof value === 'string') return redactSecrets(value, secrets) === value;
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (value instanceof Error) {
    const text = `${value.message}\n${value.stack ?? ''}`;
    if (redactSecrets(text, secrets) !== text) return false;
    if (value.cause !== undefined && !isClean(value.cause, secrets, depth + 1, budget)) return false;
    const { errors } = value as { errors?: unknown };
    if (Array.isArray(errors) && !isClean(errors, secrets, depth + 1, budget)) return false;
  } else if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    // A Request, Response, Headers, Map or class instance: what it prints is not its own fields.
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!isClean((value as Record<string, unknown>)[key], secrets, depth + 1, budget)) return false;
  }
  return true;
}

function redactedCopy(error: unknown, secrets: readonly string[], depth: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  const inner =
    error instanceof Error && error.cause !== undefined && depth < MAX_DEPTH
      ? redactedCopy(error.cause, secrets, depth + 1)
      : undefined;
  const options = inner !== undefined ? { cause: inner } : undefined;
  // Read as a field, not by instanceof: some runtimes (older Hermes) have no AggregateError.
  const errors = error instanceof Error ? (error as { errors?: unknown }).errors : undefined;
  const safe =
    Array.isArray(errors) && depth < MAX_DEPTH && typeof AggregateError === 'function'
      ? new AggregateError(
          errors.slice(0, 10).map((each: unknown) => redactedCopy(each, secrets, depth + 1)),
          redactSecrets(message, secrets),
          options,
        )
      : new Error(redactSecrets(message, secrets), options);
  if (error instanceof Error) {
    safe.name = error.name;
    // Plain fields (code, errno, status...) stay readable; objects are not kept (see above).
    for (const key of Object.keys(error)) {
      const field = (error as unknown as Record<string, unknown>)[key];
      if (key === 'cause' || key === 'errors' || key === 'stack' || key === 'message') continue;
      if (typeof field === 'string') Object.assign(safe, { [key]: redactSecrets(field, secrets) });
      else if (typeof field === 'number' || typeof field === 'boolean') Object.assign(safe, { [key]: field });
    }
  }
  return safe;
}
