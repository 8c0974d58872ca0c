/** Invisible characters that copy-paste leaves in keys: zero-width space/joiners, word joiner, BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A key as it was meant: invisible characters (zero-width spaces, a BOM) removed, surrounding
 * whitespace trimmed, and a `Bearer ` prefix dropped, since the kit adds its own.
 *
 * @example
 * ```ts
 * normalizeSecret('\u200B Bearer ek_abc\n'); // 'ek_abc'
 * ```
 */
export function normalizeSecret(raw: string): string {
  return raw.replace(INVISIBLE, '').trim().replace(/^bearer\s+/i, '').trim();
}

/**
 * What in `key` an HTTP header (or a WebSocket subprotocol) cannot carry, or null when it is
 * clean: keys are visible ASCII only. Says what and where, never the key, so it can go in an error.
 *
 * @example
 * ```ts
 * unsafeSecretCharacter('sk-abc\r\ndef'); // 'a line break at position 6'
 * ```
 */
export function unsafeSecretCharacter(key: string): string | null {
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (code >= 0x21 && code <= 0x7e) continue;
    const what =
      code === 0x0a || code === 0x0d
        ? 'a line break'
        : code < 0x20 || code === 0x7f
          ? 'a control character'
          : code === 0x20 || code === 0xa0 || code === 0x2028 || code === 0x2029
            ? 'whitespace'
            : 'a non-ASCII character';
    return `${what} at position ${index}`;
  }
  return null;
}
