import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function mediaQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = mediaQuery();
  if (!query) return () => {};
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const getSnapshot = () => mediaQuery()?.matches ?? false;
// The server cannot know: it renders the animated look, and hydration corrects it.
const getServerSnapshot = () => false;

/**
 * Whether the user asked for less motion (`prefers-reduced-motion: reduce`), following changes
 * of the setting. False on the server and where `matchMedia` is missing.
 *
 * @example
 * ```ts
 * const reducedMotion = usePrefersReducedMotion();
 * ```
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
