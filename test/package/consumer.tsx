// Type-checks an app against the BUILT package (dist/*.d.ts through package.json `exports`),
// the way a user's project sees it. Run by `npm run test:package` after `npm run build`.
import { createRealtimeSession, IdleBanner, RealtimeProvider, useIdleTimeout, useRealtimeEvents } from 'react-realtime-kit';
import type { InputAudioTimeoutTriggeredEvent, RealtimeSession, SessionState } from 'react-realtime-kit/core';
import { parseServerEvent, withIdleTimeout } from 'react-realtime-kit/core';
import { createDemoSession, createMockTransport, createVirtualClock, demoTimeline, scenario } from 'react-realtime-kit/testing';
import { createClientSecret } from 'react-realtime-kit/server';
import { createStore, type Store } from 'react-realtime-kit/advanced';
import type { RealtimeEmulator } from 'react-realtime-kit/emulator';

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
