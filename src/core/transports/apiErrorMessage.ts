/**
 * What an OpenAI HTTP error body says: its `error.message` when it is the API's JSON error,
 * otherwise the start of the body, so an error thrown from it stays readable.
 *
 * @example
 * ```ts
 * throw new Error(`HTTP ${response.status}: ${apiErrorMessage(await response.text())}`);
 * ```
 */
export function apiErrorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // not JSON
  }
  return body.slice(0, 200) || 'no details';
}
