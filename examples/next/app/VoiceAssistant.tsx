'use client';

import { useEffect, useState } from 'react';
import {
  RealtimeProvider,
  VoiceSessionView,
  createOpenAIWebRTCTransport,
  createRealtimeSession,
  type RealtimeSession,
} from 'react-realtime-kit';

const idle = { timeoutMs: 8000, maxTimeouts: 2, endGraceMs: 20000 };

/** A session on the Realtime API; the ephemeral key comes from our route handler. */
function createLiveSession(): RealtimeSession {
  const transport = createOpenAIWebRTCTransport({
    getClientSecret: async () => {
      const response = await fetch('/api/session', { method: 'POST' });
      if (!response.ok) throw new Error(`Token request failed with HTTP ${response.status}`);
      return response.text();
    },
  });
  return createRealtimeSession({ transport, idle });
}

export function VoiceAssistant({ demo }: { demo: boolean }) {
  const [session, setSession] = useState<RealtimeSession | null>(() => (demo ? null : createLiveSession()));

  // Demo mode loads the scripted session on demand, so a real deployment never downloads it.
  useEffect(() => {
    if (!demo) return;
    let cancelled = false;
    void import('react-realtime-kit/testing').then(({ createDemoSession }) => {
      if (!cancelled) setSession(createDemoSession());
    });
    return () => {
      cancelled = true;
    };
  }, [demo]);

  // We created the session, so we close it (the provider closes only sessions it creates).
  useEffect(() => (session ? () => session.disconnect() : undefined), [session]);

  if (!session) return <p aria-busy="true">Loading the demo…</p>;
  return (
    <RealtimeProvider session={session}>
      {/* The view's title is the page's heading. The demo uses no microphone: no picker, no mute. */}
      <VoiceSessionView
        title="Travel assistant"
        headingLevel={1}
        microphone={demo ? false : undefined}
        controls={demo ? { showMute: false } : undefined}
      />
    </RealtimeProvider>
  );
}
