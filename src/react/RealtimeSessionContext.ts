import { createContext } from 'react';
import type { RealtimeSession } from '../core/session/types.ts';

/**
 * The session a {@link RealtimeProvider} makes available. Its value is the session object, which
 * keeps its identity for the provider's life: state flows through `useSyncExternalStore`
 * subscriptions, never through context, so a context change never re-renders the whole tree.
 *
 * Internal: read it with `useMaybeRealtimeSession()` or the hooks.
 */
export const RealtimeSessionContext = createContext<RealtimeSession | null>(null);
RealtimeSessionContext.displayName = 'RealtimeSessionContext';
