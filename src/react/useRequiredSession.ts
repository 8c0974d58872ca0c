import { useContext } from 'react';
import type { RealtimeSession } from '../core/session/types.ts';
import { RealtimeSessionContext } from './RealtimeSessionContext.ts';

/**
 * The explicit session if given, else the provider's; throws when there is neither, naming the
 * hook and `RealtimeProvider` so the fix is obvious from the message alone.
 *
 * Internal helper of the hooks.
 *
 * @example
 * ```ts
 * const session = useRequiredSession(options?.session, 'useTranscript');
 * ```
 */
export function useRequiredSession(explicit: RealtimeSession | undefined, hookName: string): RealtimeSession {
  const fromContext = useContext(RealtimeSessionContext);
  const session = explicit ?? fromContext;
  if (!session) {
    throw new Error(
      `${hookName}: no realtime session. Render this component inside <RealtimeProvider>, ` +
        'or pass a session explicitly with the `session` option.',
    );
  }
  return session;
}
