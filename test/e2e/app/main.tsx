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
  defineTool,
  useConnectionState,
  useRealtimeEvents,
  useRealtimeSession,
  type RealtimeSession,
} from '../../../src/index.ts';
import * as z from 'zod/mini';
import '../../../src/styles.css';

const probe = installProbe();
const params = new URLSearchParams(location.search);
const transportKind = params.get('transport') === 'websocket' ? 'websocket' : 'webrtc';
const emulator = params.get('emulator') ?? 'http://127.0.0.1:8787';
const key = params.get('key') ?? '';
const idleMs = Number(params.get('idle') ?? 5000);

// The client tool the tool round trip check calls through the emulator: it records what it got.
const weatherTool = defineTool({
  name: 'get_weather',
  description: 'Current weather for a city.',
  parameters: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
  execute: ({ city, unit }, { callId, session }) => {
    const result = { city, forecast: `sunny-in-${city.toLowerCase()}`, temperature: unit === 'celsius' ? 21 : 70 };
    probe.toolRuns.push({ args: { city, unit }, callId, agentState: session.getState().agentState, result, at: performance.now() });
    const card = document.getElementById('weather-card');
    if (card) card.textContent = `${city}: ${result.forecast}`;
    return result;
  },
});

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
    tools: [weatherTool],
  });
}

const SERVER_EVENTS_OF_INTEREST = new Set([
  'conversation.item.truncated',
  'output_audio_buffer.cleared',
  'output_audio_buffer.stopped',
  'response.done',
  'error',
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
      <button id="ask-weather" onClick={() => session.sendText('What is the weather in Paris?')}>
        Ask for the weather
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
    // The store's own notifications: every agent state, however briefly it held.
    return session.subscribe((state, previous) => {
      if (state.agentState !== previous.agentState) probe.agentStates.push({ state: state.agentState, at: performance.now() });
    });
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
      <p id="weather-card" />
      <TranscriptView id="transcript" style={{ height: 400 }} />
    </RealtimeProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
