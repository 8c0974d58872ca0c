import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId, useMemo, useState, type FormEvent } from 'react';
import {
  ConnectionIndicator,
  EventLog,
  IdleBanner,
  RealtimeProvider,
  SessionControls,
  TranscriptView,
  createOpenAIWebRTCTransport,
  createOpenAIWebSocketTransport,
  type RealtimeTransport,
} from '../src/index.ts';

type TransportKind = 'webrtc' | 'websocket';
type KeySource = 'emulator' | 'token-url';

interface LiveSettings {
  transport: TransportKind;
  source: KeySource;
  /** Emulator origin (`npm run emulator`), or the API origin for a token URL. */
  emulatorUrl: string;
  /** Your backend endpoint that returns an ephemeral key (text `ek_...` or JSON `{ value }`). */
  tokenUrl: string;
  idleTimeoutMs: number;
}

const DEFAULTS: LiveSettings = {
  transport: 'webrtc',
  source: 'emulator',
  emulatorUrl: 'http://127.0.0.1:8787',
  tokenUrl: 'http://localhost:3000/api/realtime-token',
  idleTimeoutMs: 8000,
};

async function getKey(settings: LiveSettings): Promise<string> {
  if (settings.source === 'token-url') {
    const response = await fetch(settings.tokenUrl, { method: 'POST' });
    if (!response.ok) throw new Error(`${settings.tokenUrl} answered HTTP ${response.status}`);
    const text = (await response.text()).trim();
    return text.startsWith('{') ? (JSON.parse(text) as { value: string }).value : text;
  }
  // The emulator plays the backend too: its client_secrets endpoint takes any bearer token.
  const response = await fetch(`${settings.emulatorUrl}/v1/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-emulator', 'Content-Type': 'application/json' },
    body: JSON.stringify({ expires_after: { anchor: 'created_at', seconds: 600 }, session: { type: 'realtime' } }),
  });
  if (!response.ok) throw new Error(`The emulator at ${settings.emulatorUrl} answered HTTP ${response.status}`);
  return ((await response.json()) as { value: string }).value;
}

function createLiveTransport(settings: LiveSettings): RealtimeTransport {
  const apiOrigin = settings.source === 'emulator' ? settings.emulatorUrl : 'https://api.openai.com';
  const getClientSecret = () => getKey(settings);
  return settings.transport === 'webrtc'
    ? createOpenAIWebRTCTransport({ getClientSecret, baseUrl: apiOrigin })
    : createOpenAIWebSocketTransport({ getClientSecret, url: `${apiOrigin.replace(/^http/, 'ws')}/v1/realtime` });
}

function SettingsForm({ initial, onApply }: { initial: LiveSettings; onApply: (settings: LiveSettings) => void }) {
  const [draft, setDraft] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The API accepts 5000..30000 ms; clamp rather than fail the whole story on a typo.
    onApply({ ...draft, idleTimeoutMs: Math.min(30000, Math.max(5000, Math.round(draft.idleTimeoutMs) || 8000)) });
  };
  const field = { display: 'grid', gap: 4, marginBottom: 8 } as const;
  return (
    <form onSubmit={submit} aria-label="Live session settings" style={{ maxWidth: 520 }}>
      <div style={field}>
        <label htmlFor={`${id}-transport`}>Transport</label>
        <select
          id={`${id}-transport`}
          value={draft.transport}
          onChange={(e) => setDraft({ ...draft, transport: e.target.value as TransportKind })}
        >
          <option value="webrtc">WebRTC</option>
          <option value="websocket">WebSocket</option>
        </select>
      </div>
      <div style={field}>
        <label htmlFor={`${id}-source`}>Key source</label>
        <select id={`${id}-source`} value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value as KeySource })}>
          <option value="emulator">Local emulator (npm run emulator)</option>
          <option value="token-url">My backend's token URL (real API)</option>
        </select>
      </div>
      {draft.source === 'emulator' ? (
        <div style={field}>
          <label htmlFor={`${id}-emulator`}>Emulator URL</label>
          <input id={`${id}-emulator`} value={draft.emulatorUrl} onChange={(e) => setDraft({ ...draft, emulatorUrl: e.target.value })} />
        </div>
      ) : (
        <div style={field}>
          <label htmlFor={`${id}-token`}>Token URL (POST, returns ek_... or {'{ value }'})</label>
          <input id={`${id}-token`} value={draft.tokenUrl} onChange={(e) => setDraft({ ...draft, tokenUrl: e.target.value })} />
        </div>
      )}
      <div style={field}>
        <label htmlFor={`${id}-idle`}>Idle timeout (ms, 5000..30000)</label>
        <input
          id={`${id}-idle`}
          type="number"
          min={5000}
          max={30000}
          step={1000}
          value={draft.idleTimeoutMs}
          onChange={(e) => setDraft({ ...draft, idleTimeoutMs: Number(e.target.value) })}
        />
      </div>
      <button type="submit">Use these settings</button>
    </form>
  );
}

function LiveDemo() {
  const [settings, setSettings] = useState(DEFAULTS);
  // One transport per applied settings; the provider owns the session it creates from it and
  // closes it when the settings change (new key) or the story unmounts.
  const transport = useMemo(() => createLiveTransport(settings), [settings]);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <SettingsForm initial={settings} onApply={setSettings} />
      <RealtimeProvider
        key={JSON.stringify(settings)}
        transport={transport}
        config={{ audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' } } } }}
        idle={{ timeoutMs: settings.idleTimeoutMs, maxTimeouts: 3, endGraceMs: 20000 }}
      >
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <SessionControls />
          <ConnectionIndicator />
        </div>
        <IdleBanner />
        <TranscriptView style={{ height: 320 }} />
        <EventLog style={{ height: 200 }} />
      </RealtimeProvider>
    </div>
  );
}

const meta: Meta = {
  title: 'Live/Realtime connection',
  parameters: { layout: 'padded' },
};

export default meta;

/**
 * A real session with the real transports: start the local emulator with `npm run emulator`
 * (port 8787) and press Connect, or point it at your backend's token URL to talk to the
 * Realtime API. The browser asks for the microphone on Connect. Nothing connects by itself,
 * so this story renders (and passes the automated checks) without a server.
 */
export const Live: StoryObj = {
  render: () => <LiveDemo />,
};
