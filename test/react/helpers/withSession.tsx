import type { ReactNode } from 'react';
import type { RealtimeSession } from '../../../src/core/session/types.ts';
import { RealtimeSessionContext } from '../../../src/react/RealtimeSessionContext.ts';

/** A wrapper giving hooks a session through context, without the provider's lifecycle. */
export function withSession(session: RealtimeSession) {
  return function Wrapper({ children }: { children?: ReactNode }) {
    return <RealtimeSessionContext.Provider value={session}>{children}</RealtimeSessionContext.Provider>;
  };
}
