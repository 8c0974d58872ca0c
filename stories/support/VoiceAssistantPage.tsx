import { useState } from 'react';
import { EventLog, VoiceSessionView, useConnectionState } from '../../src/index.ts';
import { createStoryMediaDevices, storyMicrophone } from './fakeMediaDevices.ts';

/** Shows the last error in words, so a dropped connection is not just a red dot. */
function ErrorNotice() {
  const { status, error } = useConnectionState();
  if (!error || (status !== 'error' && status !== 'disconnected')) return null;
  return (
    <p role="alert" className="demo-error">
      {error.message}
    </p>
  );
}

/**
 * The microphones of the demo: a laptop's, with Chrome's "default" entry for it, and a headset.
 * The demo touches no real device, as its session uses no real server.
 */
export function demoMicrophones() {
  return createStoryMediaDevices([
    storyMicrophone('default', 'Default - MacBook Pro Microphone', 'group-built-in'),
    storyMicrophone('built-in', 'MacBook Pro Microphone', 'group-built-in'),
    storyMicrophone('usb', 'USB Headset'),
  ]);
}

/** Props of {@link VoiceAssistantPage}. */
export interface VoiceAssistantPageProps {
  title?: string;
  /** Show the developer event log under the conversation. */
  showEventLog?: boolean;
}

/**
 * The full voice assistant page of the demo: the kit's `VoiceSessionView` (status, visualizer
 * and state, controls with icons, microphone picker, the conversation with the idle banner
 * under its latest turn, and the composer), an error notice in words, and the developer
 * event log under it.
 */
export function VoiceAssistantPage({ title = 'Travel assistant', showEventLog = true }: VoiceAssistantPageProps) {
  const [mediaDevices] = useState(demoMicrophones);
  return (
    <div className="demo-page">
      <VoiceSessionView title={title} headingLevel={1} microphone={{ mediaDevices }}>
        <ErrorNotice />
      </VoiceSessionView>
      {showEventLog ? (
        <aside className="demo-aside" aria-label="Developer tools">
          <details>
            <summary>Developer event log</summary>
            <EventLog capacity={300} />
          </details>
        </aside>
      ) : null}
    </div>
  );
}
