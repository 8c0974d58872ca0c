export { scenario, ScenarioBuilder } from './scenario.ts';
export type {
  AssistantSaysOptions,
  ErrorOptions,
  IdleTimeoutOptions,
  InterruptionOptions,
  McpApprovalRequestOptions,
  ScenarioOptions,
  SessionOptions,
  ToolCallOptions,
  ToolCallsOptions,
  ToolCallSpec,
  ToolOutputs,
  UserSaysOptions,
} from './scenarioOptions.ts';
export { play } from './play.ts';
export type { PlayController, PlayOptions, PlayResult, ScenarioTarget } from './play.ts';
export { isServerEventStep, isWaitStep } from './types.ts';
export type {
  DropStep,
  PlaybackStep,
  ScenarioAnswers,
  ScenarioFlavor,
  ScenarioStep,
  ScenarioWait,
  ServerEventStep,
  Timeline,
  WaitStep,
} from './types.ts';
export { createPcmChunk, PCM_BYTES_PER_MS } from './createPcmChunk.ts';
