import { useCallback } from 'react';
import type { Ref, RefCallback } from 'react';

/**
 * One ref callback that sets several refs: a part's own ref (how it registers with its root)
 * and the ref its user forwarded. Undefined and null refs are skipped.
 *
 * @example
 * ```tsx
 * <p {...props} ref={composeRefs(ownRef, forwardedRef)} />
 * ```
 */
export function composeRefs<T>(...refs: readonly (Ref<T> | undefined)[]): RefCallback<T> {
  return (node: T | null) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
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
