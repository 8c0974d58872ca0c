import { createOpenAIWebRTCTransport, createRealtimeSession } from 'react-realtime-kit';
import type { IdlePolicy, RealtimeSession } from 'react-realtime-kit';

/** Re-prompt after 8 s of silence; after the second time in a row, count down 20 s and end. */
const idle: Partial<IdlePolicy> = { timeoutMs: 8000, maxTimeouts: 2, endGraceMs: 20000 };

const sessionUrl = import.meta.env.VITE_REALTIME_SESSION_URL;

/** The page's session, and whether it is the scripted demo. */
export interface PageSession {
  session: RealtimeSession;
  demo: boolean;
}

/**
 * A real session over WebRTC when `VITE_REALTIME_SESSION_URL` names a route that mints the
 * ephemeral key; otherwise the kit's demo mode. The demo is imported on demand, so a build that
 * connects for real never loads the scripted session.
 */
export async function createSession(): Promise<PageSession> {
  if (sessionUrl) {
    const transport = createOpenAIWebRTCTransport({ getClientSecret: () => fetchClientSecret(sessionUrl) });
    return { session: createRealtimeSession({ transport, idle }), demo: false };
  }
  const { createDemoSession } = await import('react-realtime-kit/testing');
  return { session: createDemoSession({ idle }), demo: true };
}

/** The route answers with the ephemeral key as text, as the README's route and the Next example's do. */
async function fetchClientSecret(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`Token request failed with HTTP ${response.status}`);
  return response.text();
}
