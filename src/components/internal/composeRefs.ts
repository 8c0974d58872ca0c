import { useCallback } from 'react';
import type { Ref, RefCallback } from 'react';

/** Sets one ref; returns the cleanup a React 19 callback ref may give back. */
function setRef<T>(ref: Ref<T> | undefined, node: T | null): (() => void) | undefined {
  if (typeof ref === 'function') {
    const cleanup: unknown = ref(node);
    return typeof cleanup === 'function' ? (cleanup as () => void) : undefined;
  }
  if (ref) (ref as { current: T | null }).current = node;
  return undefined;
}

/**
 * One ref callback that sets several refs: a part's own ref (how it registers with its root)
 * and the ref its user forwarded. Undefined and null refs are skipped. When a callback ref
 * returns a cleanup (React 19), so does the composed ref: React then calls it instead of the
 * ref with null, and it runs that cleanup and clears the other refs, so a ref written for
 * React 19 is never called with null.
 *
 * @example
 * ```tsx
 * <p {...props} ref={composeRefs(ownRef, forwardedRef)} />
 * ```
 */
export function composeRefs<T>(...refs: readonly (Ref<T> | undefined)[]): RefCallback<T> {
  return (node: T | null) => {
    const cleanups = refs.map((ref) => setRef(ref, node));
    if (node === null || cleanups.every((cleanup) => cleanup === undefined)) return undefined;
    return () => {
      refs.forEach((ref, index) => {
        const cleanup = cleanups[index];
        if (cleanup) cleanup();
        else setRef(ref, null);
      });
    };
  };
}

/**
 * {@link composeRefs} of two refs, kept stable while they are, so React does not detach and
 * re-attach them on every render.
 *
 * @example
 * ```tsx
 * const ref = useComposedRefs(ownRef, forwardedRef);
 * return <p ref={ref} />;
 * ```
 */
export function useComposedRefs<T>(first: Ref<T> | undefined, second: Ref<T> | undefined): RefCallback<T> {
  return useCallback((node: T | null) => composeRefs(first, second)(node), [first, second]);
}
