/**
 * `react-realtime-kit/core`: the framework-free part of the kit. No React here, so another
 * framework can wrap the same session. It holds what an app writes against: the session, its
 * events and state, the config and its errors, the transports and their options. The root
 * entry, `react-realtime-kit`, exports these same names next to the React layer.
 *
 * Building blocks (stores, schemas, audio utilities, the transport emitter) are in
 * `react-realtime-kit/advanced`; docs/migration.md lists what moved there.
 */

// The session
export { createRealtimeSession, DEFAULT_IDLE_POLICY, SERVER_TIMEOUT_BACKUP_MARGIN_MS } from './session/index.ts';
export type {
  AgentState,
  ClientFallbackMode,
  Clock,
  ConnectionStatus,
  CreateRealtimeSessionOptions,
  IdlePhase,
  IdlePolicy,
  IdleState,
  IdleTimeoutSource,
  InputAudioTimeoutTriggeredEvent,
  McpApprovalRequest,
  OutOfBandResponseEvent,
  RealtimeError,
  RealtimeErrorSource,
  RealtimeSession,
  SelectedSessionEvent,
  SessionEvent,
  SessionEventOf,
  SessionEventSelector,
  SessionEventType,
  SessionState,
  TimerHandle,
  TranscriptIdleInfo,
  TranscriptItem,
  TranscriptItemKind,
  TranscriptItemStatus,
  TranscriptRole,
  TranscriptState,
  TranscriptToolInfo,
  UnknownServerEvent,
} from './session/index.ts';

// Client tools: functions the model calls and the browser runs
export { defineTool } from './session/tools/defineTool.ts';
export type {
  AnyClientTool,
  ClientTool,
  ClientToolDeclaration,
  DefineToolOptions,
  ToolCallContext,
  ToolErrorCode,
  ToolResultEvent,
  UnknownToolCalls,
} from './session/index.ts';

// The wire protocol: parsing, the session config and its errors, and the types of wire events
export {
  getTurnDetection,
  IDLE_TIMEOUT_MAX_MS,
  IDLE_TIMEOUT_MIN_MS,
  parseServerEvent,
  RealtimeConfigError,
  validateSessionConfig,
  withIdleTimeout,
} from './protocol/index.ts';
export type {
  AudioFormat,
  ClientEvent,
  ClientEventOf,
  ClientEventType,
  ConfigIssue,
  ContentPart,
  ContentPartType,
  ConversationItem,
  ConversationItemType,
  FunctionCallItem,
  FunctionCallOutputItem,
  InputAudioPart,
  InputImagePart,
  InputTextPart,
  ItemReferenceItem,
  McpApprovalRequestItem,
  McpApprovalResponseItem,
  McpCallError,
  McpCallItem,
  McpListToolsItem,
  MessageItem,
  OutputAudioPart,
  OutputTextPart,
  ParseServerEventFailureReason,
  ParseServerEventResult,
  RealtimeResponse,
  ResponseCreateParams,
  ResponseStatusDetails,
  ResponseUsage,
  SemanticVadTurnDetection,
  ServerError,
  ServerEvent,
  ServerEventOf,
  ServerEventType,
  ServerVadTurnDetection,
  SessionConfig,
  SessionTool,
  TurnDetection,
} from './protocol/index.ts';

// Transports: the OpenAI ones, their options and errors, and the interface a custom one implements
export {
  createAudioLevels,
  createOpenAIWebRTCTransport,
  createOpenAIWebSocketTransport,
  isRealtimeTransportError,
  RealtimeTransportError,
} from './transports/index.ts';
export type {
  AudioLevelMeter,
  AudioLevelOptions,
  AudioLevels,
  ClientSecretSource,
  MediaDevicesLike,
  OpenAIWebRTCTransport,
  OpenAIWebRTCTransportOptions,
  OpenAIWebSocketTransport,
  OpenAIWebSocketTransportOptions,
  PlaybackEvent,
  PlaybackReporting,
  RealtimeTransport,
  RealtimeTransportErrorCode,
  TransportCloseInfo,
  TransportEventMap,
} from './transports/index.ts';

// Custom server events: teach the kit a server event type it does not know (a zod schema each)
export { defineServerEvents } from './session/index.ts';
export type {
  BetaServerEventType,
  CheckedServerEventSchemas,
  CustomServerEventListener,
  CustomServerEventOf,
  CustomServerEvents,
  CustomServerEventSchemas,
  CustomServerEventSink,
  RealtimeEventSelector,
  RealtimeSessionOn,
  RealtimeSessionWithEvents,
  Register,
  RegisteredServerEvents,
  ReservedEventType,
  SelectedRealtimeEvent,
  ServerEventsOf,
  SessionEventListener,
} from './session/index.ts';
