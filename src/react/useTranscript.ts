import { useMemo } from 'react';
import type { RealtimeSession, SessionState, TranscriptItem, TranscriptRole } from '../core/session/types.ts';
import { shallowEqual } from './shallowEqual.ts';
import { subscribeOncePerFrame } from './subscribeOncePerFrame.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector, type SessionSubscribe } from './useSessionSelector.ts';

/** Options of {@link useTranscript}. */
export interface UseTranscriptOptions {
  /** Keep only items of these roles. Default: all roles. */
  roles?: readonly TranscriptRole[];
  /**
   * Keep the silent user items that idle timeouts commit (`kind: 'idle_timeout'`), to show them
   * as idle markers. Default true; false hides them.
   */
  idleMarkers?: boolean;
  /**
   * `frame` (default): streaming text is coalesced so React commits at most once per animation
   * frame. `none`: re-render on every change (tests, non-visual consumers).
   */
  coalesce?: 'frame' | 'none';
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

/** What {@link useTranscript} returns. */
export interface TranscriptSnapshot {
  /**
   * The conversation in order, filtered by the options. Items are immutable: an item that did
   * not change keeps its identity, so memoized rows render only when their own item changes.
   */
  items: readonly TranscriptItem[];
}

const subscribeEveryChange: SessionSubscribe = (session, onChange) => session.subscribe(onChange);

/**
 * The transcript: user and assistant messages, tool calls, and idle markers, as one array of
 * immutable items. Streaming text is coalesced, so a component reading it commits at most once
 * per animation frame however fast deltas arrive, and a filter that excludes the streaming item
 * (for example `roles: ['user']`) does not re-render at all.
 *
 * @example
 * ```tsx
 * function Conversation() {
 *   const { items } = useTranscript({ roles: ['user', 'assistant'] });
 *   return (
 *     <ol>
 *       {items.map((item) =>
 *         item.kind === 'idle_timeout'
 *           ? <li key={item.id} className="idle-marker">(silence)</li>
 *           : <li key={item.id} data-role={item.role}>{item.text}</li>,
 *       )}
 *     </ol>
 *   );
 * }
 * ```
 */
export function useTranscript(options?: UseTranscriptOptions): TranscriptSnapshot {
  const session = useRequiredSession(options?.session, 'useTranscript');
  const roles = options?.roles;
  const idleMarkers = options?.idleMarkers ?? true;
  // A stable key for an inline roles array, so the selector is rebuilt only when it changes.
  const rolesKey = roles ? roles.join(',') : null;

  const selectItems = useMemo(() => {
    const allowed = rolesKey === null ? null : new Set(rolesKey.split(','));
    return (state: SessionState): readonly TranscriptItem[] => {
      const items = state.transcript.items;
      if (allowed === null && idleMarkers) return items;
      return items.filter(
        (item) => (allowed === null || allowed.has(item.role)) && (idleMarkers || item.kind !== 'idle_timeout'),
      );
    };
  }, [rolesKey, idleMarkers]);

  const items = useSessionSelector(
    session,
    selectItems,
    shallowEqual,
    options?.coalesce === 'none' ? subscribeEveryChange : subscribeOncePerFrame,
  );
  return useMemo(() => ({ items }), [items]);
}
