/**
 * The Realtime wire protocol: zod/mini schemas of server and client events (GA names, beta
 * aliases normalized), the session config with its turn detection and idle timeout, and the
 * parsers. Helpers used only inside this folder are not re-exported.
 *
 * The parsers (`parseServerEvent`, `parseClientEvent`, `validateSessionConfig`) word zod's issues
 * in English. A schema parsed directly words them in the app's zod locale: classic `zod` loads
 * English once the app builds a schema with it; an app on `zod/mini` alone sees "Invalid input"
 * until it sets one (`z.config(en())`, with `en` from `zod/locales`).
 */
export {
  parseServerEvent,
  type ParseServerEventFailureReason,
  type ParseServerEventResult,
} from './parseServerEvent.ts';
export {
  isServerEventType,
  SERVER_EVENT_TYPES,
  serverErrorSchema,
  serverEventSchema,
  serverEventSchemaFor,
  type ServerError,
  type ServerEvent,
  type ServerEventOf,
  type ServerEventType,
} from './serverEvents.ts';
export { BETA_SERVER_EVENT_ALIASES, gaServerEventType } from './betaAliases.ts';
export { normalizeBetaItem } from './betaItems.ts';
export { normalizeBetaSession } from './betaSession.ts';
export { parseClientEvent, type ParseClientEventResult } from './parseClientEvent.ts';
export {
  CLIENT_EVENT_TYPES,
  clientEventSchema,
  clientEventSchemaFor,
  MAX_APPEND_AUDIO_BASE64_CHARS,
  responseCreateParamsSchema,
  type ClientEvent,
  type ClientEventOf,
  type ClientEventType,
  type ResponseCreateParams,
} from './clientEvents.ts';
export {
  audioFormatSchema,
  sessionConfigSchema,
  sessionToolSchema,
  type AudioFormat,
  type SessionConfig,
  type SessionTool,
} from './sessionConfig.ts';
export {
  IDLE_TIMEOUT_MAX_MS,
  IDLE_TIMEOUT_MIN_MS,
  SEMANTIC_VAD_IDLE_TIMEOUT_MESSAGE,
  semanticVadTurnDetectionSchema,
  serverVadTurnDetectionSchema,
  turnDetectionSchema,
  validateIdleTimeoutMs,
  type SemanticVadTurnDetection,
  type ServerVadTurnDetection,
  type TurnDetection,
} from './turnDetection.ts';
export { RealtimeConfigError, type ConfigIssue } from './errors.ts';
export { validateSessionConfig } from './validateSessionConfig.ts';
export { getTurnDetection, withIdleTimeout } from './withIdleTimeout.ts';
export {
  realtimeResponseSchema,
  responseStatusDetailsSchema,
  responseUsageSchema,
  type RealtimeResponse,
  type ResponseStatusDetails,
  type ResponseUsage,
} from './response.ts';
export {
  contentPartSchema,
  conversationItemSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  inputAudioPartSchema,
  inputImagePartSchema,
  inputTextPartSchema,
  itemReferenceItemSchema,
  mcpApprovalRequestItemSchema,
  mcpApprovalResponseItemSchema,
  mcpCallErrorSchema,
  mcpCallItemSchema,
  mcpListToolsItemSchema,
  messageItemSchema,
  outputAudioPartSchema,
  outputTextPartSchema,
  type ContentPart,
  type ContentPartType,
  type ConversationItem,
  type ConversationItemType,
  type FunctionCallItem,
  type FunctionCallOutputItem,
  type InputAudioPart,
  type InputImagePart,
  type InputTextPart,
  type ItemReferenceItem,
  type McpApprovalRequestItem,
  type McpApprovalResponseItem,
  type McpCallError,
  type McpCallItem,
  type McpListToolsItem,
  type MessageItem,
  type OutputAudioPart,
  type OutputTextPart,
} from './items.ts';
