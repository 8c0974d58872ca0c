import type { AgentState } from '../../core/session/types.ts';

/** The accessible name of the visualizer in each agent state, for translation. */
export type AudioVisualizerLabels = Record<AgentState, string>;

/**
 * The default English names: what a screen reader says the visualizer shows.
 *
 * @example
 * ```tsx
 * <AudioVisualizer labels={{ ...defaultAudioVisualizerLabels, speaking: 'Ava is speaking' }} />
 * ```
 */
export const defaultAudioVisualizerLabels: AudioVisualizerLabels = {
  disconnected: 'Not connected',
  connecting: 'Connecting',
  listening: 'Assistant is listening',
  user_speaking: 'You are speaking',
  thinking: 'Assistant is thinking',
  tool_running: 'Assistant is running a tool',
  speaking: 'Assistant is speaking',
};
