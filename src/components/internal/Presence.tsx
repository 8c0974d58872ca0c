import { useRef } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.ts';

/** Props of {@link Presence}. */
export interface PresenceProps {
  /** Whether the content is shown. */
  present: boolean;
  /**
   * Keep the content mounted while not present, in a wrapper that is `hidden` and `inert`, so
   * its state and DOM survive and an exit animation of the user's own can run on it.
   */
  forceMount: boolean;
  /** Class of the `forceMount` wrapper (the hook for exit-animation CSS). */
  wrapperClassName: string | undefined;
  children: ReactNode;
}

const presentWrapperStyle: CSSProperties = { display: 'contents' };

/**
 * Mounts content while it is present and unmounts it when not, or, with `forceMount`, keeps it
 * mounted in a wrapper that is `hidden` and `inert` while not present (nothing in it can be
 * seen, focused, clicked or read out) and `display: contents` while present (laid out as if
 * unwrapped).
 *
 * @example
 * ```tsx
 * <Presence present={open} forceMount={forceMount} wrapperClassName="rrk-idle-banner__content">
 *   {children}
 * </Presence>
 * ```
 */
export function Presence({ present, forceMount, wrapperClassName, children }: PresenceProps) {
  if (forceMount) {
    return (
      <ForceMounted present={present} className={wrapperClassName}>
        {children}
      </ForceMounted>
    );
  }
  return present ? <>{children}</> : null;
}

function ForceMounted({ present, className, children }: { present: boolean; className: string | undefined; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // `inert` through the DOM: React 18 does not know the attribute and React 19 reads `inert=""`
  // as false, so no prop value works in both.
  useIsomorphicLayoutEffect(() => {
    if (present) ref.current?.removeAttribute('inert');
    else ref.current?.setAttribute('inert', '');
  }, [present]);
  return (
    <div ref={ref} hidden={!present} style={present ? presentWrapperStyle : undefined} className={className}>
      {children}
    </div>
  );
}
