/**
 * True when two values are `Object.is`-equal, or are plain objects/arrays whose own entries are
 * `Object.is`-equal one level deep. Used to keep a hook's result identity when a selector builds
 * a fresh object or array from unchanged parts.
 *
 * @example
 * ```ts
 * shallowEqual({ status: 'connected', error: null }, { status: 'connected', error: null }); // true
 * shallowEqual([a, b], [a, b]); // true
 * ```
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
