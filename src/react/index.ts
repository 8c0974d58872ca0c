/**
 * The React layer: a provider that owns or shares a realtime session, and hooks that subscribe
 * to slices of its state with `useSyncExternalStore`, so each component re-renders only for
 * what it reads.
 */
export { RealtimeProvider } from './RealtimeProvider.tsx';
export type {
  RealtimeProviderProps,
  RealtimeProviderOptionsProps,
  RealtimeProviderSessionProps,
} from './RealtimeProvider.tsx';
export { useRealtimeSession } from './useRealtimeSession.ts';
export type { RealtimeSessionHandle, UseRealtimeSessionOptions } from './useRealtimeSession.ts';
export { useMaybeRealtimeSession } from './useMaybeRealtimeSession.ts';
export { useConnectionState } from './useConnectionState.ts';
export type { ConnectionState, UseConnectionStateOptions } from './useConnectionState.ts';
export { useAgentState } from './useAgentState.ts';
export type { UseAgentStateOptions } from './useAgentState.ts';
export { useApprovalRequests } from './useApprovalRequests.ts';
export type { ApprovalRequestsHandle, UseApprovalRequestsOptions } from './useApprovalRequests.ts';
export { useAudioLevels } from './useAudioLevels.ts';
export type { UseAudioLevelsOptions } from './useAudioLevels.ts';
export { useRealtimeEvents } from './useRealtimeEvents.ts';
export type { UseRealtimeEventsOptions } from './useRealtimeEvents.ts';
export { useIdleTimeout } from './useIdleTimeout.ts';
export type { IdleTimeoutHandle, UseIdleTimeoutOptions } from './useIdleTimeout.ts';
export { useIdleCountdown } from './useIdleCountdown.ts';
export type { IdleCountdownTarget, UseIdleCountdownOptions } from './useIdleCountdown.ts';
export { useTranscript } from './useTranscript.ts';
export type { TranscriptSnapshot, UseTranscriptOptions } from './useTranscript.ts';
export { useClientTool } from './useClientTool.ts';
export type { UseClientToolOptions } from './useClientTool.ts';
export { useRealtimeState } from './useRealtimeState.ts';
export type { UseRealtimeStateOptions } from './useRealtimeState.ts';
export { shallowEqual } from './shallowEqual.ts';
export { subscribeOncePerFrame } from './subscribeOncePerFrame.ts';
export { createSessionActions } from './createSessionActions.ts';
export type { RealtimeActions } from './createSessionActions.ts';
