import type { SessionState } from '../sessionTypes.ts';
import type { AgentState } from './agentStateTypes.ts';

/**
 * `state.agentState` from what the session already keeps: pure, so it cannot disagree with
 * the state it reads. The session calls it at each commit and stores the result only when it
 * changed. The order of the checks is the precedence documented on {@link AgentState}.
 *
 * @param toolRunning A function call waits for its output (the calls the idle policy also waits for).
 * @param responseDue The user's turn is over and no conversation response has started yet.
 *
 * @example
 * ```ts
 * deriveAgentState({ status: 'connected', userSpeaking: true, assistantSpeaking: true, responding: false }, false, false);
 * // 'user_speaking': the user's barge-in wins over the audio still playing
 * ```
 */
export function deriveAgentState(
  state: Pick<SessionState, 'status' | 'userSpeaking' | 'assistantSpeaking' | 'responding'>,
  toolRunning: boolean,
  responseDue: boolean,
): AgentState {
  const { status } = state;
  if (status !== 'connected') return status === 'connecting' ? status : 'disconnected';
  if (state.userSpeaking) return 'user_speaking';
  if (state.assistantSpeaking) return 'speaking';
  if (toolRunning) return 'tool_running';
  return state.responding || responseDue ? 'thinking' : 'listening';
}
