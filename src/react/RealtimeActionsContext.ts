import { createContext } from 'react';
import type { RealtimeActions } from './createSessionActions.ts';

/**
 * The provider's actions, kept apart from the session context (as ElevenLabs does) so that a
 * component that only calls actions depends on an object whose identity never changes.
 *
 * Internal: read it with `useRealtimeSession()`.
 */
export const RealtimeActionsContext = createContext<RealtimeActions | null>(null);
RealtimeActionsContext.displayName = 'RealtimeActionsContext';
