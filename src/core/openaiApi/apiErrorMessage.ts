import { redactSecrets } from './redactSecrets.ts';

/**
 * What an OpenAI HTTP error body says: its `error.message` when it is the API's JSON error,
 * otherwise the start of the body, so an error thrown from it stays readable. Anything that
 * looks like a key (`sk-...`, `ek_...`, a bearer token) is redacted: error bodies can echo the
 * key that was sent.
 *
 * @example
 * ```ts
 * throw new Error(`HTTP ${response.status}: ${apiErrorMessage(await response.text())}`);
 * ```
 */
export function apiErrorMessage(body: string): string {
  let message: string | undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } } | null;
    if (typeof parsed?.error?.message === 'string' && parsed.error.message) message = parsed.error.message;
  } catch {
    // not JSON
  }
  // Redacted before it is cut, so a cut can never leave the start of a key unrecognised.
  return redactSecrets(message ?? body).slice(0, message === undefined ? 200 : undefined) || 'no details';
}
