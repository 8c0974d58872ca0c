/**
 * The session core: `createRealtimeSession`, its state and event types, the clock, and the
 * small building blocks (store, transcript) other layers and frameworks can reuse.
 */
export { createRealtimeSession } from './createRealtimeSession.ts';
export { defineServerEvents } from './events/defineServerEvents.ts';
export { systemClock } from './clock.ts';
export type { Clock, TimerHandle } from './clock.ts';
export { createStore } from './context/createStore.ts';
export type { Store } from './context/createStore.ts';
export { createTranscriptState } from './transcript/createTranscriptState.ts';
export { DEFAULT_IDLE_POLICY, resolveIdlePolicy } from './idle/resolveIdlePolicy.ts';
export { SERVER_TIMEOUT_BACKUP_MARGIN_MS } from './idle/idleMachine.ts';
export { PCM16_24K_BYTES_PER_MS } from './playback/createPlaybackEstimator.ts';
export type * from './types.ts';
