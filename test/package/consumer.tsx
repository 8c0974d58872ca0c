// Type-checks an app against the BUILT package (dist/*.d.ts through package.json `exports`),
// the way a user's project sees it. Run by `npm run test:package` after `npm run build`.
import { createRealtimeSession, IdleBanner, RealtimeProvider, useIdleTimeout, useRealtimeEvents } from 'react-realtime-kit';
import type { InputAudioTimeoutTriggeredEvent, RealtimeSession, SessionState } from 'react-realtime-kit/core';
import { parseServerEvent, withIdleTimeout } from 'react-realtime-kit/core';
import { createDemoSession, createMockTransport, createVirtualClock, demoTimeline, scenario } from 'react-realtime-kit/testing';
import { createClientSecret } from 'react-realtime-kit/server';
import { createStore, type Store } from 'react-realtime-kit/advanced';
import type { RealtimeEmulator } from 'react-realtime-kit/emulator';
import { createAgentsRealtimeTransport, type AgentsRealtimeTransport } from 'react-realtime-kit/agents';
import { RealtimeAgent, RealtimeSession as AgentsSession } from '@openai/agents-realtime';
import {
  AudioVisualizer, MicrophoneSelect, VoiceSessionView, describeMicrophoneError, useAudioLevels,
  type AudioVisualizerProps, type MicrophoneErrorKind, type MicrophoneSelectProps,
  type VoiceSessionViewPart, type VoiceSessionViewProps,
} from 'react-realtime-kit';

const transport = createMockTransport();
const session = createRealtimeSession({ transport, clock: createVirtualClock(), idle: { timeoutMs: 8000 } });
const state: SessionState = session.getState();
const parsed = parseServerEvent('{}');
const config = withIdleTimeout({}, 8000);
// Building blocks come from the advanced entry, typed.
const counter: Store<{ count: number }> = createStore({ count: 0 });
const emulatorUrl = (emulator: RealtimeEmulator): string => emulator.url;
const timeline = scenario().sessionCreated({ idleTimeoutMs: 8000 }).idleTimeout().build();
// Demo mode: a session like any other, for <RealtimeProvider session={demo}>.
const demo: RealtimeSession = createDemoSession({ timeline: () => demoTimeline({ idleTimeoutMs: 6000 }), idle: { timeoutMs: 6000 }, speed: 2, loop: true });

export function Page() {
  useRealtimeEvents('input_audio_timeout_triggered', (event: InputAudioTimeoutTriggeredEvent) => {
    const ms: number = event.audioEndMs - event.audioStartMs;
    void ms;
  });
  const idle = useIdleTimeout();
  return idle.phase === 'off' ? null : <IdleBanner labels={{ title: 'Still there?' }} />;
}

export { RealtimeProvider, state, parsed, config, timeline, demo, createClientSecret, counter, emulatorUrl };

// Voice presence, typed as an app uses it: a wrapper of the visualizer, the picker's props and
// errors, VoiceSessionView's parts as props, elements or false, and the levels callback.

export const BrandVisualizer = (props: AudioVisualizerProps) => <AudioVisualizer look="orb" {...props} />;
export const SavedMicrophone = (props: MicrophoneSelectProps) => <MicrophoneSelect {...props} onDeviceChange={(id: string | null) => void id} />;
export const errorKind = (error: unknown): MicrophoneErrorKind => describeMicrophoneError(error).kind;
const bars: VoiceSessionViewPart<AudioVisualizerProps> = { look: 'bars', bands: 7 };
const viewProps: VoiceSessionViewProps = { visualizer: bars, microphone: false, transcript: <p>mine</p>, classNames: { stage: 'brand' } };
export const View = () => <VoiceSessionView {...viewProps} title="Support" labels={{ states: { thinking: 'One moment…' } }} />;
// @ts-expect-error 'wave' is not a look
export const NotALook = () => <AudioVisualizer look="wave" />;
export function useLoudest(): void {
  useAudioLevels((levels) => void Math.max(levels.input, levels.output, ...levels.outputBands), { bands: 8, enabled: true });
}

// The Agents SDK adapter, typed as an app uses it: an SDK session in, a kit transport out.
const agentSession = new AgentsSession(new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.' }), { transport: 'websocket' });
const agentsTransport: AgentsRealtimeTransport = createAgentsRealtimeTransport({
  session: agentSession,
  connectOptions: { apiKey: async () => 'ek_from_your_server' },
  connectTimeoutMs: 10_000,
});
export const agentsSession: RealtimeSession = createRealtimeSession({ transport: agentsTransport, idle: { timeoutMs: 8000 } });
export const sameSdkSession: AgentsSession = agentsTransport.agentSession;
// @ts-expect-error the adapter takes an SDK RealtimeSession, not an agent
createAgentsRealtimeTransport({ session: new RealtimeAgent({ name: 'x' }) });
