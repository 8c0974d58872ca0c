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
 * `text` with every secret in it replaced: each of `secrets` wherever it occurs (also in its
 * JSON-escaped form, as an error body would echo it), and anything that looks like an OpenAI key
 * or a bearer token. Used on every message, body and cause the kit puts in an error, since
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
  return out.replace(SECRET_LIKE, (_match, keyPrefix: string | undefined, bearer: string | undefined) =>
    keyPrefix ? `${keyPrefix}***` : `${bearer ?? ''}***`,
  );
}

/**
 * An error that is safe to expose: the error itself when nothing in its message, stack or cause
 * chain needs redacting (so `instanceof` checks on it keep working), otherwise a copy with the
 * same `name` (and `code`, if it has one) whose message and cause chain are redacted with
 * {@link redactSecrets}. The copy does not keep the original, whose `stack` repeats the
 * unredacted message.
 *
 * @example
 * ```ts
 * throw new MyError('fetch failed', { cause: redactError(cause, [apiKey]) });
 * ```
 */
export function redactError(error: unknown, secrets: readonly string[] = []): Error {
  if (error instanceof Error && !needsRedaction(error, secrets, 0)) return error;
  return redactedCopy(error, secrets, 0);
}

const MAX_CAUSE_DEPTH = 3;

function needsRedaction(error: unknown, secrets: readonly string[], depth: number): boolean {
  if (depth > MAX_CAUSE_DEPTH) return error !== undefined;
  if (!(error instanceof Error)) return error !== undefined && redactSecrets(String(error), secrets) !== String(error);
  const text = `${error.message}\n${error.stack ?? ''}`;
  if (redactSecrets(text, secrets) !== text) return true;
  return error.cause !== undefined && needsRedaction(error.cause, secrets, depth + 1);
}

function redactedCopy(error: unknown, secrets: readonly string[], depth: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  const inner =
    error instanceof Error && error.cause !== undefined && depth < MAX_CAUSE_DEPTH
      ? redactedCopy(error.cause, secrets, depth + 1)
      : undefined;
  const safe = new Error(redactSecrets(message, secrets), inner !== undefined ? { cause: inner } : undefined);
  if (error instanceof Error) safe.name = error.name;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(safe, { code });
  return safe;
}
