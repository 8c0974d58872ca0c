import { RealtimeProvider, VoiceSessionView } from 'react-realtime-kit';
import type { PageSession } from './createSession.ts';

/** The voice page: the kit's whole view, and a notice when it plays the demo. */
export function App({ session, demo }: PageSession) {
  return (
    <main className="page">
      {demo && (
        <p className="demo-notice" role="note">
          <strong>Demo mode:</strong> a scripted conversation, with no microphone, server or API key. Set{' '}
          <code>VITE_REALTIME_SESSION_URL</code> to connect to the Realtime API.
        </p>
      )}
      <RealtimeProvider session={session}>
        {/* The demo uses no microphone, so it shows no picker. */}
        <VoiceSessionView title="Travel assistant" microphone={demo ? false : undefined} />
      </RealtimeProvider>
    </main>
  );
}
