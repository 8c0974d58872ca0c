import type { RealtimeSession, SessionState } from '../core/session/types.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** Options of {@link useRealtimeState}. */
export interface UseRealtimeStateOptions<S> {
  /** Decides whether a new selection equals the previous one. Default `Object.is`. */
  isEqual?: (a: S, b: S) => boolean;
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

/**
 * Select any slice of the session state. The component re-renders only when the slice changes
 * (by `Object.is`, or by `isEqual` when given, e.g. `shallowEqual` for a selector that builds an
 * object). The escape hatch for everything the dedicated hooks do not cover.
 *
 * @param selector Pure function of the {@link SessionState} snapshot.
 * @param isEqualOrOptions An equality function, or {@link UseRealtimeStateOptions}.
 *
 * @example
 * ```tsx
 * function SpeakingDot() {
 *   const speaking = useRealtimeState((state) => state.assistantSpeaking);
 *   return <span data-speaking={speaking} />;
 * }
 *
 * // A selector that builds an object: compare it shallowly.
 * const flags = useRealtimeState((s) => ({ muted: s.muted, responding: s.responding }), shallowEqual);
 * ```
 */
export function useRealtimeState<S>(
  selector: (state: SessionState) => S,
  isEqualOrOptions?: ((a: S, b: S) => boolean) | UseRealtimeStateOptions<S>,
): S {
  const options: UseRealtimeStateOptions<S> =
    typeof isEqualOrOptions === 'function' ? { isEqual: isEqualOrOptions } : (isEqualOrOptions ?? {});
  const session = useRequiredSession(options.session, 'useRealtimeState');
  return useSessionSelector(session, selector, options.isEqual);
}
