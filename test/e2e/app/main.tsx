import { installProbe } from './instrument.ts';
import { LevelProbe } from './LevelProbe.tsx';
import { Profiler, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  AudioVisualizer,
  IdleBanner,
  RealtimeProvider,
  TranscriptView,
  createOpenAIWebRTCTransport,
  createOpenAIWebSocketTransport,
  createRealtimeSession,
  useConnectionState,
  useRealtimeEvents,
  useRealtimeSession,
  type RealtimeSession,
} from '../../../src/index.ts';
import '../../../src/styles.css';

const probe = installProbe();
const params = new URLSearchParams(location.search);
const transportKind = params.get('transport') === 'websocket' ? 'websocket' : 'webrtc';
const emulator = params.get('emulator') ?? 'http://127.0.0.1:8787';
const key = params.get('key') ?? '';
const idleMs = Number(params.get('idle') ?? 5000);

function createSession(): RealtimeSession {
  const getClientSecret = () => key;
  const transport =
    transportKind === 'webrtc'
      ? createOpenAIWebRTCTransport({
          getClientSecret,
          baseUrl: emulator,
          audioElement: document.getElementById('remote-audio') as HTMLAudioElement,
        })
      : createOpenAIWebSocketTransport({ getClientSecret, url: `${emulator.replace(/^http/, 'ws')}/v1/realtime` });
  return createRealtimeSession({
    transport,
    config: { audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' } } } },
    idle: { timeoutMs: idleMs },
  });
}

const SERVER_EVENTS_OF_INTEREST = new Set([
  'conversation.item.truncated',
  'output_audio_buffer.cleared',
  'output_audio_buffer.stopped',
  'response.done',
]);

function Probe() {
  useRealtimeEvents('*', (event) => {
    if (event.type === 'server_event') {
      const wire = event.event as { type: string };
      if (SERVER_EVENTS_OF_INTEREST.has(wire.type)) probe.events.push({ ...JSON.parse(JSON.stringify(wire)), at: performance.now() });
      return;
    }
    const { type, ...rest } = event as { type: string };
    probe.events.push({ ...JSON.parse(JSON.stringify(rest)), type, at: performance.now() });
  });
  return null;
}

// For the strict-CSP checks: eval from the page's own script (DevTools evaluation is exempt from
// the policy), to prove that a violation, when there is one, is seen.
function tryEval(): string {
  try {
    return String(new Function('return "evaluated"')());
  } catch {
    return 'refused';
  }
}

function Controls() {
  const { status, error } = useConnectionState();
  const session = useRealtimeSession();
  return (
    <div>
      <p id="status" data-status={status}>
        {status}
        {error ? `: ${error.message}` : ''}
      </p>
      <button id="connect" onClick={() => void session.connect().catch(() => undefined)}>
        Connect
      </button>
      <button id="disconnect" onClick={() => session.disconnect()}>
        Disconnect
      </button>
      <button id="send-text" onClick={() => session.sendText('please tell me a long story about the sea and the stars')}>
        Send text
      </button>
      <button id="interrupt" onClick={() => session.interrupt()}>
        Interrupt
      </button>
      <button id="eval-probe" onClick={(event) => (event.currentTarget.dataset.result = tryEval())}>
        Try eval
      </button>
    </div>
  );
}

function App() {
  const [session] = useState(createSession);
  useEffect(() => {
    window.__e2eSession = session;
  }, [session]);
  return (
    <RealtimeProvider session={session}>
      <Probe />
      <LevelProbe session={session} samples={probe.levels} />
      <Controls />
      {/* Counts in the main run, built with react-dom's profiling build; a no-op in production. */}
      <Profiler id="visualizer" onRender={() => probe.visualizerCommits.push(performance.now())}>
        <AudioVisualizer id="visualizer" look="bars" />
      </Profiler>
      <IdleBanner id="idle-banner" />
      <TranscriptView id="transcript" style={{ height: 400 }} />
    </RealtimeProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
