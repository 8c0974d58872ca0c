export { scenario, ScenarioBuilder } from './scenario.ts';
export type {
  AssistantSaysOptions,
  ErrorOptions,
  IdleTimeoutOptions,
  InterruptionOptions,
  ScenarioOptions,
  SessionOptions,
  ToolCallOptions,
  UserSaysOptions,
} from './scenarioOptions.ts';
export { play } from './play.ts';
export type { PlayController, PlayOptions, PlayResult, ScenarioTarget } from './play.ts';
export { isServerEventStep } from './types.ts';
export type { DropStep, PlaybackStep, ScenarioFlavor, ScenarioStep, ServerEventStep, Timeline } from './types.ts';
export { createPcmChunk, PCM_BYTES_PER_MS } from './createPcmChunk.ts';
