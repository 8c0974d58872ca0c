import { ConnectionIndicator, EventLog, IdleBanner, SessionControls, TranscriptView, useConnectionState } from '../../src/index.ts';

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

/** Props of {@link VoiceAssistantPage}. */
export interface VoiceAssistantPageProps {
  title?: string;
  /** Show the developer event log under the conversation. */
  showEventLog?: boolean;
}

/**
 * The full voice assistant page of the demo: status and controls in the header, the
 * conversation, the idle banner where the user's eyes are (just above the transcript's end),
 * and the developer event log.
 */
export function VoiceAssistantPage({ title = 'Travel assistant', showEventLog = true }: VoiceAssistantPageProps) {
  return (
    <div className="demo-page">
      <header className="demo-header">
        <h1 className="demo-title">{title}</h1>
        <ConnectionIndicator />
        <SessionControls />
      </header>
      <main className="demo-main">
        <ErrorNotice />
        <TranscriptView className="demo-transcript" />
        <IdleBanner className="demo-banner" />
      </main>
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
