import type { AgentState } from '../../core/session/types.ts';

/** Every string `VoiceSessionView` shows itself (each part has its own `labels`). */
export interface VoiceSessionViewLabels {
  /** The accessible name of the whole view when it has no `title`. */
  region: string;
  /** The visible caption of each agent state, under the visualizer. */
  states: Record<AgentState, string>;
}

/**
 * The default English copy.
 *
 * @example
 * ```tsx
 * <VoiceSessionView labels={{ states: { ...defaultVoiceSessionViewLabels.states, thinking: 'One moment…' } }} />
 * ```
 */
export const defaultVoiceSessionViewLabels: VoiceSessionViewLabels = {
  region: 'Voice session',
  states: {
    disconnected: 'Start a session to talk',
    connecting: 'Connecting…',
    listening: 'Listening',
    user_speaking: 'Hearing you',
    thinking: 'Thinking…',
    tool_running: 'Working on it…',
    speaking: 'Speaking',
  },
};

/** The defaults with the given overrides; `states` is merged state by state. */
export function resolveVoiceSessionViewLabels(labels: VoiceSessionViewLabelOverrides | undefined): VoiceSessionViewLabels {
  if (!labels) return defaultVoiceSessionViewLabels;
  return {
    region: labels.region ?? defaultVoiceSessionViewLabels.region,
    states: { ...defaultVoiceSessionViewLabels.states, ...labels.states },
  };
}

/**
 * The labels a user may override: any string, and any state's caption.
 *
 * @example
 * ```tsx
 * const labels: VoiceSessionViewLabelOverrides = { states: { speaking: 'Ava is talking' } };
 * ```
 */
export interface VoiceSessionViewLabelOverrides {
  region?: string;
  states?: Partial<Record<AgentState, string>>;
}
