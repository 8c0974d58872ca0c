import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` where there is no DOM: React 18 warns about
 * layout effects during server rendering, and neither runs there anyway. Decided once, at
 * import, from `document` (not `window`, which some test environments define on the server).
 *
 * @example
 * ```ts
 * useIsomorphicLayoutEffect(() => session.on('error', report), [session]);
 * ```
 */
export const useIsomorphicLayoutEffect: typeof useLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect;
