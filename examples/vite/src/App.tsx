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
        {/* The view's title is the page's heading. The demo uses no microphone: no picker, no mute. */}
        <VoiceSessionView
          title="Travel assistant"
          headingLevel={1}
          microphone={demo ? false : undefined}
          controls={demo ? { showMute: false } : undefined}
        />
      </RealtimeProvider>
    </main>
  );
}
