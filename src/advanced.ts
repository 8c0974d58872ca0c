/**
 * `react-realtime-kit/advanced`: the building blocks the kit is made of, for a custom
 * transport, a wrapper for another framework, or a component of your own. Framework-free:
 * nothing here imports React.
 *
 * An app rarely needs these: `react-realtime-kit` (or `react-realtime-kit/core` without React)
 * has what it uses. These names follow the kit's internals more closely, so they may change
 * more often. docs/migration.md lists the names that moved here from the root and core entries.
 */

// Session building blocks: the store, the transcript, the idle policy, the clock
export {
  createStore,
  createTranscriptState,
  PCM16_24K_BYTES_PER_MS,
  resolveIdlePolicy,
  systemClock,
} from './core/session/index.ts';
export type { Store } from './core/session/index.ts';

// Protocol: the zod schemas, event type lists, beta normalization, client event parsing
export {
  audioFormatSchema,
  BETA_SERVER_EVENT_ALIASES,
  CLIENT_EVENT_TYPES,
  clientEventSchema,
  clientEventSchemaFor,
  contentPartSchema,
  conversationItemSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  gaServerEventType,
  inputAudioPartSchema,
  inputImagePartSchema,
  inputTextPartSchema,
  isServerEventType,
  itemReferenceItemSchema,
  MAX_APPEND_AUDIO_BASE64_CHARS,
  mcpApprovalRequestItemSchema,
  mcpApprovalResponseItemSchema,
  mcpCallErrorSchema,
  mcpCallItemSchema,
  mcpListToolsItemSchema,
  messageItemSchema,
  normalizeBetaItem,
  normalizeBetaSession,
  outputAudioPartSchema,
  outputTextPartSchema,
  parseClientEvent,
  realtimeResponseSchema,
  responseCreateParamsSchema,
  responseStatusDetailsSchema,
  responseUsageSchema,
  SEMANTIC_VAD_IDLE_TIMEOUT_MESSAGE,
  semanticVadTurnDetectionSchema,
  SERVER_EVENT_TYPES,
  serverErrorSchema,
  serverEventSchema,
  serverEventSchemaFor,
  serverVadTurnDetectionSchema,
  sessionConfigSchema,
  sessionToolSchema,
  turnDetectionSchema,
  validateIdleTimeoutMs,
} from './core/protocol/index.ts';
export type { ParseClientEventResult } from './core/protocol/index.ts';

// Transport building blocks: secrets, the event emitter, browser audio (microphone capture,
// playback timeline, PCM16 and base64 conversions, resampling, the capture worklet)
export {
  base64ToBytes,
  bytesToBase64,
  bytesToPcm16,
  createAudioPlayer,
  createLinearResampler,
  createMicCaptureWorkletUrl,
  createMicrophoneCapture,
  createPcmChunker,
  createPlaybackTimeline,
  createSilentAudioLevelMeter,
  createTransportEmitter,
  DEFAULT_MICROPHONE_CONSTRAINTS,
  floatToPcm16,
  getMicrophoneStream,
  isBrowserEnvironment,
  loadMicCaptureWorklet,
  MAX_AUDIO_LEVEL_BANDS,
  MIC_CAPTURE_PROCESSOR,
  micCaptureWorkletModuleUrl,
  micCaptureWorkletSource,
  PCM16_BYTES_PER_MS,
  pcm16DurationMs,
  pcm16ToBytes,
  pcm16ToFloat,
  REALTIME_PCM_SAMPLE_RATE,
  resolveClientSecret,
} from './core/transports/index.ts';
export type {
  AudioPlayer,
  AudioPlayerCallbacks,
  LinearResampler,
  MicrophoneCapture,
  PcmChunker,
  PlaybackCut,
  PlaybackSource,
  PlaybackTimeline,
  ResolveClientSecretOptions,
  TransportEmitter,
} from './core/transports/index.ts';
// Straight from its file: the transports load it on first use (import()), and a static path
// through the transports' barrel would pull it into every page that creates a transport.
export { createAudioLevelMeters } from './core/transports/audio/createAudioLevelMeters.ts';
// The loudness curve too: the meters' chunk uses it, and a page's bundler would otherwise put it
// in a chunk shared with that page, which then loads it for nothing.
export {
  AUDIO_LEVEL_CEILING_DB,
  AUDIO_LEVEL_FLOOR_DB,
  decibelsToAudioLevel,
  rmsToAudioLevel,
} from './core/transport/audioLevelCurve.ts';
export type { AudioLevelMeters, AudioLevelSources } from './core/transports/audio/createAudioLevelMeters.ts';

// What the React layer is built on, free of React: stable actions and once-per-frame updates
// (from their own files: the React layer's and components' barrels also hold React code)
export { createSessionActions } from './react/createSessionActions.ts';
export { subscribeOncePerFrame } from './react/subscribeOncePerFrame.ts';

// What the components are built on, free of React: handler composition, labels, the event log's buffer
export { composeEventHandlers } from './components/internal/composeEventHandlers.ts';
export type { ComposeEventHandlersOptions } from './components/internal/composeEventHandlers.ts';
export { resolveLabel } from './components/internal/resolveLabel.ts';
export { createRingBuffer } from './components/EventLog/createRingBuffer.ts';
export type { RingBuffer } from './components/EventLog/createRingBuffer.ts';
// The microphone picker's device list, free of React (useMicrophoneSelect is its adapter)
export { createMicrophoneList } from './components/MicrophoneSelect/createMicrophoneList.ts';
export type {
  MicrophoneList,
  MicrophoneListSnapshot,
  MicrophoneListStatus,
  MicrophoneMediaDevices,
} from './components/MicrophoneSelect/createMicrophoneList.ts';
export { readMicrophones } from './components/MicrophoneSelect/readMicrophones.ts';
// The tool approval prompt's reading of a tool's arguments (indented JSON, every token as sent)
export { formatToolArguments } from './components/ToolApproval/formatToolArguments.ts';
export type { MediaDeviceInfoLike, MicrophoneDevice, MicrophoneReading } from './components/MicrophoneSelect/readMicrophones.ts';
