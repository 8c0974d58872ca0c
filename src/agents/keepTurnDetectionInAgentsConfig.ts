import type { RealtimeSession as AgentsRealtimeSession, RealtimeSessionConfig } from '@openai/agents-realtime';
import { getTurnDetection, type SessionConfig, type TurnDetection } from '../core/protocol/index.ts';

// The SDK rebuilds the whole session config on each of its updates (a handoff, updateAgent), from
// its last config overlaid with `options.config`, and sends `turn_detection` every time (semantic
// VAD unless configured). A turn detection only the kit sent would be overwritten by the next
// one, and with it the idle timeout. So what the kit sends goes into `options.config` as well.

/** The SDK's camelCase turn-detection keys, with the wire names the kit sends. */
const WIRE_NAMES: Record<string, string> = {
  createResponse: 'create_response',
  interruptResponse: 'interrupt_response',
  prefixPaddingMs: 'prefix_padding_ms',
  silenceDurationMs: 'silence_duration_ms',
  idleTimeoutMs: 'idle_timeout_ms',
  modelVersion: 'model_version',
};

/**
 * The keys that make the SDK read a config in its deprecated flat shape (its `isDeprecatedConfig`):
 * with any of them set it takes `turnDetection` from the top and ignores `audio.input`.
 */
const DEPRECATED_FLAT_KEYS = ['modalities', 'inputAudioFormat', 'outputAudioFormat', 'inputAudioTranscription', 'turnDetection', 'inputAudioNoiseReduction', 'speed'];

type RealtimeSessionOptionsOf = AgentsRealtimeSession['options'];
type TurnDetectionConfig = Record<string, unknown> | null | undefined;
type AgentsConfig = Partial<RealtimeSessionConfig> & {
  turnDetection?: TurnDetectionConfig;
  audio?: { input?: { turnDetection?: TurnDetectionConfig } & Record<string, unknown> } & Record<string, unknown>;
};

/**
 * Write the turn detection of a kit `session.update` into the SDK session's `options.config`, in
 * wire names (the SDK reads both, camelCase first, so a camelCase twin is dropped). Same VAD
 * type: merged over what the SDK had; another type or `null`: replaces it. A config without
 * turn detection changes nothing.
 */
export function keepTurnDetectionInAgentsConfig(agentSession: AgentsRealtimeSession, session: SessionConfig): void {
  const sent = getTurnDetection(session);
  if (sent === undefined) return;
  const config = (agentSession.options.config ?? {}) as AgentsConfig;
  // A config in the SDK's deprecated flat shape (`inputAudioTranscription`, `turnDetection`, ...
  // at the top) is read flat as a whole: `audio.input.turnDetection` would be ignored there.
  const flat = DEPRECATED_FLAT_KEYS.some((key) => (config as Record<string, unknown>)[key] !== undefined);
  const current = flat ? config.turnDetection : config.audio?.input?.turnDetection;
  const next = sent === null ? null : merge(current, sent);
  const written: AgentsConfig = flat
    ? { ...config, turnDetection: next }
    : { ...config, audio: { ...config.audio, input: { ...config.audio?.input, turnDetection: next } } };
  // The options object is the app's, perhaps shared by every SDK session it makes (a module
  // constant) or frozen: writing into it would hand this session's turn detection to the next
  // one. The SDK reads `options` afresh on each update, so this session gets its own copy.
  (agentSession as { options: RealtimeSessionOptionsOf }).options = { ...agentSession.options, config: written as Partial<RealtimeSessionConfig> };
}

function merge(current: TurnDetectionConfig, sent: TurnDetection): Record<string, unknown> {
  if (!current || current.type !== sent.type) return { ...sent };
  const wire: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) wire[WIRE_NAMES[key] ?? key] = value;
  return { ...wire, ...sent };
}
