import { useContext } from 'react';
import type { RealtimeSession } from '../core/session/types.ts';
import { RealtimeSessionContext } from './RealtimeSessionContext.ts';

/**
 * The session of the nearest {@link RealtimeProvider}, or `undefined` outside one. For
 * components that work with or without a provider (the throwing form is what the other hooks
 * use).
 *
 * @example
 * ```tsx
 * function MicHint() {
 *   const session = useMaybeRealtimeSession();
 *   if (!session) return <p>Voice is not available here.</p>;
 *   return <ConnectButton />;
 * }
 * ```
 */
export function useMaybeRealtimeSession(): RealtimeSession | undefined {
  return useContext(RealtimeSessionContext) ?? undefined;
}
